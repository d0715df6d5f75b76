/**
 * The storage contract implemented once over Kysely, so SQLite and PostgreSQL share every query.
 * Sequence numbers come from `conversations.last_seq`, bumped in the same transaction as the insert:
 * the row update serialises writers per conversation, so `seq` has no gaps and no duplicates.
 */
import { randomUUID } from 'node:crypto';
import type { Message, MessageKind } from '@frontdesk/shared';
import { CompiledQuery, type Kysely, Migrator, type Selectable, type Transaction } from 'kysely';
import { AppError } from '../errors.ts';
import { bumpSeq, CONVERSATION_BY_ID, INSERT_MESSAGE, MESSAGE_BY_CLIENT_ID } from './hot-sql.ts';
import { MIGRATIONS } from './migrations.ts';
import {
  type JoinedConversationRow,
  toAgent,
  toBotMiss,
  toConversation,
  toFaq,
  toMessage,
  toSite,
  toVisitor,
} from './records.ts';
import type { Database, MessageTable } from './schema.ts';
import type {
  AgentPatch,
  AppendOptions,
  AppendResult,
  ConversationPatch,
  ConversationRecord,
  FaqRecord,
  ListConversationsQuery,
  NewBotMiss,
  NewMessage,
  SitePatch,
  Storage,
} from './types.ts';

const now = () => new Date().toISOString();

/** Thrown inside a transaction to roll it back and report what was found instead. */
class Rollback extends Error {
  constructor(readonly outcome: { type: 'duplicate'; row: Message } | { type: 'skipped' }) {
    super('rollback');
  }
}

/** Kinds that change the conversation's "last message" preview. */
const PREVIEW_KINDS = new Set(['text', 'attachment']);

