/** What every Kysely store shares: the handle (or a transaction on it), the clock, raw hot-path statements. */
import { CompiledQuery, type Kysely, type Transaction } from 'kysely';
import type { Database } from './schema.ts';

export type Db = Kysely<Database>;
/** The handle or a transaction on it: queries that must also run inside one take either. */
export type Queryable = Kysely<Database> | Transaction<Database>;

export const now = () => new Date().toISOString();

/** Runs a statement of `hot-sql.ts` without the query builder. */
export async function run<T>(db: Queryable, sql: string, params: readonly unknown[]): Promise<T[]> {
  return (await db.executeQuery<T>(CompiledQuery.raw(sql, [...params]))).rows;
}
