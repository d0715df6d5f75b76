/** Picks the storage engine from `DATABASE_URL`. */
import { openPostgresStorage, type PostgresOptions } from './postgres.ts';
import { openSqliteStorage, type SqliteOptions } from './sqlite.ts';
import type { Storage } from './types.ts';

export type DatabaseTarget =
  | { engine: 'sqlite'; file: string }
  | { engine: 'postgres'; url: string; poolSize?: number };

/** Options of the engines; the running server passes short lock waits (`sqlite.ts`) and query deadlines (`postgres.ts`). */
export type StorageOptions = SqliteOptions & PostgresOptions;

export function openStorage(target: DatabaseTarget, options: StorageOptions = {}): Storage {
  if (target.engine === 'sqlite') return openSqliteStorage(target.file, options);
  return openPostgresStorage(target.url, { ...options, poolSize: target.poolSize ?? options.poolSize });
}
