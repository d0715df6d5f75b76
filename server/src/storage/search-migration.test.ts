/** Issue 14: messages written before the search migration are indexed by it, on both engines. */
import { searchTerms } from '@frontdesk/shared';
import Database from 'better-sqlite3';
import { Kysely, type Migration, Migrator, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { postgresForThisFile } from '../testing/postgres.ts';
import { runMigrations } from './lifecycle.ts';
import { MIGRATIONS } from './migrations.ts';
import type { Database as Schema } from './schema.ts';
import { kyselySearchStore } from './search-store.ts';

const before = Object.fromEntries(Object.entries(MIGRATIONS).filter(([name]) => name < '0060')) as Record<
  string,
  Migration
>;

async function existingDataIsIndexed(db: Kysely<Schema>) {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => before },
    migrationTableName: 'frontdesk_migrations',
    migrationLockTableName: 'frontdesk_migrations_lock',
  });
  const { error } = await migrator.migrateToLatest();
  if (error) throw error;
  const at = '2026-01-01T10:00:00.000Z';
  await db
    .insertInto('sites')
    .values({ id: 's1', key: 'k1', name: 'Shop', allowed_origins: '[]', settings: '{}', created_at: at })
    .execute();
  await db
    .insertInto('visitors')
    .values({
      id: 'v1',
      site_id: 's1',
      token_hash: 't1',
      name: null,
      email: null,
      verified: 0,
      locale: null,
      user_agent: null,
      page_url: null,
      page_title: null,
      created_at: at,
      last_seen_at: at,
    })
    .execute();
  const conversation = (id: string) => ({
    id,
    site_id: 's1',
    visitor_id: 'v1',
    state: 'resolved' as const,
    agent_id: null,
    locale: 'pl',
    last_seq: 1,
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
    assigned_at: null,
    abandoned_at: null,
    visitor_last_active_at: null,
  });
  await db
    .insertInto('conversations')
    .values([conversation('c1'), conversation('c2')])
    .execute();
  const message = (id: string, conversationId: string, kind: 'text' | 'note', body: string) => ({
    id,
    conversation_id: conversationId,
    seq: 1,
    client_id: null,
    author: 'visitor' as const,
    author_name: null,
    agent_id: null,
    kind,
    body,
    meta: null,
    created_at: at,
  });
  await db
    .insertInto('messages')
    .values([message('m1', 'c1', 'text', 'Żółty płaszcz'), message('m2', 'c2', 'note', 'Zwrotu nie będzie')])
    .execute();

  expect(await runMigrations(db as unknown as Kysely<unknown>)).toContain('0060_search');
  const store = kyselySearchStore(db);
  const find = async (text: string) =>
    (
      await store.searchConversations({
        siteIds: ['s1'],
        terms: searchTerms(text),
        filters: {},
        cursor: null,
        limit: 10,
      })
    ).hits.map((h) => h.match?.messageId);
  expect(await find('zolty')).toEqual(['m1']);
  expect(await find('zwrot')).toEqual(['m2']);
}

const database = await postgresForThisFile();

describe('search migration', () => {
  it('sqlite: messages already stored are found after it', async () => {
    const db = new Kysely<Schema>({ dialect: new SqliteDialect({ database: new Database(':memory:') }) });
    try {
      await existingDataIsIndexed(db);
    } finally {
      await db.destroy();
    }
  });

  it.skipIf(!database)('postgresql: messages already stored are found after it', async () => {
    const db = new Kysely<Schema>({
      dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: database?.url ?? '' }) }),
    });
    try {
      await existingDataIsIndexed(db);
    } finally {
      await db.destroy();
    }
  });
});
