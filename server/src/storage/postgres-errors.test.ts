/** PostgreSQL's transient failures become the retryable `unavailable` error, like SQLite's lock errors. */
import { sql } from 'kysely';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { postgresForThisFile, TEST_DATABASE_URL } from '../testing/postgres.ts';
import { MIGRATIONS } from './migrations.ts';
import { isUnavailable, openPostgresKysely, openPostgresStorage } from './postgres.ts';

describe('postgresql errors', () => {
  it.each([
    ['ECONNREFUSED', true],
    ['ECONNRESET', true],
    ['08006', true], // connection failure
    ['53300', true], // too many connections
    ['57P01', true], // admin shutdown
    ['57P03', true], // cannot connect now (starting up)
    ['40001', true], // serialization failure
    ['40P01', true], // deadlock detected
    ['23505', false], // unique violation: a bug or a real conflict, never retried blindly
    ['42P01', false], // undefined table: a bug
  ])('code %s is retryable: %s', (code, retryable) => {
    expect(isUnavailable(Object.assign(new Error('x'), { code }))).toBe(retryable);
  });

  it('pg messages for a broken connection are retryable', () => {
    expect(isUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isUnavailable(new Error('timeout exceeded when trying to connect'))).toBe(true);
    expect(isUnavailable(new Error('syntax error at or near "x"'))).toBe(false);
  });

  it('D6 a refused connection fails as unavailable, not as a crash', async () => {
    const storage = openPostgresStorage('postgres://postgres@127.0.0.1:1/none');
    await expect(storage.getSite('any')).rejects.toMatchObject({ name: 'AppError', code: 'unavailable' });
    await storage.close();
  });
});

const database = await postgresForThisFile();

describe.skipIf(!database)('postgresql errors on a live server', () => {
  it('D6 an administrator ending the connection mid-query is unavailable; the next query gets a new one', async () => {
    const db = openPostgresKysely(database?.url ?? '', { poolSize: 2 });
    const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await admin.connect();
    try {
      const sleeping = sql`SELECT pg_sleep(30)`.execute(db);
      const outcome = sleeping.then(
        () => null,
        (error: unknown) => error,
      );
      // Wait until the statement runs, then end it the way a restart or an operator would.
      for (;;) {
        const { rows } = await admin.query(
          `SELECT pid FROM pg_stat_activity WHERE datname = $1 AND query LIKE 'SELECT pg_sleep%'`,
          [database?.name],
        );
        if (rows.length > 0) {
          await admin.query('SELECT pg_terminate_backend($1)', [rows[0].pid]);
          break;
        }
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect(await outcome).toMatchObject({ name: 'AppError', code: 'unavailable' });
      const { rows } = await sql<{ one: number }>`SELECT 1 AS one`.execute(db);
      expect(rows).toEqual([{ one: 1 }]);
    } finally {
      await admin.end();
      await db.destroy();
    }
  });

  it('D6 a query without an answer (a lock held, a silent network) fails as unavailable after the deadline; its connection is dropped, the pool goes on', async () => {
    const storage = openPostgresStorage(database?.url ?? '', { poolSize: 2, queryTimeoutMs: 300 });
    const holder = new pg.Client({ connectionString: database?.url });
    await holder.connect();
    try {
      // Migrations wait (no deadline) while another node holds their lock (Kysely's advisory lock id).
      await holder.query(`SELECT pg_advisory_lock(${KYSELY_MIGRATION_LOCK})`);
      const migrated = storage.migrate();
      await expect.poll(() => waiting(holder, database?.name ?? '')).toBeGreaterThan(0);
      await new Promise((resolve) => setTimeout(resolve, 600)); // twice the deadline: still waiting
      await holder.query(`SELECT pg_advisory_unlock(${KYSELY_MIGRATION_LOCK})`);
      expect(await migrated).toHaveLength(Object.keys(MIGRATIONS).length);

      await holder.query('BEGIN');
      await holder.query('LOCK TABLE sites IN ACCESS EXCLUSIVE MODE');
      // More timed-out queries than the pool has connections: each dropped connection frees its slot.
      for (let i = 0; i < 3; i++) {
        await expect(storage.ping()).rejects.toMatchObject({ name: 'AppError', code: 'unavailable' });
      }
      await holder.query('COMMIT');
      for (let i = 0; i < 3; i++) await expect(storage.ping()).resolves.toBeUndefined();
      // PostgreSQL ended the dropped sessions: nothing of ours waits on the lock any more.
      await expect.poll(() => waiting(holder, database?.name ?? '')).toBe(0);
    } finally {
      await holder.end();
      await storage.close();
    }
  });
});

/** The advisory lock Kysely's migrator holds on PostgreSQL (`postgres-adapter.js`). */
const KYSELY_MIGRATION_LOCK = '3853314791062309107';

/** How many sessions of the database wait for a lock. */
async function waiting(client: pg.Client, name: string): Promise<number> {
  const { rows } = await client.query(
    `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND wait_event_type = 'Lock'`,
    [name],
  );
  return (rows[0] as { n: number }).n;
}
