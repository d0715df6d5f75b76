/**
 * Schema migrations, applied in order at start by Kysely's migrator, on SQLite and PostgreSQL alike.
 * Portable schema-builder code only; a type an engine lacks comes from `portable-types.ts`.
 */
import type { Kysely, Migration } from 'kysely';
import { API_MIGRATIONS } from './api-migration.ts';
import { agentAway, agentOffline } from './away-migration.ts';
import { CONTACT_MIGRATIONS } from './contacts-migration.ts';
import { offlineMessages } from './offline-migration.ts';
import { binaryType } from './portable-types.ts';
import { REPORT_MIGRATIONS } from './report-migration.ts';
import { routing } from './routing-migration.ts';
import { SEARCH_MIGRATIONS } from './search-migration.ts';

const initial: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('sites')
      .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
      .addColumn('key', 'varchar(64)', (c) => c.notNull().unique())
      .addColumn('name', 'varchar(200)', (c) => c.notNull())
      .addColumn('allowed_origins', 'text', (c) => c.notNull())
      .addColumn('settings', 'text', (c) => c.notNull())
      .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('agents')
      .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
      .addColumn('email', 'varchar(254)', (c) => c.notNull().unique())
      .addColumn('name', 'varchar(100)', (c) => c.notNull())
      .addColumn('role', 'varchar(16)', (c) => c.notNull())
      .addColumn('password_hash', 'text', (c) => c.notNull())
      .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('agent_sites')
      .addColumn('agent_id', 'varchar(64)', (c) => c.notNull().references('agents.id').onDelete('cascade'))
      .addColumn('site_id', 'varchar(64)', (c) => c.notNull().references('sites.id').onDelete('cascade'))
      .addPrimaryKeyConstraint('agent_sites_pk', ['agent_id', 'site_id'])
      .execute();
    await db.schema
      .createTable('sessions')
      .addColumn('token_hash', 'varchar(64)', (c) => c.primaryKey())
      .addColumn('agent_id', 'varchar(64)', (c) => c.notNull().references('agents.id').onDelete('cascade'))
      .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
      .addColumn('expires_at', 'varchar(32)', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('visitors')
      .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
      .addColumn('site_id', 'varchar(64)', (c) => c.notNull().references('sites.id').onDelete('cascade'))
      .addColumn('token_hash', 'varchar(64)', (c) => c.notNull().unique())
      .addColumn('name', 'varchar(100)')
      .addColumn('email', 'varchar(254)')
      .addColumn('verified', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('locale', 'varchar(8)')
      .addColumn('user_agent', 'text')
      .addColumn('page_url', 'text')
      .addColumn('page_title', 'text')
      .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
      .addColumn('last_seen_at', 'varchar(32)', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('conversations')
      .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
      .addColumn('site_id', 'varchar(64)', (c) => c.notNull().references('sites.id').onDelete('cascade'))
      .addColumn('visitor_id', 'varchar(64)', (c) =>
        c.notNull().references('visitors.id').onDelete('cascade'),
      )
      .addColumn('state', 'varchar(16)', (c) => c.notNull())
      .addColumn('agent_id', 'varchar(64)', (c) => c.references('agents.id').onDelete('set null'))
      .addColumn('locale', 'varchar(8)', (c) => c.notNull())
      .addColumn('last_seq', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('bot_misses', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('handoff_reason', 'varchar(32)')
      .addColumn('last_message_author', 'varchar(16)')
      .addColumn('last_message_body', 'text')
      .addColumn('last_message_at', 'varchar(32)')
      .addColumn('rating', 'integer')
      .addColumn('rating_comment', 'text')
      .addColumn('queued_at', 'varchar(32)')
      .addColumn('resolved_at', 'varchar(32)')
      .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
      .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('conversations_site_state')
      .on('conversations')
      .columns(['site_id', 'state', 'updated_at'])
      .execute();
    await db.schema
      .createIndex('conversations_visitor')
      .on('conversations')
      .columns(['visitor_id'])
      .execute();
    await db.schema
      .createTable('messages')
      .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
      .addColumn('conversation_id', 'varchar(64)', (c) =>
        c.notNull().references('conversations.id').onDelete('cascade'),
      )
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('client_id', 'varchar(64)')
      .addColumn('author', 'varchar(16)', (c) => c.notNull())
      .addColumn('author_name', 'varchar(100)')
      .addColumn('agent_id', 'varchar(64)')
      .addColumn('kind', 'varchar(16)', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('meta', 'text')
      .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
      .addUniqueConstraint('messages_conversation_seq', ['conversation_id', 'seq'])
      .addUniqueConstraint('messages_conversation_client', ['conversation_id', 'client_id'])
      .execute();
    await db.schema
      .createTable('faqs')
      .addColumn('id', 'varchar(64)', (c) => c.notNull())
      .addColumn('site_id', 'varchar(64)', (c) => c.notNull().references('sites.id').onDelete('cascade'))
      .addColumn('lang', 'varchar(8)', (c) => c.notNull())
      .addColumn('question', 'text', (c) => c.notNull())
      .addColumn('examples', 'text', (c) => c.notNull())
      .addColumn('answer', 'text', (c) => c.notNull())
      .addColumn('tags', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
      .addPrimaryKeyConstraint('faqs_pk', ['site_id', 'id'])
      .execute();
  },
};

/** Visitor messages the bot missed: the "unanswered questions" list of the FAQ page. */
const botMisses: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('bot_misses')
      .addColumn('site_id', 'varchar(64)', (c) => c.notNull().references('sites.id').onDelete('cascade'))
      .addColumn('message_id', 'varchar(64)', (c) =>
        c.notNull().references('messages.id').onDelete('cascade'),
      )
      .addColumn('conversation_id', 'varchar(64)', (c) =>
        c.notNull().references('conversations.id').onDelete('cascade'),
      )
      .addColumn('lang', 'varchar(8)', (c) => c.notNull())
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
      .addColumn('dismissed_at', 'varchar(32)')
      .addColumn('faq_id', 'varchar(64)')
      .addPrimaryKeyConstraint('bot_misses_pk', ['site_id', 'message_id'])
      .execute();
    await db.schema
      .createIndex('bot_misses_site_open')
      .on('bot_misses')
      .columns(['site_id', 'dismissed_at', 'created_at'])
      .execute();
  },
};

/**
 * Issue 9: archived sites; agents' avatars and "must change password"; uploaded images (logos,
 * avatars), stored re-encoded. Existing rows get the defaults (not archived, no avatar, no change).
 */
const sitesAndAccounts: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .alterTable('sites')
      .addColumn('archived', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema.alterTable('agents').addColumn('avatar_color', 'varchar(16)').execute();
    await db.schema.alterTable('agents').addColumn('avatar_image_id', 'varchar(64)').execute();
    await db.schema
      .alterTable('agents')
      .addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema
      .createTable('images')
      .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
      .addColumn('content_type', 'varchar(32)', (c) => c.notNull())
      .addColumn('data', binaryType(db), (c) => c.notNull())
      .addColumn('width', 'integer', (c) => c.notNull())
      .addColumn('height', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
      .execute();
  },
};

/**
 * Issue 10 (presence, abandonment, honest waits): when a conversation was last taken from the queue
 * (waits are measured queued_at → assigned_at), when it was abandoned, and when its visitor was last
 * there (a socket open, a message). Existing rows: unknown (null), read as "no measurement".
 */
const presenceAndWaiting: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('conversations').addColumn('assigned_at', 'varchar(32)').execute();
    await db.schema.alterTable('conversations').addColumn('abandoned_at', 'varchar(32)').execute();
    await db.schema.alterTable('conversations').addColumn('visitor_last_active_at', 'varchar(32)').execute();
    await db.schema
      .createIndex('conversations_site_assigned')
      .on('conversations')
      .columns(['site_id', 'assigned_at'])
      .execute();
  },
};

/** Issue 10 (mail): the outbox of outgoing e-mail; the sender picks pending mail by due time. */
const mail: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('mail_outbox')
      .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
      .addColumn('conversation_id', 'varchar(64)', (c) =>
        c.references('conversations.id').onDelete('set null'),
      )
      .addColumn('kind', 'varchar(16)', (c) => c.notNull())
      .addColumn('recipient', 'varchar(254)', (c) => c.notNull())
      .addColumn('recipient_name', 'varchar(200)', (c) => c.notNull())
      .addColumn('from_name', 'varchar(200)', (c) => c.notNull())
      .addColumn('subject', 'text', (c) => c.notNull())
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('html', 'text', (c) => c.notNull())
      .addColumn('reply_to', 'varchar(254)')
      .addColumn('status', 'varchar(16)', (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('next_attempt_at', 'varchar(32)')
      .addColumn('last_error', 'text')
      .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
      .addColumn('sent_at', 'varchar(32)')
      .execute();
    await db.schema
      .createIndex('mail_outbox_due')
      .on('mail_outbox')
      .columns(['status', 'next_attempt_at'])
      .execute();
    await db.schema
      .createIndex('mail_outbox_conversation')
      .on('mail_outbox')
      .columns(['conversation_id', 'kind', 'status'])
      .execute();
  },
};

/** Issue 13: read receipts, one row per conversation and reader, removed with the conversation. */
const readPositions: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('read_positions')
      .addColumn('conversation_id', 'varchar(64)', (c) =>
        c.notNull().references('conversations.id').onDelete('cascade'),
      )
      .addColumn('reader_key', 'varchar(80)', (c) => c.notNull())
      .addColumn('reader', 'varchar(16)', (c) => c.notNull())
      .addColumn('agent_id', 'varchar(64)', (c) => c.references('agents.id').onDelete('cascade'))
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('read_at', 'varchar(32)', (c) => c.notNull())
      .addPrimaryKeyConstraint('read_positions_pk', ['conversation_id', 'reader_key'])
      .execute();
  },
};

