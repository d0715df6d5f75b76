/** The embedded engine: one SQLite file in WAL mode through better-sqlite3. */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { KyselyStorage } from './kysely-storage.ts';
import type { Database as Schema } from './schema.ts';

/**
 * Kysely prepares every query anew; the SQL of our queries repeats, so prepared statements are
 * kept per SQL text (bounded), which roughly halves the cost of the hot path.
 */
function withStatementCache(database: Database.Database) {
  const cache = new Map<string, Database.Statement>();
  return {
    close: () => database.close(),
    prepare(sql: string) {
      let statement = cache.get(sql);
      if (!statement) {
        statement = database.prepare(sql);
        if (cache.size >= 500) cache.delete(cache.keys().next().value as string);
        cache.set(sql, statement);
      }
      return statement;
    },
  };
}

/** Opens (creating if needed) the SQLite file, or an in-memory database for `:memory:`. */
export function openSqliteStorage(file: string): KyselyStorage {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const database = new Database(file);
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = NORMAL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  const db = new Kysely<Schema>({ dialect: new SqliteDialect({ database: withStatementCache(database) }) });
  return new KyselyStorage(db);
}
