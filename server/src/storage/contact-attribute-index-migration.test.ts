/**
 * Issue 12: migration 0016 gives every stored attribute its contact's site, shortens the rare folded
 * value too long for an index entry, and indexes `(site_id, key, search_value, visitor_id)`, on both
 * engines. The rows are put back as they were before it (no site column, no index), then it runs.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SITE_SETTINGS } from '../sites/settings.ts';
import { postgresForThisFile } from '../testing/postgres.ts';
import { ATTRIBUTE_SEARCH_MAX } from './contact-search.ts';
import { MIGRATION_TABLES } from './lifecycle.ts';
import { openPostgresStorage } from './postgres.ts';
import { openSqliteStorage } from './sqlite.ts';
import type { Storage } from './types.ts';

const INDEX = '0016_contact_attribute_index';
/** A folded value longer than an index entry may be (stored so only before 0016). */
const LONG = `"${'ł'.repeat(ATTRIBUTE_SEARCH_MAX + 50)}"`;
/** What 0016 writes instead: the value folded again (`attributeSearchValue`). */
const FOLDED_BIO = `"${'l'.repeat(400)}"`;
const BEFORE_0016 = [
  'drop index contact_attributes_site_key_value',
  'alter table contact_attributes drop column site_id',
  `update contact_attributes set search_value = '${LONG}' where key = 'bio'`,
  `delete from ${MIGRATION_TABLES[0]} where name = '${INDEX}'`,
];

async function seed(storage: Storage) {
  await storage.migrate();
  const sites = [];
  for (const name of ['Shop', 'Other']) {
    const site = await storage.createSite({
      key: `site-${Math.random().toString(36).slice(2)}`,
      name,
      allowedOrigins: [],
      settings: DEFAULT_SITE_SETTINGS,
    });
    const v = await storage.createVisitor({ siteId: site.id, tokenHash: `h-${Math.random()}` });
    await storage.setAttributes(v.id, [
      { key: 'city', type: 'string', value: 'Łódź' },
      { key: 'bio', type: 'string', value: 'ł'.repeat(400) },
    ]);
    sites.push({ siteId: site.id, id: v.id });
  }
  return sites;
}

async function afterMigration(storage: Storage, sites: { siteId: string; id: string }[]) {
  expect(await storage.migrate()).toContain(INDEX);
  for (const { siteId, id } of sites) {
    const found = await storage.listContacts({ siteId, attribute: { key: 'city', text: 'lodz' }, limit: 5 });
    expect(found.map((c) => c.id)).toEqual([id]);
    const bio = await storage.listContacts({ siteId, attribute: { key: 'bio', text: 'llll' }, limit: 5 });
    expect(bio.map((c) => c.id)).toEqual([id]);
  }
}

const database = await postgresForThisFile();

describe('migration 0016 indexes attribute search', () => {
  it('sqlite', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'frontdesk-attr-index-')), 'test.db');
    const before = openSqliteStorage(file);
    const sites = await seed(before);
    await before.close();
    const raw = new Database(file);
    for (const statement of BEFORE_0016) raw.prepare(statement).run();
    raw.close();
    const after = openSqliteStorage(file);
    await afterMigration(after, sites);
    await after.close();
    const check = new Database(file);
    expect(check.prepare('select count(*) as n from contact_attributes where site_id is null').get()).toEqual(
      {
        n: 0,
      },
    );
    expect(
      check.prepare(`select search_value from contact_attributes where key = 'bio'`).pluck().all(),
    ).toEqual([FOLDED_BIO, FOLDED_BIO]);
    const plan = check
      .prepare(
        `explain query plan select visitor_id from contact_attributes where site_id = ? and key = ? and search_value like ?`,
      )
      .all(sites[0]?.siteId, 'city', '%lodz%') as { detail: string }[];
    expect(plan.map((p) => p.detail).join('\n')).toContain('contact_attributes_site_key_value');
    check.close();
  });

  it.skipIf(!database)('postgresql', async () => {
    const url = database?.url ?? '';
    const before = openPostgresStorage(url);
    const sites = await seed(before);
    await before.close();
    const raw = new pg.Client({ connectionString: url });
    raw.on('error', () => {});
    await raw.connect();
    for (const statement of BEFORE_0016) await raw.query(statement);
    await raw.end();
    const after = openPostgresStorage(url);
    await afterMigration(after, sites);
    await after.close();
    const check = new pg.Client({ connectionString: url });
    check.on('error', () => {});
    await check.connect();
    const bio = await check.query(`select search_value from contact_attributes where key = 'bio'`);
    expect(bio.rows.map((r) => r.search_value)).toEqual([FOLDED_BIO, FOLDED_BIO]);
    const nulls = await check.query(
      'select count(*)::int as n from contact_attributes where site_id is null',
    );
    expect(nulls.rows[0]).toEqual({ n: 0 });
    const index = await check.query(
      `select indexdef from pg_indexes where indexname = 'contact_attributes_site_key_value'`,
    );
    expect(index.rows[0]?.indexdef).toContain('(site_id, key, search_value, visitor_id)');
    await check.end();
  });
});
