/** PostgreSQL's transient failures become the retryable `unavailable` error, like SQLite's lock errors. */
import { sql } from 'kysely';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { postgresForThisFile, TEST_DATABASE_URL } from '../testing/postgres.ts';
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
});
