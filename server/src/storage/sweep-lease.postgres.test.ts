/**
 * Issue 11: `PostgresSweepLease` on a real PostgreSQL (PostgreSQL without Redis): a session advisory
 * lock on a connection of its own. One node holds it; release frees it; a holder whose session ends
 * (process killed: PostgreSQL ends the session) loses it and the other node takes it.
 */
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { createLogger } from '../kernel/logger.ts';
import { postgresForThisFile } from '../testing/postgres.ts';
import { ABANDON_SWEEP_LOCK, PostgresSweepLease } from './sweep-lease.ts';

const database = await postgresForThisFile();
const logger = createLogger('silent');

const leases: PostgresSweepLease[] = [];
afterAll(async () => {
  for (const lease of leases) await lease.release();
});

let key = 0;
/** Two nodes' leases on a key of their own (tests in this file never share a lock). */
function twoLeases() {
  key += 1;
  const options = { logger, key: String(9_000_000 + key) };
  const a = new PostgresSweepLease(database?.url ?? '', options);
  const b = new PostgresSweepLease(database?.url ?? '', options);
  leases.push(a, b);
  return { a, b, key: options.key };
}

/** Runs one statement on the file's database from a connection of the test's own. */
async function query<R extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<R[]> {
  const client = new pg.Client({ connectionString: database?.url });
  await client.connect();
  try {
    return (await client.query<R>(text, values)).rows;
  } finally {
    await client.end();
  }
}

/** The backends holding the advisory lock `key` (single 64-bit keys are split in classid/objid). */
const holders = (key: string) =>
  query<{ pid: number }>(
    `SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted
       AND ((classid::bigint << 32) | objid::bigint) = $1::bigint AND objsubid = 1`,
    [key],
  );

describe.skipIf(!database)('PostgresSweepLease', () => {
  it('one node holds the lock; it keeps it across passes, the other is refused', async () => {
    const { a, b, key } = twoLeases();
    expect(await a.acquire()).toBe(true);
    expect(await b.acquire()).toBe(false);
    expect(await a.acquire()).toBe(true);
    expect(await b.acquire()).toBe(false);
    expect(await holders(key)).toHaveLength(1);
  });

  it('release ends the session and frees the lock: the other node takes it at its next acquire', async () => {
    const { a, b } = twoLeases();
    expect(await a.acquire()).toBe(true);
    await a.release();
    expect(await b.acquire()).toBe(true);
    expect(await a.acquire()).toBe(false);
  });

  it('a holder whose session ends (killed) loses the lock; the other takes it; the old holder asks again and is refused', async () => {
    const { a, b, key } = twoLeases();
    expect(await a.acquire()).toBe(true);
    const [held] = await holders(key);
    if (!held) throw new Error('no holder');
    // What PostgreSQL does when the holder's process dies: the session ends, its locks are freed.
    await query('SELECT pg_terminate_backend($1)', [held.pid]);
    await expect.poll(() => b.acquire()).toBe(true);
    // Node A learns of it (its check fails or its connection reports the end) and is refused after.
    await expect.poll(() => a.acquire().catch(() => 'failed')).toBe(false);
    expect(await holders(key)).toHaveLength(1);
  });

  it('the default key is the abandon sweep lock, apart from the migration lock', async () => {
    expect(BigInt(ABANDON_SWEEP_LOCK) < 2n ** 63n).toBe(true);
    const lease = new PostgresSweepLease(database?.url ?? '', { logger });
    leases.push(lease);
    expect(await lease.acquire()).toBe(true);
    expect(await holders(ABANDON_SWEEP_LOCK)).toHaveLength(1);
  });
});
