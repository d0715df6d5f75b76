/**
 * Issue 12: names and attribute values stored before `foldForSearch` (the contacts migration
 * lower-cased in SQL: ASCII only on SQLite) are folded again by migration 0015, on both engines.
 * The rows are put back as the old migration left them, then the migration runs again.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SITE_SETTINGS } from '../sites/settings.ts';
import { postgresForThisFile } from '../testing/postgres.ts';
import { MIGRATION_TABLES } from './lifecycle.ts';
import { openPostgresStorage } from './postgres.ts';
import { openSqliteStorage } from './sqlite.ts';
import type { Storage } from './types.ts';

const FOLD = '0015_contact_search_fold';
/** What the contacts migration wrote: `lower(name || ' ' || email)`, which left "Ł", "Ż", "Ó" as they were. */
const OLD_STYLE = [
  `update visitors set search_text = 'Łukasz ŻÓŁĆ lukasz@example.pl'`,
  'update contact_attributes set search_value = null',
  `delete from ${MIGRATION_TABLES[0]} where name = '${FOLD}'`,
];

async function seed(storage: Storage) {
  await storage.migrate();
  const site = await storage.createSite({
    key: `site-${Math.random().toString(36).slice(2)}`,
    name: 'Shop',
    allowedOrigins: [],
    settings: DEFAULT_SITE_SETTINGS,
  });
  const v = await storage.createVisitor({ siteId: site.id, tokenHash: `h-${Math.random()}` });
  await storage.updateContactFields(v.id, { name: 'Łukasz ŻÓŁĆ', email: 'lukasz@example.pl' });
  await storage.setAttributes(v.id, [{ key: 'city', type: 'string', value: 'Łódź' }]);
  return { siteId: site.id, id: v.id };
}

async function searchAfterRefold(storage: Storage, siteId: string) {
  expect(await storage.migrate()).toContain(FOLD);
  const text = async (q: string) => (await storage.listContacts({ siteId, text: q, limit: 5 })).length;
  const city = async (q: string) =>
    (await storage.listContacts({ siteId, attribute: { key: 'city', text: q }, limit: 5 })).length;
  return { lukasz: await text('lukasz'), zolc: await text('żółć'), lodz: await city('lodz') };
}

const database = await postgresForThisFile();

describe('migration 0015 folds old search text', () => {
  it('sqlite', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'frontdesk-fold-')), 'test.db');
    const before = openSqliteStorage(file);
    const { siteId } = await seed(before);
    await before.close();
    const raw = new Database(file);
    for (const statement of OLD_STYLE) raw.prepare(statement).run();
    raw.close();
    const after = openSqliteStorage(file);
    // As the old migration left it, the Polish name is not found by its folded spelling.
    expect((await after.listContacts({ siteId, text: 'zolc', limit: 5 })).length).toBe(0);
    expect(await searchAfterRefold(after, siteId)).toEqual({ lukasz: 1, zolc: 1, lodz: 1 });
    await after.close();
  });

  it.skipIf(!database)('postgresql', async () => {
    const url = database?.url ?? '';
    const before = openPostgresStorage(url);
    const { siteId } = await seed(before);
    await before.close();
    const raw = new pg.Client({ connectionString: url });
    raw.on('error', () => {});
    await raw.connect();
    for (const statement of OLD_STYLE) await raw.query(statement);
    await raw.end();
    const after = openPostgresStorage(url);
    expect((await after.listContacts({ siteId, text: 'zolc', limit: 5 })).length).toBe(0);
    expect(await searchAfterRefold(after, siteId)).toEqual({ lukasz: 1, zolc: 1, lodz: 1 });
    await after.close();
  });
});
