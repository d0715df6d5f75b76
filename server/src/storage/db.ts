/** What every Kysely store shares: the handle (or a transaction on it), the clock, raw hot-path statements. */
import { CompiledQuery, type Kysely, PostgresAdapter, type QueryResult, type Transaction } from 'kysely';
import { toPositional } from './hot-sql.ts';
import type { Database } from './schema.ts';

export type Db = Kysely<Database>;
/** The handle or a transaction on it: queries that must also run inside one take either. */
export type Queryable = Kysely<Database> | Transaction<Database>;

export const now = () => new Date().toISOString();

/**
 * The one place where the hot-path statements of `hot-sql.ts` (written once with `?` placeholders)
 * meet an engine: SQLite runs the text unchanged (its prepared-statement cache in `sqlite.ts` keys
 * on the exact text), PostgreSQL gets `$1, $2 …`. The engine is the handle's own dialect adapter, so
 * a transaction asks the same way as the handle it came from.
 */
export function engineSql(db: Queryable, sql: string): string {
  return db.getExecutor().adapter instanceof PostgresAdapter ? toPositional(sql) : sql;
}

/** Runs a statement of `hot-sql.ts` without the query builder; the whole result (rows, rows affected). */
export function execute<T>(db: Queryable, sql: string, params: readonly unknown[]): Promise<QueryResult<T>> {
  return db.executeQuery<T>(CompiledQuery.raw(engineSql(db, sql), [...params]));
}

/** Runs a statement of `hot-sql.ts` without the query builder; its rows. */
export async function run<T>(db: Queryable, sql: string, params: readonly unknown[]): Promise<T[]> {
  return (await execute<T>(db, sql, params)).rows;
}
