/** `ConversationsStore` over Kysely: create, read and list conversations; versioned updates with their event. */
import { randomUUID } from 'node:crypto';
import type { ConversationPatch, ConversationsStore } from '../conversations/store.ts';
import { AppError } from '../kernel/errors.ts';
import { findConversation, selectConversations } from './conversation-rows.ts';
import { type Db, now } from './db.ts';
import { insertMessage } from './message-insert.ts';
import { type JoinedConversationRow, toConversation } from './records.ts';

/** The columns a patch sets (`version` and `updated_at` are set by every update). */
export function patchColumns(patch: ConversationPatch) {
  return {
    ...(patch.state !== undefined && { state: patch.state }),
    ...(patch.agentId !== undefined && { agent_id: patch.agentId }),
    ...(patch.botMisses !== undefined && { bot_misses: patch.botMisses }),
    ...(patch.handoffReason !== undefined && { handoff_reason: patch.handoffReason }),
    ...(patch.queuedAt !== undefined && { queued_at: patch.queuedAt }),
    ...(patch.resolvedAt !== undefined && { resolved_at: patch.resolvedAt }),
    ...(patch.rating !== undefined && { rating: patch.rating }),
    ...(patch.ratingComment !== undefined && { rating_comment: patch.ratingComment }),
    ...(patch.assignedAt !== undefined && { assigned_at: patch.assignedAt }),
    ...(patch.abandonedAt !== undefined && { abandoned_at: patch.abandonedAt }),
    ...(patch.visitorLastActiveAt !== undefined && { visitor_last_active_at: patch.visitorLastActiveAt }),
    // Issue 14 (routing).
    ...(patch.teamId !== undefined && { team_id: patch.teamId }),
    // Issue 10: an offline message.
    ...(patch.offline !== undefined && {
      offline_at: patch.offline?.at ?? null,
      offline_reason: patch.offline?.reason ?? null,
      offline_answers: patch.offline ? JSON.stringify(patch.offline.answers) : null,
    }),
  };
}

export function kyselyConversationsStore(db: Db): ConversationsStore {
  return {
    getConversation: (id) => findConversation(db, id),
    async getLatestConversation(visitorId) {
      const row = await selectConversations(db)
        .where('c.visitor_id', '=', visitorId)
        .orderBy('c.created_at', 'desc')
        .orderBy('c.id', 'desc')
        .limit(1)
        .executeTakeFirst();
      return row ? toConversation(row as JoinedConversationRow) : null;
    },
    async createConversation(input) {
      const at = now();
      const id = randomUUID();
      await db
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
      const created = await findConversation(db, id);
      if (!created) throw new AppError('internal', 'conversation vanished after insert');
      return created;
    },
    async listConversations(query) {
      if (query.siteIds.length === 0) return [];
      let q = selectConversations(db).where('c.site_id', 'in', query.siteIds);
      if (query.state) q = q.where('c.state', '=', query.state);
      if (query.updatedSince) q = q.where('c.updated_at', '>=', query.updatedSince);
      q =
        query.state === 'queued'
          ? q.orderBy('c.queued_at', 'asc')
          : q.orderBy('c.updated_at', 'desc').orderBy('c.id', 'desc');
      const rows = await q.limit(query.limit).execute();
      return rows.map((row) => toConversation(row as JoinedConversationRow));
    },
    async countQueuedBefore(siteId, queuedAt) {
      const row = await db
        .selectFrom('conversations')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('site_id', '=', siteId)
        .where('state', '=', 'queued')
        // An offline message waits for an e-mail reply, not in the live line.
        .where('offline_at', 'is', null)
        .where('queued_at', '<', queuedAt)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
    async recentTakeovers(siteId, since, limit) {
      const rows = await db
        .selectFrom('conversations')
        .select(['queued_at', 'assigned_at'])
        .where('site_id', '=', siteId)
        .where('assigned_at', '>=', since)
        .where('queued_at', 'is not', null)
        // Offline messages are answered later by design: their waits say nothing of the live queue.
        .where('offline_at', 'is', null)
        .orderBy('assigned_at', 'desc')
        .limit(limit)
        .execute();
      return rows.flatMap((r) =>
        r.queued_at && r.assigned_at ? [{ queuedAt: r.queued_at, assignedAt: r.assigned_at }] : [],
      );
    },
    async countAssigned(siteId) {
      const row = await db
        .selectFrom('conversations')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('site_id', '=', siteId)
        .where('state', '=', 'assigned')
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
    async listIdleQueued(before, limit) {
      const rows = await selectConversations(db)
        .where('c.state', '=', 'queued')
        // The visitor of an offline message has gone by design: it is never abandoned.
        .where('c.offline_at', 'is', null)
        .where((eb) =>
          eb.or([
            eb('c.visitor_last_active_at', '<', before),
            eb.and([eb('c.visitor_last_active_at', 'is', null), eb('c.queued_at', '<', before)]),
          ]),
        )
        .orderBy('c.queued_at', 'asc')
        .limit(limit)
        .execute();
      return rows.map((row) => toConversation(row as JoinedConversationRow));
    },
    async setOpenConversationsLocale(visitorId, locale) {
      const done = await db
        .updateTable('conversations')
        .set({ locale })
        .where('visitor_id', '=', visitorId)
        .where('state', '!=', 'resolved')
        .executeTakeFirst();
      return Number(done.numUpdatedRows);
    },
    async touchVisitorActivity(visitorId, at) {
      await db
        .updateTable('conversations')
        .set({ visitor_last_active_at: at })
        .where('visitor_id', '=', visitorId)
        .where('state', 'in', ['bot', 'queued', 'assigned', 'abandoned'])
        .execute();
    },
    async updateConversation(id, expectedVersion, patch, event) {
      return db.transaction().execute(async (trx) => {
        const updated = await trx
          .updateTable('conversations')
          .set({ version: expectedVersion + 1, updated_at: now(), ...patchColumns(patch) })
          .where('id', '=', id)
          .where('version', '=', expectedVersion)
          .executeTakeFirst();
        if (Number(updated.numUpdatedRows) !== 1) return null;
        const message = event ? (await insertMessage(trx, event)).message : null;
        const conversation = await findConversation(trx, id);
        if (!conversation) throw new AppError('internal', 'conversation vanished during update');
        return { conversation, message };
      });
    },
  };
}
