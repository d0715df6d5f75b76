/**
 * The engine for several nodes: PostgreSQL through `pg`, one pool per process, the same `Storage` as
 * SQLite (`kyselyStorage`): every query is shared, only the driver and the error mapping differ.
 *
 * Concurrency between nodes rests on the database, not on this process: `seq` comes from
 * `UPDATE conversations SET last_seq = last_seq + 1 … RETURNING` (the row lock serialises writers of
 * one conversation until commit), a retried `clientId` hits the unique key with `ON CONFLICT DO
 * NOTHING`, and `updateConversation` is guarded by `version` (a second writer re-reads the row after
 * the first commits and matches nothing). Migrations are serialised by Kysely's migrator, which on
 * PostgreSQL holds a session advisory lock (`pg_advisory_lock`) around reading and applying them.
 */
import { Kysely, PostgresDialect, type PostgresPool, type PostgresPoolClient } from 'kysely';
import pg from 'pg';
import { AppError } from '../kernel/errors.ts';
import { kyselyStorage } from './kysely-storage.ts';
import { kyselyLifecycle, type StorageLifecycle } from './lifecycle.ts';
import type { Database as Schema } from './schema.ts';
import type { Storage } from './types.ts';

/** Connections per process when `DATABASE_POOL_SIZE` is not set (PostgreSQL's default limit is 100). */
export const DEFAULT_POOL_SIZE = 10;
/** How long a query waits for a free connection, or for a new one, before failing as `unavailable`. */
export const CONNECT_TIMEOUT_MS = 5000;
/**
 * How long one query of the running server waits for PostgreSQL's answer (TESTPLAN D6). A database
 * that went silent (a partition, packets dropped, a lock held for long) would otherwise hold the
 * query, its connection and the client's request without end: the socket's ack never comes. After
 * this the query fails as `unavailable` (the client retries with the same `clientId`) and its
 * connection is dropped; PostgreSQL rolls back what it had not committed. Below the clients' ack wait
 * (`ACK_TIMEOUT_MS`, 10 s), so they hear the retryable error rather than a timeout.
 */
export const SERVER_QUERY_TIMEOUT_MS = 5000;

/** Node's network errors: the server is down, restarting or unreachable. */
const NETWORK = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);
/**
 * SQLSTATEs that mean "try again": connection exceptions (class 08), insufficient resources (class 53:
 * too many clients, disk full, out of memory), operator intervention (57P01 admin shutdown, 57P02
 * crash shutdown, 57P03 cannot connect now, 57014 statement timeout), serialization failure and
 * deadlock (40001, 40P01), lock not available (55P03).
 */
const RETRYABLE_STATE = /^(08|53)|^(57P01|57P02|57P03|57014|40001|40P01|55P03)$/;
/** `pg`'s own messages for a connection that broke or never came. */
const CONNECTION_MESSAGE =
  /Connection terminated|connection timeout|timeout exceeded when trying to connect|not queryable|Connection refused/i;

export function isUnavailable(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  if (typeof code === 'string' && (NETWORK.has(code) || RETRYABLE_STATE.test(code))) return true;
  return typeof message === 'string' && CONNECTION_MESSAGE.test(message);
}

const unavailableError = (cause: unknown) =>
  new AppError('unavailable', 'the database is unavailable, please try again', { cause });

/**
 * The query, or `unavailable` once `ms` pass without its answer (then `onTimeout` runs first). The
 * query's own late outcome is nobody's: its connection is being dropped.
 */
function withDeadline<T>(running: Promise<T>, ms: number | null, onTimeout: () => void): Promise<T> {
  if (ms === null) return running;
  running.catch(() => {});
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      onTimeout();
      reject(unavailableError(new Error(`no answer from PostgreSQL within ${ms} ms`)));
    }, ms);
  });
  return Promise.race([running, deadline]).finally(() => clearTimeout(timer));
}

async function guard<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (isUnavailable(error)) throw unavailableError(error);
    throw error;
  }
}

