import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { describe, expect, it } from 'vitest';
import { engineSql } from './db.ts';
import { bumpSeq, INSERT_MESSAGE } from './hot-sql.ts';
import { openPostgresKysely } from './postgres.ts';
import type { Database as Schema } from './schema.ts';

describe('hot-path SQL per engine', () => {
  const bump = bumpSeq('c1', 'T', null, { states: ['bot', 'queued'], agentId: 'a1' }).sql;

  it('SQLite runs the exact text (its prepared-statement cache keys on it)', async () => {
    const db = new Kysely<Schema>({ dialect: new SqliteDialect({ database: new Database(':memory:') }) });
    expect(engineSql(db, INSERT_MESSAGE)).toBe(INSERT_MESSAGE);
    await db.transaction().execute(async (trx) => {
      expect(engineSql(trx, bump)).toBe(bump);
    });
    await db.destroy();
  });

  it('PostgreSQL gets numbered placeholders, on the handle and in a transaction alike', async () => {
    // No connection is made: the pool connects on the first query.
    const db = openPostgresKysely('postgres://nobody@127.0.0.1:1/none');
    expect(engineSql(db, bump)).toBe(
      'UPDATE conversations SET last_seq = last_seq + 1, updated_at = $1 WHERE id = $2 ' +
        'AND state IN ($3, $4) AND agent_id = $5 RETURNING last_seq',
    );
    expect(engineSql(db, INSERT_MESSAGE)).toMatch(/VALUES \(\$1, \$2, .*\$11\)/);
    expect(engineSql(db, INSERT_MESSAGE)).not.toContain('?');
    await db.destroy();
  });
});
