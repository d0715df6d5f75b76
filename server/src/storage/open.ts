/** Picks the storage engine from `DATABASE_URL`. */
import { AppError } from '../kernel/errors.ts';
import { openSqliteStorage, type SqliteOptions } from './sqlite.ts';
import type { Storage } from './types.ts';

export type DatabaseTarget = { engine: 'sqlite'; file: string } | { engine: 'postgres'; url: string };

/** Options of the engines; the running server passes short lock waits (see `sqlite.ts`). */
export type StorageOptions = SqliteOptions;

export function openStorage(target: DatabaseTarget, options: StorageOptions = {}): Storage {
  if (target.engine === 'sqlite') return openSqliteStorage(target.file, options);
  throw new AppError(
    'unavailable',
    'PostgreSQL support lands with the scale-out work; use a SQLite DATABASE_URL',
  );
}
