/** Picks the storage engine from `DATABASE_URL`. */
import { AppError } from '../errors.ts';
import { openSqliteStorage } from './sqlite.ts';
import type { Storage } from './types.ts';

export type DatabaseTarget = { engine: 'sqlite'; file: string } | { engine: 'postgres'; url: string };

export function openStorage(target: DatabaseTarget): Storage {
  if (target.engine === 'sqlite') return openSqliteStorage(target.file);
  throw new AppError(
    'unavailable',
    'PostgreSQL support lands with the scale-out work; use a SQLite DATABASE_URL',
  );
}