/**
 * The pool as Kysely's dialect sees it, with every connect and query guarded. A connection that
 * failed as `unavailable` is destroyed on release, never handed out again: the server may end it a
 * moment after the error (an administrator's shutdown arrives before the socket closes). While a
 * connection is checked out its `error` event (the server ending it) is handled here, or it would
 * crash the process; the query that was running rejects on its own. With a deadline
 * (`queryTimeout.ms`), a query without an answer by then fails as `unavailable` and breaks its
 * connection; nothing more is sent on a broken connection (Kysely's `ROLLBACK` fails at once: the
 * connection is dropped on release, which rolls the transaction back on the server).
 */
function guardedPool(pool: pg.Pool, queryTimeout: { ms: number | null }): PostgresPool {
  return {
    async connect(): Promise<PostgresPoolClient> {
      const client = await guard(() => pool.connect());
      let broken = false;
      const onError = () => {
        broken = true;
      };
      client.on('error', onError);
      const query = (...args: unknown[]) => {
        if (broken) return Promise.reject(unavailableError(new Error('the connection broke earlier')));
        const running = guard(() => (client.query as (...a: unknown[]) => Promise<unknown>)(...args));
        return withDeadline(running, queryTimeout.ms, onError).catch((error) => {
          if (error instanceof AppError) broken = true;
          throw error;
        });
      };
      return {
        query: query as PostgresPoolClient['query'],
        release: (destroy?: boolean) => {
          client.removeListener('error', onError);
          client.release(destroy || broken);
        },
      };
    },
    end: () => pool.end(),
  };
}

/**
 * Column types read as SQLite reads them: `COUNT(*)` and other BIGINTs come back as numbers, not
 * strings (counts and sequence numbers stay far below 2^53). Per pool, never `pg.types` globally.
 */
const TYPES = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === pg.types.builtins.INT8 && format !== 'binary') return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format);
  },
} as pg.CustomTypesConfig;

export type PostgresOptions = {
  /** Connections this process keeps at most (`DATABASE_POOL_SIZE`). */
  poolSize?: number;
  /**
   * How long one query waits for its answer before failing as `unavailable` (the running server:
   * `SERVER_QUERY_TIMEOUT_MS`); default: as long as it takes (the CLI, `db:copy`, tests).
   * Migrations always wait (see `patientMigrations`).
   */
  queryTimeoutMs?: number;
};

/** The Kysely handle over a guarded pool (exported for tests that need raw statements). */
export function openPostgresKysely(
  url: string,
  options: PostgresOptions = {},
  queryTimeout: { ms: number | null } = { ms: options.queryTimeoutMs ?? null },
): Kysely<Schema> {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? DEFAULT_POOL_SIZE,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    idleTimeoutMillis: 30_000,
    keepAlive: true,
    types: TYPES,
  });
  // An idle connection the server ends (restart, admin shutdown) is reported here; without a listener
  // it would crash the process. The next query takes a fresh connection or fails as `unavailable`.
  pool.on('error', () => {});
  return new Kysely<Schema>({ dialect: new PostgresDialect({ pool: guardedPool(pool, queryTimeout) }) });
}

/**
 * Migrations run before anyone is served and may wait long (for another node's migration, under
 * the advisory lock): no query deadline while they run.
 */
function patientMigrations(
  lifecycle: StorageLifecycle,
  queryTimeout: { ms: number | null },
): StorageLifecycle {
  return {
    ...lifecycle,
    async migrate() {
      const ms = queryTimeout.ms;
      queryTimeout.ms = null;
      try {
        return await lifecycle.migrate();
      } finally {
        queryTimeout.ms = ms;
      }
    },
  };
}

export function openPostgresStorage(url: string, options: PostgresOptions = {}): Storage {
  const queryTimeout = { ms: options.queryTimeoutMs ?? null };
  const db = openPostgresKysely(url, options, queryTimeout);
  return kyselyStorage(db, patientMigrations(kyselyLifecycle(db), queryTimeout));
}
