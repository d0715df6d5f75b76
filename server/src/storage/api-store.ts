/** Issue 15: `ApiStore` over Kysely (`api_tokens`, and the API's conversation pages). */
import type { Selectable } from 'kysely';
import type { ApiStore, ApiTokenRecord } from '../api/store.ts';
import type { ApiTokenTable } from './api-schema.ts';
import { selectConversations } from './conversation-rows.ts';
import type { Db } from './db.ts';
import { type JoinedConversationRow, toConversation } from './records.ts';

const toToken = (row: Selectable<ApiTokenTable>): ApiTokenRecord => ({
  id: row.id,
  siteId: row.site_id,
  name: row.name,
  scope: row.scope,
  createdBy: row.created_by,
  createdAt: row.created_at,
  lastUsedAt: row.last_used_at,
  revokedAt: row.revoked_at,
});

export function kyselyApiStore(db: Db): ApiStore {
  return {
    async insertApiToken(token, secretHash) {
      await db
        .insertInto('api_tokens')
        .values({
          id: token.id,
          site_id: token.siteId,
          name: token.name,
          scope: token.scope,
          secret_hash: secretHash,
          created_by: token.createdBy,
          created_at: token.createdAt,
          last_used_at: token.lastUsedAt,
          revoked_at: token.revokedAt,
        })
        .execute();
    },
    async getApiToken(id) {
      const row = await db.selectFrom('api_tokens').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? { token: toToken(row), secretHash: row.secret_hash } : null;
    },
    async listApiTokens(siteIds) {
      if (siteIds.length === 0) return [];
      const rows = await db
        .selectFrom('api_tokens')
        .selectAll()
        .where('site_id', 'in', siteIds)
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .execute();
      return rows.map(toToken);
    },
    async revokeApiToken(id, at) {
      const result = await db
        .updateTable('api_tokens')
        .set({ revoked_at: at })
        .where('id', '=', id)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    async touchApiToken(id, at) {
      await db.updateTable('api_tokens').set({ last_used_at: at }).where('id', '=', id).execute();
    },
    async listConversationPage(query) {
      let q = selectConversations(db).where('c.site_id', '=', query.siteId);
      if (query.state) q = q.where('c.state', '=', query.state);
      const after = query.after;
      if (after)
        q = q.where((eb) =>
          eb.or([
            eb('c.updated_at', '<', after.updatedAt),
            eb.and([eb('c.updated_at', '=', after.updatedAt), eb('c.id', '<', after.id)]),
          ]),
        );
      const rows = await q
        .orderBy('c.updated_at', 'desc')
        .orderBy('c.id', 'desc')
        .limit(query.limit)
        .execute();
      return rows.map((row) => toConversation(row as JoinedConversationRow));
    },
  };
}
