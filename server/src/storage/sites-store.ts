/** `SitesStore` over Kysely. */
import { randomUUID } from 'node:crypto';
import type { SitePatch, SitesStore } from '../sites/store.ts';
import { type Db, now } from './db.ts';
import { toSite } from './records.ts';

export function kyselySitesStore(db: Db): SitesStore {
  const getSite = async (id: string) => {
    const row = await db.selectFrom('sites').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toSite(row) : null;
  };
  return {
    getSite,
    async createSite(input) {
      const row = {
        id: randomUUID(),
        key: input.key,
        name: input.name,
        allowed_origins: JSON.stringify(input.allowedOrigins),
        settings: JSON.stringify(input.settings),
        archived: input.archived ? 1 : 0,
        created_at: now(),
      };
      await db.insertInto('sites').values(row).execute();
      return toSite(row);
    },
    async listSites() {
      const rows = await db.selectFrom('sites').selectAll().orderBy('name').orderBy('created_at').execute();
      return rows.map(toSite);
    },
    async getSiteByKey(key) {
      const row = await db.selectFrom('sites').selectAll().where('key', '=', key).executeTakeFirst();
      return row ? toSite(row) : null;
    },
    async updateSite(id: string, patch: SitePatch) {
      const set = {
        ...(patch.name !== undefined && { name: patch.name }),
        ...(patch.allowedOrigins !== undefined && { allowed_origins: JSON.stringify(patch.allowedOrigins) }),
        ...(patch.settings !== undefined && { settings: JSON.stringify(patch.settings) }),
        ...(patch.archived !== undefined && { archived: patch.archived ? 1 : 0 }),
      };
      if (Object.keys(set).length > 0) await db.updateTable('sites').set(set).where('id', '=', id).execute();
      return getSite(id);
    },
  };
}
