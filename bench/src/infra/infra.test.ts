/**
 * The bench's PostgreSQL and Redis helpers against the real servers at 127.0.0.1 (skipped with one line
 * where they are not reachable, except under CI), and the skip reasons the report prints when not.
 */

import { Redis } from 'ioredis';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { createBenchDatabase } from './postgres.ts';
import { openBenchRedis } from './redis.ts';

// Nothing listens on port 1: the connection is refused at once.
const NOWHERE_PG = 'postgres://postgres@127.0.0.1:1/postgres';
const NOWHERE_REDIS = 'redis://127.0.0.1:1';

describe('when PostgreSQL or Redis is not reachable', () => {
  it('says why, for the skip line of the report', async () => {
    const database = await createBenchDatabase(NOWHERE_PG);
    expect(database).toEqual({
      unavailable: expect.stringMatching(/^PostgreSQL not reachable at 127\.0\.0\.1:1 \(/),
    });
    const redis = await openBenchRedis(NOWHERE_REDIS);
    expect(redis).toEqual({
      unavailable: expect.stringMatching(/^Redis not reachable at redis:\/\/127\.0\.0\.1:1 \(/),
    });
  });
});

const database = await createBenchDatabase();
if ('unavailable' in database) {
  if (process.env.CI) throw new Error(`${database.unavailable}: PostgreSQL is required under CI`);
  console.warn(`${database.unavailable}: the bench database test is skipped`);
} else {
  // Dropped by the test itself; again here (IF EXISTS) if it failed before that.
  const admin = new URL('/postgres', database.url).href;
  afterAll(async () => {
    const client = new pg.Client({ connectionString: admin });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS ${database.name} WITH (FORCE)`);
    await client.end();
  });
}

describe.skipIf('unavailable' in database)('a bench database on the real PostgreSQL', () => {
  it('is fresh, its backends’ CPU is read from /proc, and it is gone after drop', async () => {
    if ('unavailable' in database) return;
    expect(database.name).toMatch(/^frontdesk_bench_[0-9a-f]{12}$/);
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    // Some work on the bench database, so its backend has used CPU.
    await client.query('SELECT count(*) FROM generate_series(1, 200000)');
    const sample = await database.backendsCpu();
    if (database.cpuUnavailable === null) {
      expect(sample).not.toBeNull();
      expect(sample!.size).toBeGreaterThanOrEqual(1);
      expect([...sample!.values()].reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    } else expect(sample).toBeNull();
    await client.end();
    await database.drop();
    const check = new pg.Client({ connectionString: new URL('/postgres', database.url).href });
    await check.connect();
    const { rows } = await check.query('SELECT 1 FROM pg_database WHERE datname = $1', [database.name]);
    await check.end();
    expect(rows).toEqual([]);
  });
});

const redis = await openBenchRedis();
if ('unavailable' in redis) {
  if (process.env.CI) throw new Error(`${redis.unavailable}: Redis is required under CI`);
  console.warn(`${redis.unavailable}: the bench Redis test is skipped`);
} else afterAll(() => redis.drop().catch(() => {}));

describe.skipIf('unavailable' in redis)('a bench prefix on the real Redis', () => {
  it('reads the server CPU and deletes only its own keys', async () => {
    if ('unavailable' in redis) return;
    const client = new Redis(redis.url);
    const other = `${redis.prefix}x:kept`;
    await client.set(`${redis.prefix}:a`, '1');
    await client.set(other, '1');
    const cpu = await redis.serverCpu();
    expect(cpu?.get(0)).toBeGreaterThan(0);
    await redis.drop();
    expect(await client.exists(`${redis.prefix}:a`)).toBe(0);
    expect(await client.exists(other)).toBe(1);
    await client.del(other);
    client.disconnect();
  });
});
