/**
 * PostgreSQL for tests: one fresh database per test file, created through the maintenance database
 * at `TEST_DATABASE_URL` and dropped after the file, so files running in parallel never share rows.
 *
 * Where PostgreSQL is not reachable the PostgreSQL suites skip with one clear line, except under
 * `CI`, where PostgreSQL is part of the machine and its absence fails the run.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll } from 'vitest';

/** The one place the tests' PostgreSQL address is written. */
export const TEST_DATABASE_URL =
  process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

export type TestDatabase = {
  /** `postgres://…` of the fresh database, for `DATABASE_URL` or `openPostgresStorage`. */
  url: string;
  name: string;
};

/** Runs one statement on the maintenance database. */
async function onMaintenance(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL, connectionTimeoutMillis: 5000 });
  client.on('error', () => {});
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** Creates an empty database; the caller drops it with `dropTestDatabase`. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `frontdesk_test_${randomBytes(6).toString('hex')}`;
  await onMaintenance(`CREATE DATABASE ${name}`);
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  return { url: url.href, name };
}

export async function dropTestDatabase(database: TestDatabase): Promise<void> {
  await onMaintenance(`DROP DATABASE IF EXISTS ${database.name} WITH (FORCE)`);
}

/**
 * For a test file's top level: a fresh database dropped after the file, or `null` (with the skip
 * line printed) when PostgreSQL is unreachable outside CI. Under `CI` unreachable is an error.
 */
export async function postgresForThisFile(): Promise<TestDatabase | null> {
  let database: TestDatabase;
  try {
    database = await createTestDatabase();
  } catch (error) {
    const reason = `PostgreSQL not reachable at ${TEST_DATABASE_URL} (${(error as Error).message})`;
    if (process.env.CI) throw new Error(`${reason}: PostgreSQL is required under CI`, { cause: error });
    console.warn(`${reason}: the PostgreSQL contract suite is skipped`);
    return null;
  }
  afterAll(() => dropTestDatabase(database));
  return database;
}