/**
 * Issue 13: attachments. A row per stored file of a conversation (removed with it); the message
 * that carries it is referenced once it is stored (set null if that message is ever removed).
 */
const attachments: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('attachments')
      .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
      .addColumn('conversation_id', 'varchar(64)', (c) =>
        c.notNull().references('conversations.id').onDelete('cascade'),
      )
      .addColumn('site_id', 'varchar(64)', (c) => c.notNull().references('sites.id').onDelete('cascade'))
      .addColumn('message_id', 'varchar(64)', (c) => c.references('messages.id').onDelete('set null'))
      .addColumn('author', 'varchar(16)', (c) => c.notNull())
      .addColumn('name', 'varchar(200)', (c) => c.notNull())
      .addColumn('mime', 'varchar(100)', (c) => c.notNull())
      .addColumn('kind', 'varchar(8)', (c) => c.notNull())
      .addColumn('size', 'integer', (c) => c.notNull())
      .addColumn('width', 'integer')
      .addColumn('height', 'integer')
      .addColumn('file_key', 'varchar(200)', (c) => c.notNull())
      .addColumn('thumb_key', 'varchar(200)')
      .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('attachments_conversation')
      .on('attachments')
      .columns(['conversation_id', 'created_at'])
      .execute();
  },
};

/** Issue 14: canned responses, removed with their site or (personal ones) their agent. */
const cannedResponses: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('canned_responses')
      .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
      .addColumn('site_id', 'varchar(64)', (c) => c.notNull().references('sites.id').onDelete('cascade'))
      .addColumn('owner_id', 'varchar(64)', (c) => c.references('agents.id').onDelete('cascade'))
      .addColumn('scope', 'varchar(16)', (c) => c.notNull())
      .addColumn('lang', 'varchar(8)', (c) => c.notNull())
      .addColumn('title', 'varchar(200)', (c) => c.notNull())
      .addColumn('shortcut', 'varchar(64)', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
      .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('canned_responses_site')
      .on('canned_responses')
      .columns(['site_id', 'lang'])
      .execute();
  },
};

