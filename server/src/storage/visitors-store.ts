/** `VisitorsStore` over Kysely. */
import { randomUUID } from 'node:crypto';
import type { VisitorsStore } from '../identity/store.ts';
import { refreshSearchText } from './contact-search.ts';
import { type Db, now } from './db.ts';
import { toVisitor } from './records.ts';

export function kyselyVisitorsStore(db: Db): VisitorsStore {
  return {
    async createVisitor(input) {
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
      await db.insertInto('visitors').values(row).execute();
      return toVisitor(row);
    },
    async getVisitorByToken(siteId, tokenHash) {
      const row = await db
        .selectFrom('visitors')
        .selectAll()
        .where('token_hash', '=', tokenHash)
        .where('site_id', '=', siteId)
        .executeTakeFirst();
      if (!row?.merged_into) return row ? toVisitor(row) : null;
      // Issue 12: a device merged into a customer's contact opens that contact (merges keep one hop).
      const root = await db
        .selectFrom('visitors')
        .selectAll()
        .where('id', '=', row.merged_into)
        .where('site_id', '=', siteId)
        .executeTakeFirst();
      return root ? toVisitor(root) : null;
    },
    async updateVisitor(id, patch) {
      await db
        .updateTable('visitors')
        .set({
          last_seen_at: now(),
          ...(patch.locale !== undefined && { locale: patch.locale }),
          ...(patch.userAgent !== undefined && { user_agent: patch.userAgent }),
          ...(patch.pageUrl !== undefined && { page_url: patch.pageUrl }),
          ...(patch.pageTitle !== undefined && { page_title: patch.pageTitle }),
          ...(patch.name !== undefined && { name: patch.name }),
          ...(patch.email !== undefined && { email: patch.email }),
        })
        .where('id', '=', id)
        .execute();
      if (patch.name !== undefined || patch.email !== undefined) await refreshSearchText(db, id);
    },
    async updateVisitorContact(id, contact) {
      await db
        .updateTable('visitors')
        .set({ name: contact.name, email: contact.email, last_seen_at: now() })
        .where('id', '=', id)
        .execute();
      await refreshSearchText(db, id);
    },
    async replaceVisitorToken(id, tokenHash) {
      await db.updateTable('visitors').set({ token_hash: tokenHash }).where('id', '=', id).execute();
    },
  };
}
