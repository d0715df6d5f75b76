/**
 * The embedded engine: one SQLite file in WAL mode through better-sqlite3.
 *
 * better-sqlite3 is synchronous: while SQLite waits for a lock, the whole event loop waits with it.
 * So the server waits at most `busyTimeoutMs` (a few milliseconds) for a lock held by another process
 * (a backup, the CLI) and then answers `unavailable`: a fast, retryable error the clients retry with
 * the same `clientId`, while everyone else keeps being served.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { AppError } from '../kernel/errors.ts';
import { kyselyStorage } from './kysely-storage.ts';
import { kyselyLifecycle, type StorageLifecycle } from './lifecycle.ts';
import type { Database as Schema } from './schema.ts';
import type { Storage } from './types.ts';

/** How long a statement of the running server may wait for another process's lock. */
export const SERVER_BUSY_TIMEOUT_MS = 5;
/** Migrations, the CLI and tests may wait longer: nobody else is being served on their event loop. */
export const PATIENT_BUSY_TIMEOUT_MS = 5000;

/**
 * Result codes that mean "the database cannot take this now, try again": locked or busy (another
 * process holds the lock), full disk, I/O trouble. Everything else is a bug and stays `internal`.
 */
const UNAVAILABLE = /^SQLITE_(BUSY|LOCKED|FULL|IOERR|CANTOPEN|PROTOCOL|READONLY_DBMOVED)/;

export function isUnavailable(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && UNAVAILABLE.test(code);
}

function guard<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (isUnavailable(error)) {
      throw new AppError('unavailable', 'the database is busy, please try again', { cause: error });
    }
    throw error;
  }
}

/**
 * What Kysely's SQLite driver needs of the database: prepared statements, kept per SQL text (Kysely
 * prepares every query anew; ours repeat, and caching roughly halves the hot path), with their
 * lock and I/O errors turned into `unavailable`.
 */
function driverDatabase(database: Database.Database) {
  const cache = new Map<string, Database.Statement>();
  return {
    close: () => database.close(),
    prepare(sql: string) {
      let statement = cache.get(sql);
      if (!statement) {
        statement = guard(() => database.prepare(sql));
        if (cache.size >= 500) cache.delete(cache.keys().next().value as string);
        cache.set(sql, statement);
      }
      const prepared = statement;
      return {
        reader: prepared.reader,
        all: (parameters: readonly unknown[]) => guard(() => prepared.all(parameters)),
        run: (parameters: readonly unknown[]) => guard(() => prepared.run(parameters)),
        iterate: (parameters: readonly unknown[]) => guard(() => prepared.iterate(parameters)),
      };
    },
  };
}

/** Migrations run before anyone is served: they may wait for a lock like any other tool. */
function patientMigrations(
  lifecycle: StorageLifecycle,
  database: Database.Database,
  busyTimeoutMs: number,
): StorageLifecycle {
  return {
    ...lifecycle,
    async migrate() {
      database.pragma(`busy_timeout = ${PATIENT_BUSY_TIMEOUT_MS}`);
      try {
        return await lifecycle.migrate();
      } finally {
        database.pragma(`busy_timeout = ${busyTimeoutMs}`);
      }
    },
  };
}

export type SqliteOptions = {
  /** How long a statement waits for another process's lock before failing as `unavailable`. */
  busyTimeoutMs?: number;
};

/** Opens (creating if needed) the SQLite file, or an in-memory database for `:memory:`. */
export function openSqliteStorage(file: string, options: SqliteOptions = {}): Storage {
  const busyTimeoutMs = options.busyTimeoutMs ?? PATIENT_BUSY_TIMEOUT_MS;
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const database = new Database(file);
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = NORMAL');
  database.pragma('foreign_keys = ON');
  database.pragma(`busy_timeout = ${busyTimeoutMs}`);
  const db = new Kysely<Schema>({ dialect: new SqliteDialect({ database: driverDatabase(database) }) });
  return kyselyStorage(db, patientMigrations(kyselyLifecycle(db), database, busyTimeoutMs));
}