/** Issue 14: an agent's console preferences (attention signals), one row per agent. */
const agentPreferences: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('agent_preferences')
      .addColumn('agent_id', 'varchar(64)', (c) => c.primaryKey().references('agents.id').onDelete('cascade'))
      .addColumn('attention', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
      .execute();
  },
};

/**
 * Issue 15 (reports): every report reads one site's conversations by start time, and per
 * conversation asks whether the bot answered and when an agent first replied. Measured over 100 000
 * conversations (docs/REPORTS.md): without these the report scans whole tables.
 */
const reportIndexes: Migration = {
  async up(db: Kysely<unknown>) {
    // `conversations_site_created` (site_id, created_at, id) comes from 0060_search and serves the reports too.
    await db.schema
      .createIndex('messages_conversation_author')
      .on('messages')
      .columns(['conversation_id', 'author', 'created_at'])
      .execute();
  },
};

/**
 * Issue 16 (learn from agents): per conversation handed off, the visitor's question and the agent's first
 * substantive reply, offered under "Unanswered" until an admin uses or dismisses it.
 */
const agentAnswers: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('agent_answers')
      .addColumn('site_id', 'varchar(64)', (c) => c.notNull().references('sites.id').onDelete('cascade'))
      .addColumn('conversation_id', 'varchar(64)', (c) =>
        c.notNull().references('conversations.id').onDelete('cascade'),
      )
      .addColumn('lang', 'varchar(8)', (c) => c.notNull())
      .addColumn('question', 'text', (c) => c.notNull())
      .addColumn('answer', 'text', (c) => c.notNull())
      .addColumn('guess_faq_id', 'varchar(64)')
      .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
      .addColumn('dismissed_at', 'varchar(32)')
      .addPrimaryKeyConstraint('agent_answers_pk', ['site_id', 'conversation_id'])
      .execute();
    await db.schema
      .createIndex('agent_answers_site_open')
      .on('agent_answers')
      .columns(['site_id', 'dismissed_at', 'created_at'])
      .execute();
  },
};

