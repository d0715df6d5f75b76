/** `CannedStore` and `PreferencesStore` over Kysely (issue 14): canned responses, attention preferences. */
import { randomUUID } from 'node:crypto';
import {
  type AttentionPrefs,
  type CannedResponse,
  DEFAULT_ATTENTION,
  LOCALES,
  type Locale,
} from '@frontdesk/shared';
import type { CannedStore, PreferencesStore } from '../canned/store.ts';
import { type Db, now } from './db.ts';
import type { CannedResponseTable } from './schema.ts';

const toLocale = (lang: string): Locale =>
  (LOCALES as readonly string[]).includes(lang) ? (lang as Locale) : 'en';

const toCanned = (row: CannedResponseTable): CannedResponse => ({
  id: row.id,
  siteId: row.site_id,
  scope: row.scope === 'personal' ? 'personal' : 'site',
  ownerId: row.owner_id,
  lang: toLocale(row.lang),
  title: row.title,
  shortcut: row.shortcut,
  body: row.body,
  updatedAt: row.updated_at,
});

export function kyselyCannedStore(db: Db): CannedStore & PreferencesStore {
  return {
    async listCanned(siteId, agentId) {
      const rows = await db
        .selectFrom('canned_responses')
        .selectAll()
        .where('site_id', '=', siteId)
        .where((eb) =>
          agentId === null
            ? eb('owner_id', 'is', null)
            : eb.or([eb('owner_id', 'is', null), eb('owner_id', '=', agentId)]),
        )
        .orderBy('lang')
        .orderBy('shortcut')
        .orderBy('id')
        .execute();
      return rows.map(toCanned);
    },
    async getCanned(siteId, id) {
      const row = await db
        .selectFrom('canned_responses')
        .selectAll()
        .where('site_id', '=', siteId)
        .where('id', '=', id)
        .executeTakeFirst();
      return row ? toCanned(row) : null;
    },
    async countCanned(siteId) {
      const row = await db
        .selectFrom('canned_responses')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .where('site_id', '=', siteId)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
    async createCanned(input) {
      const at = now();
      const row: CannedResponseTable = {
        id: randomUUID(),
        site_id: input.siteId,
        owner_id: input.scope === 'personal' ? input.ownerId : null,
        scope: input.scope,
        lang: input.lang,
        title: input.title,
        shortcut: input.shortcut,
        body: input.body,
        created_at: at,
        updated_at: at,
      };
      await db.insertInto('canned_responses').values(row).execute();
      return toCanned(row);
    },
    async updateCanned(siteId, id, input) {
      await db
        .updateTable('canned_responses')
        .set({
          lang: input.lang,
          title: input.title,
          shortcut: input.shortcut,
          body: input.body,
          updated_at: now(),
        })
        .where('site_id', '=', siteId)
        .where('id', '=', id)
        .execute();
      return this.getCanned(siteId, id);
    },
    async deleteCanned(siteId, id) {
      const result = await db
        .deleteFrom('canned_responses')
        .where('site_id', '=', siteId)
        .where('id', '=', id)
        .executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
    async getAttention(agentId) {
      const row = await db
        .selectFrom('agent_preferences')
        .select('attention')
        .where('agent_id', '=', agentId)
        .executeTakeFirst();
      if (!row) return null;
      return readAttention(row.attention);
    },
    async setAttention(agentId, prefs) {
      const values = { attention: JSON.stringify(prefs), updated_at: now() };
      await db
        .insertInto('agent_preferences')
        .values({ agent_id: agentId, ...values })
        .onConflict((oc) => oc.column('agent_id').doUpdateSet(values))
        .execute();
      return prefs;
    },
  };
}

/** A stored row read leniently: a flag missing from an older row takes its default. */
function readAttention(json: string): AttentionPrefs {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch (error) {
    console.warn('[storage] unreadable attention preferences, using the defaults', error);
    return DEFAULT_ATTENTION;
  }
  const stored = (typeof parsed === 'object' && parsed !== null ? parsed : {}) as Partial<
    Record<keyof AttentionPrefs, unknown>
  >;
  const flag = (key: keyof AttentionPrefs) =>
    typeof stored[key] === 'boolean' ? (stored[key] as boolean) : DEFAULT_ATTENTION[key];
  return { sound: flag('sound'), desktop: flag('desktop'), title: flag('title') };
}