export class KyselyStorage implements Storage {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly onClose: () => Promise<void> = async () => {},
  ) {}

  async migrate(): Promise<void> {
    const migrator = new Migrator({
      db: this.db,
      provider: { getMigrations: async () => MIGRATIONS },
      migrationTableName: 'frontdesk_migrations',
      migrationLockTableName: 'frontdesk_migrations_lock',
    });
    const { error } = await migrator.migrateToLatest();
    if (error) throw error;
  }

  async close(): Promise<void> {
    await this.db.destroy();
    await this.onClose();
  }

  async ping(): Promise<void> {
    await this.db.selectFrom('sites').select('id').limit(1).execute();
  }

  // Sites

  async createSite(input: Parameters<Storage['createSite']>[0]) {
    const row = {
      id: randomUUID(),
      key: input.key,
      name: input.name,
      allowed_origins: JSON.stringify(input.allowedOrigins),
      settings: JSON.stringify(input.settings),
      created_at: now(),
    };
    await this.db.insertInto('sites').values(row).execute();
    return toSite(row);
  }

  async getSiteByKey(key: string) {
    const row = await this.db.selectFrom('sites').selectAll().where('key', '=', key).executeTakeFirst();
    return row ? toSite(row) : null;
  }

  async getSite(id: string) {
    const row = await this.db.selectFrom('sites').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toSite(row) : null;
  }

  async updateSite(id: string, patch: SitePatch) {
    const set = {
      ...(patch.name !== undefined && { name: patch.name }),
      ...(patch.allowedOrigins !== undefined && { allowed_origins: JSON.stringify(patch.allowedOrigins) }),
      ...(patch.settings !== undefined && { settings: JSON.stringify(patch.settings) }),
    };
    if (Object.keys(set).length > 0)
      await this.db.updateTable('sites').set(set).where('id', '=', id).execute();
    return this.getSite(id);
  }

  // Agents and sessions

  async createAgent(input: Parameters<Storage['createAgent']>[0]) {
    const row = {
      id: randomUUID(),
      email: input.email,
      name: input.name,
      role: input.role,
      password_hash: input.passwordHash,
      disabled: 0,
      created_at: now(),
    };
    await this.db.transaction().execute(async (trx) => {
      await trx.insertInto('agents').values(row).execute();
      if (input.siteIds.length > 0) {
        await trx
          .insertInto('agent_sites')
          .values(input.siteIds.map((site_id) => ({ agent_id: row.id, site_id })))
          .execute();
      }
    });
    return toAgent(row);
  }

  async getAgent(id: string) {
    const row = await this.db.selectFrom('agents').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toAgent(row) : null;
  }

  async getAgentByEmail(email: string) {
    const row = await this.db.selectFrom('agents').selectAll().where('email', '=', email).executeTakeFirst();
    return row ? toAgent(row) : null;
  }

  async countAgents() {
    const row = await this.db
      .selectFrom('agents')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async listAgentSiteIds(agentId: string) {
    const rows = await this.db
      .selectFrom('agent_sites')
      .select('site_id')
      .where('agent_id', '=', agentId)
      .execute();
    return rows.map((r) => r.site_id);
  }

  async listSitesOfAgent(agentId: string) {
    const rows = await this.db
      .selectFrom('sites')
      .innerJoin('agent_sites', 'agent_sites.site_id', 'sites.id')
      .selectAll('sites')
      .where('agent_sites.agent_id', '=', agentId)
      .orderBy('sites.name')
      .execute();
    return rows.map(toSite);
  }

  async updateAgent(id: string, patch: AgentPatch) {
    const set = {
      ...(patch.name !== undefined && { name: patch.name }),
      ...(patch.role !== undefined && { role: patch.role }),
      ...(patch.passwordHash !== undefined && { password_hash: patch.passwordHash }),
      ...(patch.disabled !== undefined && { disabled: patch.disabled ? 1 : 0 }),
    };
    if (Object.keys(set).length > 0)
      await this.db.updateTable('agents').set(set).where('id', '=', id).execute();
    return this.getAgent(id);
  }

  async createSession(input: { tokenHash: string; agentId: string; expiresAt: string }) {
    await this.db
      .insertInto('sessions')
      .values({
        token_hash: input.tokenHash,
        agent_id: input.agentId,
        created_at: now(),
        expires_at: input.expiresAt,
      })
      .execute();
  }

  async getSession(tokenHash: string) {
    const row = await this.db
      .selectFrom('sessions')
      .select(['agent_id', 'expires_at'])
      .where('token_hash', '=', tokenHash)
      .executeTakeFirst();
    return row ? { agentId: row.agent_id, expiresAt: row.expires_at } : null;
  }

  async deleteSession(tokenHash: string) {
    await this.db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
  }

  async deleteAgentSessions(agentId: string, exceptTokenHash?: string) {
    return this.db.transaction().execute(async (trx) => {
      let select = trx.selectFrom('sessions').select('token_hash').where('agent_id', '=', agentId);
      if (exceptTokenHash !== undefined) select = select.where('token_hash', '!=', exceptTokenHash);
      const hashes = (await select.execute()).map((r) => r.token_hash);
      if (hashes.length > 0) await trx.deleteFrom('sessions').where('token_hash', 'in', hashes).execute();
      return hashes;
    });
  }

  async filterLiveSessions(tokenHashes: readonly string[], now: string) {
    const live: string[] = [];
    // Chunked: engines cap the number of bound parameters per statement.
    for (let i = 0; i < tokenHashes.length; i += 500) {
      const rows = await this.db
        .selectFrom('sessions as s')
        .innerJoin('agents as a', 'a.id', 's.agent_id')
        .select('s.token_hash')
        .where('s.token_hash', 'in', tokenHashes.slice(i, i + 500))
        .where('s.expires_at', '>', now)
        .where('a.disabled', '=', 0)
        .execute();
      live.push(...rows.map((r) => r.token_hash));
    }
    return live;
  }

  // Visitors

  async createVisitor(input: { siteId: string; tokenHash: string }) {
    const at = now();
    const row = {
      id: randomUUID(),
      site_id: input.siteId,
      token_hash: input.tokenHash,
      name: null,
      email: null,
      verified: 0,
      locale: null,
      user_agent: null,
      page_url: null,
      page_title: null,
      created_at: at,
      last_seen_at: at,
    };
    await this.db.insertInto('visitors').values(row).execute();
    return toVisitor(row);
  }

  async getVisitorByToken(siteId: string, tokenHash: string) {
    const row = await this.db
      .selectFrom('visitors')
      .selectAll()
      .where('token_hash', '=', tokenHash)
      .where('site_id', '=', siteId)
      .executeTakeFirst();
    return row ? toVisitor(row) : null;
  }

  async updateVisitor(id: string, patch: Parameters<Storage['updateVisitor']>[1]) {
    await this.db
      .updateTable('visitors')
      .set({
        last_seen_at: now(),
        ...(patch.locale !== undefined && { locale: patch.locale }),
        ...(patch.userAgent !== undefined && { user_agent: patch.userAgent }),
        ...(patch.pageUrl !== undefined && { page_url: patch.pageUrl }),
        ...(patch.pageTitle !== undefined && { page_title: patch.pageTitle }),
      })
      .where('id', '=', id)
      .execute();
  }

  // Conversations

  private selectConversations(db: Kysely<Database> | Transaction<Database> = this.db) {
    return db
      .selectFrom('conversations as c')
      .innerJoin('visitors as v', 'v.id', 'c.visitor_id')
      .leftJoin('agents as a', 'a.id', 'c.agent_id')
      .selectAll('c')
      .select([
        'a.name as agent_name',
        'v.name as v_name',
        'v.email as v_email',
        'v.verified as v_verified',
        'v.locale as v_locale',
        'v.user_agent as v_user_agent',
        'v.page_url as v_page_url',
        'v.page_title as v_page_title',
        'v.created_at as v_created_at',
        'v.last_seen_at as v_last_seen_at',
      ]);
  }

  private async findConversation(
    id: string,
    db: Kysely<Database> | Transaction<Database> = this.db,
  ): Promise<ConversationRecord | null> {
    const [row] = await this.run<JoinedConversationRow>(db, CONVERSATION_BY_ID, [id]);
    return row ? toConversation(row) : null;
  }

  getConversation(id: string) {
    return this.findConversation(id);
  }

  async getLatestConversation(visitorId: string) {
    const row = await this.selectConversations()
      .where('c.visitor_id', '=', visitorId)
      .orderBy('c.created_at', 'desc')
      .orderBy('c.id', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row ? toConversation(row as JoinedConversationRow) : null;
  }

  async createConversation(input: Parameters<Storage['createConversation']>[0]) {
    const at = now();
    const id = randomUUID();
    await this.db
      .insertInto('conversations')
      .values({
        id,
        site_id: input.siteId,
        visitor_id: input.visitorId,
        state: 'bot',
        agent_id: null,
        locale: input.locale,
        last_seq: 0,
        version: 0,
        bot_misses: 0,
        handoff_reason: null,
        last_message_author: null,
        last_message_body: null,
        last_message_at: null,
        rating: null,
        rating_comment: null,
        queued_at: null,
        resolved_at: null,
        created_at: at,
        updated_at: at,
      })
      .execute();
    const created = await this.findConversation(id);
    if (!created) throw new AppError('internal', 'conversation vanished after insert');
    return created;
  }

  async listConversations(query: ListConversationsQuery) {
    if (query.siteIds.length === 0) return [];
    let q = this.selectConversations().where('c.site_id', 'in', query.siteIds);
    if (query.state) q = q.where('c.state', '=', query.state);
    q =
      query.state === 'queued'
        ? q.orderBy('c.queued_at', 'asc')
        : q.orderBy('c.updated_at', 'desc').orderBy('c.id', 'desc');
    const rows = await q.limit(query.limit).execute();
    return rows.map((row) => toConversation(row as JoinedConversationRow));
  }

  async countQueuedBefore(siteId: string, queuedAt: string) {
    const row = await this.db
      .selectFrom('conversations')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('site_id', '=', siteId)
      .where('state', '=', 'queued')
      .where('queued_at', '<', queuedAt)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async updateConversation(
    id: string,
    expectedVersion: number,
    patch: ConversationPatch,
    event: NewMessage | null,
  ) {
    return this.db.transaction().execute(async (trx) => {
      const set = {
        version: expectedVersion + 1,
        updated_at: now(),
        ...(patch.state !== undefined && { state: patch.state }),
        ...(patch.agentId !== undefined && { agent_id: patch.agentId }),
        ...(patch.botMisses !== undefined && { bot_misses: patch.botMisses }),
        ...(patch.handoffReason !== undefined && { handoff_reason: patch.handoffReason }),
        ...(patch.queuedAt !== undefined && { queued_at: patch.queuedAt }),
        ...(patch.resolvedAt !== undefined && { resolved_at: patch.resolvedAt }),
        ...(patch.rating !== undefined && { rating: patch.rating }),
        ...(patch.ratingComment !== undefined && { rating_comment: patch.ratingComment }),
      };
      const updated = await trx
        .updateTable('conversations')
        .set(set)
        .where('id', '=', id)
        .where('version', '=', expectedVersion)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) !== 1) return null;
      const message = event ? await this.insertMessage(trx, event) : null;
      const conversation = await this.findConversation(id, trx);
      if (!conversation) throw new AppError('internal', 'conversation vanished during update');
      return { conversation, message };
    });
  }

  /** Bumps `last_seq` and inserts; must run inside a transaction. */
  private async insertMessage(trx: Transaction<Database>, input: NewMessage, options?: AppendOptions) {
    const at = now();
    if (options?.requireSiteIds?.length === 0) throw new Rollback({ type: 'skipped' });
    const preview = PREVIEW_KINDS.has(input.kind)
      ? { author: input.author, body: input.body.slice(0, 300) }
      : null;
    const bump = bumpSeq(input.conversationId, at, preview, {
      states: options?.requireStates,
      visitorId: options?.requireVisitorId,
      siteIds: options?.requireSiteIds,
      agentId: options?.requireAgentId,
    });
    const [bumped] = await this.run<{ last_seq: number }>(trx, bump.sql, bump.params);
    if (!bumped) throw new Rollback({ type: 'skipped' });
    const row = {
      id: randomUUID(),
      conversation_id: input.conversationId,
      seq: Number(bumped.last_seq),
      client_id: input.clientId,
      author: input.author,
      author_name: input.authorName,
      agent_id: input.agentId,
      kind: input.kind,
      body: input.body,
      meta: input.meta ? JSON.stringify(input.meta) : null,
      created_at: at,
    };
    // A retried clientId hits the unique key: nothing is inserted and the bump is rolled back.
    const inserted = await trx.executeQuery(
      CompiledQuery.raw(INSERT_MESSAGE, [
        row.id,
        row.conversation_id,
        row.seq,
        row.client_id,
        row.author,
        row.author_name,
        row.agent_id,
        row.kind,
        row.body,
        row.meta,
        row.created_at,
      ]),
    );
    if (Number(inserted.numAffectedRows ?? 0n) !== 1) {
      const [existing] = await this.run<Selectable<MessageTable>>(trx, MESSAGE_BY_CLIENT_ID, [
        input.conversationId,
        input.clientId,
      ]);
      if (!existing) throw new AppError('internal', 'message insert failed without a conflicting row');
      throw new Rollback({ type: 'duplicate', row: toMessage(existing) });
    }
    return toMessage(row);
  }

  private async run<T>(
    db: Kysely<Database> | Transaction<Database>,
    sql: string,
    params: readonly unknown[],
  ) {
    return (await db.executeQuery<T>(CompiledQuery.raw(sql, [...params]))).rows;
  }

  async appendMessage(input: NewMessage, options?: AppendOptions): Promise<AppendResult> {
    let message: Message;
    try {
      message = await this.db.transaction().execute((trx) => this.insertMessage(trx, input, options));
    } catch (error) {
      if (!(error instanceof Rollback)) throw error;
      const conversation = await this.findConversation(input.conversationId);
      if (!conversation) throw new AppError('not_found', 'conversation not found');
      if (error.outcome.type === 'skipped') return { status: 'skipped', conversation };
      const original = error.outcome.row;
      if (original.body !== input.body || original.author !== input.author || original.kind !== input.kind) {
        throw new AppError('client_id_conflict', 'this clientId was already used for another message');
      }
      return { status: 'duplicate', message: original, conversation };
    }
    const conversation = await this.findConversation(input.conversationId);
    if (!conversation) throw new AppError('internal', 'conversation vanished after append');
    return { status: 'stored', message, conversation };
  }

  async listMessages(
    conversationId: string,
    afterSeq: number,
    limit: number,
    options: { excludeKinds?: readonly MessageKind[] } = {},
  ) {
    let query = this.db
      .selectFrom('messages')
      .selectAll()
      .where('conversation_id', '=', conversationId)
      .where('seq', '>', afterSeq);
    if (options.excludeKinds?.length) query = query.where('kind', 'not in', options.excludeKinds);
    const rows = await query.orderBy('seq', 'asc').limit(limit).execute();
    return rows.map(toMessage);
  }

  // FAQ

  async listFaqs(siteId: string): Promise<FaqRecord[]> {
    const rows = await this.db
      .selectFrom('faqs')
      .selectAll()
      .where('site_id', '=', siteId)
      .orderBy('lang')
      .orderBy('id')
      .execute();
    return rows.map(toFaq);
  }

  async upsertFaq(siteId: string, faq: Omit<FaqRecord, 'updatedAt'>): Promise<FaqRecord> {
    const values = {
      lang: faq.lang,
      question: faq.question,
      examples: JSON.stringify(faq.examples),
      answer: faq.answer,
      tags: JSON.stringify(faq.tags),
      updated_at: now(),
    };
    await this.db
      .insertInto('faqs')
      .values({ id: faq.id, site_id: siteId, ...values })
      .onConflict((oc) => oc.columns(['site_id', 'id']).doUpdateSet(values))
      .execute();
    return toFaq({ id: faq.id, site_id: siteId, ...values });
  }

  async deleteFaq(siteId: string, id: string) {
    const result = await this.db
      .deleteFrom('faqs')
      .where('site_id', '=', siteId)
      .where('id', '=', id)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  // Bot misses

  async recordBotMiss(miss: NewBotMiss) {
    await this.db
      .insertInto('bot_misses')
      .values({
        site_id: miss.siteId,
        message_id: miss.messageId,
        conversation_id: miss.conversationId,
        lang: miss.lang,
        text: miss.text,
        created_at: now(),
        dismissed_at: null,
        faq_id: null,
      })
      .onConflict((oc) => oc.columns(['site_id', 'message_id']).doNothing())
      .execute();
  }

  async listOpenBotMisses(siteId: string, limit: number) {
    const rows = await this.db
      .selectFrom('bot_misses')
      .selectAll()
      .where('site_id', '=', siteId)
      .where('dismissed_at', 'is', null)
      .orderBy('created_at', 'desc')
      .orderBy('message_id', 'desc')
      .limit(limit)
      .execute();
    return rows.map(toBotMiss);
  }

  async dismissBotMisses(siteId: string, messageIds: readonly string[], faqId: string | null) {
    if (messageIds.length === 0) return 0;
    const result = await this.db
      .updateTable('bot_misses')
      .set({ dismissed_at: now(), faq_id: faqId })
      .where('site_id', '=', siteId)
      .where('message_id', 'in', messageIds)
      .where('dismissed_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  }
}
