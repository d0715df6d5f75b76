/**
 * The one place where a migration's column type differs between engines. Everything else in
 * `migrations.ts` is portable as written; add a type here only when an engine truly lacks one.
 */
import { type Kysely, PostgresAdapter } from 'kysely';

const isPostgres = (db: Kysely<unknown>) => db.getExecutor().adapter instanceof PostgresAdapter;

/** Bytes: SQLite's `blob`, PostgreSQL's `bytea` (PostgreSQL has no `blob`). */
export function binaryType(db: Kysely<unknown>): 'blob' | 'bytea' {
  return isPostgres(db) ? 'bytea' : 'blob';
}