export const MIGRATIONS: Record<string, Migration> = {
  '0001_initial': initial,
  '0002_bot_misses': botMisses,
  '0003_sites_and_accounts': sitesAndAccounts,
  '0004_presence_and_waiting': presenceAndWaiting,
  // Issue 10.
  '0005_offline_messages': offlineMessages,
  '0006_mail': mail,
  // Issue 12 (contacts): '0010_contacts' … '0016_contact_attribute_index'.
  ...CONTACT_MIGRATIONS,
  // Issue 13.
  '0020_read_positions': readPositions,
  '0030_attachments': attachments,
  // Issue 14 (routing).
  '0040_routing': routing,
  // Issue 14 (away persisted).
  '0041_agent_away': agentAway,
  // Issue 14 (durable offline return).
  '0042_agent_offline': agentOffline,
  // Issue 14 (canned responses, attention).
  '0050_canned_responses': cannedResponses,
  '0051_agent_preferences': agentPreferences,
  // Issue 14 (find things): '0060_search', '0061_search_vector'.
  ...SEARCH_MIGRATIONS,
  // Issue 15.
  '0070_report_indexes': reportIndexes,
  // Issue 15 (reports, faster): '0071_report_facts'.
  ...REPORT_MIGRATIONS,
  // Issue 15 (public API, webhooks): '0080_api_tokens', '0081_webhooks'.
  ...API_MIGRATIONS,
  // Issue 16 (the bot learns from agents).
  '0090_agent_answers': agentAnswers,
};
