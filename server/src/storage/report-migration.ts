/**
 * Issue 15 (reports), migrations 0071–0079. Portable schema-builder code and plain SQL only.
 *
 * `0071_report_facts`: every report used to ask the messages table, per conversation, whether the bot
 * answered and when an agent first replied (two correlated subqueries per conversation, 13 s over
 * 100 000 conversations on SQLite). Those two facts now live on the conversation, written with each
 * message (`hot-sql.ts` `bumpSeq`), backfilled here from the messages already stored. One index then
 * holds every column a report reads, so each report query is a range search of that index alone
 * (SQLite: `SEARCH … USING COVERING INDEX`; docs/REPORTS.md has the plans and the timings).
 */
import { type Kysely, type Migration, sql } from 'kysely';

/** The columns of `conversations_report`, site and start first (the window every report reads). */
export const REPORT_INDEX_COLUMNS = [
  'site_id',
  'created_at',
  'agent_id',
  'handoff_reason',
  'rating',
  'queued_at',
  'assigned_at',
  'offline_at',
  'abandoned_at',
  'resolved_at',
  'first_bot_at',
  'first_agent_reply_at',
] as const;

const reportFacts: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('conversations').addColumn('first_bot_at', 'varchar(32)').execute();
    await db.schema.alterTable('conversations').addColumn('first_agent_reply_at', 'varchar(32)').execute();
    // The same definitions as `reports/facts.ts`, over the messages already stored.
    await sql`UPDATE conversations SET
      first_bot_at = (SELECT MIN(m.created_at) FROM messages m
        WHERE m.conversation_id = conversations.id AND m.author = 'bot'),
      first_agent_reply_at = (SELECT MIN(m.created_at) FROM messages m
        WHERE m.conversation_id = conversations.id AND m.author = 'agent' AND m.kind IN ('text', 'attachment'))`.execute(
      db,
    );
    await db.schema
      .createIndex('conversations_report')
      .on('conversations')
      .columns([...REPORT_INDEX_COLUMNS])
      .execute();
  },
};

export const REPORT_MIGRATIONS: Record<string, Migration> = {
  '0071_report_facts': reportFacts,
};
