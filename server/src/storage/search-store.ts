/** Issue 14: `SearchStore` over Kysely — search and list conversations, their tags, agents' saved views. */
import { randomUUID } from 'node:crypto';
import { SEARCH_LIMITS } from '@frontdesk/shared';
import { sql } from 'kysely';
import type { ConversationRecord } from '../conversations/store.ts';
import type { SearchHitRecord, SearchMatch, SearchStore } from '../search/store.ts';
import { selectConversations } from './conversation-rows.ts';
import { type Db, now } from './db.ts';
import { type JoinedConversationRow, toConversation } from './records.ts';
import { importConversations } from './search-seed.ts';
import { chooseCandidatePlan, filterSql, rankedRows } from './search-sql.ts';

async function tagsOf(db: Db, ids: readonly string[]): Promise<Map<string, string[]>> {
  const tags = new Map<string, string[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return tags;
  const rows = await db
    .selectFrom('conversation_tags')
    .select(['conversation_id', 'tag'])
    .where('conversation_id', 'in', ids)
    .orderBy('tag')
    .execute();
  for (const row of rows) tags.get(row.conversation_id)?.push(row.tag);
  return tags;
}

async function conversationsById(db: Db, ids: readonly string[]): Promise<Map<string, ConversationRecord>> {
  if (ids.length === 0) return new Map();
  const rows = await selectConversations(db).where('c.id', 'in', ids).execute();
  return new Map(rows.map((row) => [row.id, toConversation(row as JoinedConversationRow)]));
}

export function kyselySearchStore(db: Db): SearchStore {
  return {
    importConversations: (siteId, items) => importConversations(db, siteId, items),
    async searchConversations({ siteIds, terms, filters, cursor, limit, candidatesMax, plan }) {
      if (siteIds.length === 0) return { hits: [], next: null };
      const filter = filterSql(siteIds, filters);
      if (terms.length === 0) {
        let q = selectConversations(db).where(filter);
        if (cursor?.kind === 'list') {
          const { createdAt, id } = cursor;
          q = q.where((eb) =>
            eb.or([
              eb('c.created_at', '<', createdAt),
              eb.and([eb('c.created_at', '=', createdAt), eb('c.id', '<', id)]),
            ]),
          );
        }
        const rows = await q
          .orderBy('c.created_at', 'desc')
          .orderBy('c.id', 'desc')
          .limit(limit + 1)
          .execute();
        const page = rows.slice(0, limit).map((row) => toConversation(row as JoinedConversationRow));
        const tags = await tagsOf(
          db,
          page.map((c) => c.id),
        );
        const last = page[page.length - 1];
        return {
          hits: page.map((conversation) => ({
            conversation,
            tags: tags.get(conversation.id) ?? [],
            match: null,
          })),
          next: rows.length > limit && last ? { kind: 'list', createdAt: last.createdAt, id: last.id } : null,
        };
      }
      const asOf = cursor?.kind === 'ranked' ? cursor.asOf : now();
      const offset = cursor?.kind === 'ranked' ? cursor.offset : 0;
      const ranked = await rankedRows(db, {
        terms,
        filter,
        asOf,
        offset,
        limit: limit + 1,
        candidatesMax: candidatesMax ?? SEARCH_LIMITS.rankedCandidatesMax,
        plan: plan ?? (await chooseCandidatePlan(db, terms)),
      });
      const page = ranked.slice(0, limit);
      const ids = page.map((r) => r.cid);
      const [conversations, tags, messages] = await Promise.all([
        conversationsById(db, ids),
        tagsOf(db, ids),
        page.length
          ? db
              .selectFrom('messages')
              .select(['id', 'seq', 'kind', 'body', 'created_at'])
              .where(
                'id',
                'in',
                page.map((r) => r.mid),
              )
              .execute()
          : Promise.resolve([]),
      ]);
      const byId = new Map(messages.map((m) => [m.id, m]));
      const hits: SearchHitRecord[] = [];
      for (const row of page) {
        const conversation = conversations.get(row.cid);
        const message = byId.get(row.mid);
        if (!conversation || !message) continue;
        const match: SearchMatch = {
          messageId: message.id,
          seq: Number(message.seq),
          kind: message.kind === 'note' ? 'note' : 'text',
          body: message.body,
          createdAt: message.created_at,
        };
        hits.push({ conversation, tags: tags.get(row.cid) ?? [], match });
      }
      return {
        hits,
        next: ranked.length > limit ? { kind: 'ranked', asOf, offset: offset + limit } : null,
      };
    },

    async conversationTags(conversationId) {
      return (await tagsOf(db, [conversationId])).get(conversationId) ?? [];
    },
    async addConversationTag({ conversationId, siteId, tag }) {
      const result = await db
        .insertInto('conversation_tags')
        .values({ conversation_id: conversationId, site_id: siteId, tag, created_at: now() })
        .onConflict((oc) => oc.columns(['conversation_id', 'tag']).doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1;
    },
    async removeConversationTag(conversationId, tag) {
      const result = await db
        .deleteFrom('conversation_tags')
        .where('conversation_id', '=', conversationId)
        .where('tag', '=', tag)
        .executeTakeFirst();
      return Number(result.numDeletedRows) === 1;
    },
    async siteConversationTags(siteId, prefix, limit) {
      const escaped = prefix.replace(/[\\%_]/g, (c) => `\\${c}`);
      const rows = await db
        .selectFrom('conversation_tags')
        .select(['tag', (eb) => eb.fn.countAll<number>().as('n')])
        .where('site_id', '=', siteId)
        .where(sql<boolean>`tag like ${`${escaped}%`} escape '\\'`)
        .groupBy('tag')
        .orderBy('n', 'desc')
        .orderBy('tag')
        .limit(limit)
        .execute();
      return rows.map((r) => r.tag);
    },

    async listSavedViews(agentId) {
      const rows = await db
        .selectFrom('saved_views')
        .selectAll()
        .where('agent_id', '=', agentId)
        .orderBy('name')
        .orderBy('id')
        .execute();
      return rows.map((r) => ({
        id: r.id,
        agentId: r.agent_id,
        name: r.name,
        query: r.query,
        createdAt: r.created_at,
      }));
    },
    async createSavedView({ agentId, name, query }) {
      const view = { id: randomUUID(), agentId, name, query, createdAt: now() };
      await db
        .insertInto('saved_views')
        .values({ id: view.id, agent_id: agentId, name, query, created_at: view.createdAt })
        .execute();
      return view;
    },
    async deleteSavedView(agentId, id) {
      const result = await db
        .deleteFrom('saved_views')
        .where('agent_id', '=', agentId)
        .where('id', '=', id)
        .executeTakeFirst();
      return Number(result.numDeletedRows) === 1;
    },
  };
}
