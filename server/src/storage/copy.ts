/**
 * `db:copy`: moves a whole install from one database to another (SQLite → PostgreSQL, typically)
 * without losing a row. The target must be empty; it is migrated first, then every table is copied
 * in foreign-key order, in keyset-paginated batches (bounded memory), one transaction per table,
 * and finally verified: row counts per table, and `last_seq` and the highest message `seq` of every
 * conversation. Rows travel as the driver returns them: binary columns (images) stay Buffers, which
 * both engines store as bytes (`portable-types.ts`).
 */
import Database from 'better-sqlite3';
import { Kysely, type RawBuilder, SqliteDialect, sql } from 'kysely';
import { AppError } from '../kernel/errors.ts';
import { MIGRATION_TABLES, runMigrations } from './lifecycle.ts';
import { MIGRATIONS } from './migrations.ts';
import type { DatabaseTarget } from './open.ts';
import { openPostgresKysely } from './postgres.ts';
import type { Database as Schema } from './schema.ts';

type AnyDb = Kysely<unknown>;
type Row = Record<string, unknown>;

/**
 * Every table of the schema with its primary key (the keyset pagination order), in copy order:
 * a table comes after every table it references. The type makes the list exhaustive: a table added
 * to `schema.ts` does not compile until it is listed here, and a table found in a database but not
 * listed fails the copy loudly (see `unknownTables`).
 */
export const COPY_TABLES: { readonly [T in keyof Schema]: readonly (keyof Schema[T] & string)[] } = {
  sites: ['id'],
  images: ['id'],
  agents: ['id'],
  agent_sites: ['agent_id', 'site_id'],
  sessions: ['token_hash'],
  visitors: ['id'],
  conversations: ['id'],
  messages: ['id'],
  faqs: ['site_id', 'id'],
  bot_misses: ['site_id', 'message_id'],
  agent_answers: ['site_id', 'conversation_id'],
  mail_outbox: ['id'],
  read_positions: ['conversation_id', 'reader_key'],
  attachments: ['id'],
  contact_attributes: ['visitor_id', 'key'],
  contact_tags: ['visitor_id', 'tag'],
  contact_notes: ['id'],
  page_trail: ['id'],
  contact_events: ['id'],
  contact_merges: ['id'],
  privacy_audit: ['id'],
  // Issue 14 (routing).
  teams: ['id'],
  team_members: ['team_id', 'agent_id'],
  // Issue 14.
  canned_responses: ['id'],
  agent_preferences: ['agent_id'],
  // Issue 14 (find things).
  conversation_tags: ['conversation_id', 'tag'],
  saved_views: ['id'],
  // Issue 15 (public API, webhooks).
  api_tokens: ['id'],
  webhooks: ['id'],
  webhook_deliveries: ['id'],
  webhook_settings: ['site_id'],
};

/**
 * SQLite's full-text index over messages (issue 14): the FTS5 table, its shadow tables and the view
 * it reads. Not copied: the target's own index is filled as the messages arrive (triggers, or
 * PostgreSQL's expression index).
 */
const DERIVED_TABLE = /^message_search(_source|_data|_idx|_docsize|_config|_content)?$/;

const TABLES = Object.keys(COPY_TABLES) as (keyof Schema)[];

export const COPY_BATCH_SIZE = 500;

export type CopyProgress = {
  table: string;
  copied: number;
  total: number;
  allCopied: number;
  allTotal: number;
};

export type CopySummary = {
  tables: { table: string; rows: number }[];
  conversationsVerified: number;
  applied: readonly string[];
  ms: number;
};

/** Opens a database for copying: SQLite read-only (it must exist), PostgreSQL through the pool. */
export function openForCopy(target: DatabaseTarget, { readonly }: { readonly: boolean }): AnyDb {
  if (target.engine === 'postgres') return openPostgresKysely(target.url, { poolSize: 2 }) as AnyDb;
  const database = new Database(target.file, { readonly, fileMustExist: readonly });
  if (!readonly) database.pragma('foreign_keys = ON');
  return new Kysely<unknown>({ dialect: new SqliteDialect({ database }) });
}

async function tableNames(db: AnyDb): Promise<string[]> {
  const tables = await db.introspection.getTables();
  const bookkeeping = new Set<string>(MIGRATION_TABLES);
  return tables.map((t) => t.name).filter((name) => !bookkeeping.has(name) && !DERIVED_TABLE.test(name));
}

/**
 * Columns an engine computes itself (PostgreSQL's stored `messages.search_vector`, issue 14): never
 * written, and not compared between engines.
 */
const DERIVED_COLUMNS: Readonly<Record<string, readonly string[]>> = { messages: ['search_vector'] };

async function columnsOf(db: AnyDb, table: string): Promise<string[]> {
  const found = (await db.introspection.getTables()).find((t) => t.name === table);
  const derived = DERIVED_COLUMNS[table] ?? [];
  return (found?.columns ?? [])
    .map((c) => c.name)
    .filter((name) => !derived.includes(name))
    .sort();
}

/** Tables present in a database that `COPY_TABLES` does not know: copying would skip them silently. */
export function unknownTables(names: readonly string[]): string[] {
  const known = new Set<string>(TABLES);
  return names.filter((name) => !known.has(name));
}

async function count(db: AnyDb, table: string): Promise<number> {
  const { rows } = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(table)}`.execute(
    db,
  );
  return Number(rows[0]?.n ?? 0);
}

async function appliedMigrations(db: AnyDb): Promise<string[]> {
  const names = await db.introspection.getTables({ withInternalKyselyTables: true });
  if (!names.some((t) => t.name === MIGRATION_TABLES[0])) return [];
  const { rows } = await sql<{ name: string }>`select name from ${sql.table(MIGRATION_TABLES[0])}`.execute(
    db,
  );
  return rows.map((r) => r.name);
}

/** `(k1, k2) > (v1, v2)` spelled portably: `k1 > v1 or (k1 = v1 and k2 > v2)`. */
function after(keys: readonly string[], last: Row): RawBuilder<unknown> {
  const [first, ...rest] = keys as [string, ...string[]];
  const greater = sql`${sql.ref(first)} > ${last[first]}`;
  if (rest.length === 0) return greater;
  return sql`(${greater} or (${sql.ref(first)} = ${last[first]} and ${after(rest, last)}))`;
}

async function page(db: AnyDb, table: string, keys: readonly string[], last: Row | null, limit: number) {
  const order = sql.join(keys.map((k) => sql.ref(k)));
  const where = last ? sql`where ${after(keys, last)}` : sql``;
  const { rows } =
    await sql<Row>`select * from ${sql.table(table)} ${where} order by ${order} limit ${limit}`.execute(db);
  return rows;
}

async function insert(db: AnyDb, table: string, columns: readonly string[], rows: readonly Row[]) {
  const values = sql.join(rows.map((row) => sql`(${sql.join(columns.map((c) => row[c] ?? null))})`));
  await sql`insert into ${sql.table(table)} (${sql.join(columns.map((c) => sql.ref(c)))}) values ${values}`.execute(
    db,
  );
}

type SeqRow = { id: string; last_seq: number | string; max_seq: number | string | null };

function seqQuery(where: RawBuilder<unknown>, limit: number | null) {
  return sql<SeqRow>`select c.id, c.last_seq,
      (select max(m.seq) from messages m where m.conversation_id = c.id) as max_seq
    from conversations c ${where} order by c.id ${limit === null ? sql`` : sql`limit ${limit}`}`;
}

const seqOf = (row: SeqRow) => `${Number(row.last_seq)}/${row.max_seq === null ? '-' : Number(row.max_seq)}`;

/** Every conversation's `last_seq` and highest message `seq` equal on both sides; how many. */
async function verifySeqs(source: AnyDb, target: AnyDb, batchSize: number): Promise<number> {
  let last: string | null = null;
  let verified = 0;
  for (;;) {
    const where: RawBuilder<unknown> = last === null ? sql`` : sql`where c.id > ${last}`;
    const { rows }: { rows: SeqRow[] } = await seqQuery(where, batchSize).execute(source);
    if (rows.length === 0) return verified;
    const ids: string[] = rows.map((r) => r.id);
    const copied = new Map(
      (await seqQuery(sql`where c.id in (${sql.join(ids)})`, null).execute(target)).rows.map((r) => [
        r.id,
        r,
      ]),
    );
    for (const row of rows) {
      const other = copied.get(row.id);
      if (!other || seqOf(other) !== seqOf(row)) {
        throw new AppError(
          'internal',
          `verification failed: conversation ${row.id} has last_seq/max seq ${seqOf(row)} in the source, ${other ? seqOf(other) : 'nothing'} in the target`,
        );
      }
    }
    verified += rows.length;
    last = ids.at(-1) ?? null;
  }
}

export type CopyOptions = {
  batchSize?: number;
  onProgress?: (progress: CopyProgress) => void;
  now?: () => number;
};

/** Copies `source` into the empty `target`; throws an `AppError` with the reason when it cannot. */
export async function copyDatabase(
  source: AnyDb,
  target: AnyDb,
  options: CopyOptions = {},
): Promise<CopySummary> {
  const batchSize = options.batchSize ?? COPY_BATCH_SIZE;
  const now = options.now ?? Date.now;
  const started = now();

  const sourceApplied = await appliedMigrations(source);
  const missing = Object.keys(MIGRATIONS).filter((name) => !sourceApplied.includes(name));
  if (missing.length > 0) {
    throw new AppError(
      'bad_request',
      `the source database lacks migrations ${missing.join(', ')}: run \`pnpm frontdesk migrate\` on it first`,
    );
  }
  const strange = unknownTables(await tableNames(source));
  if (strange.length > 0) {
    throw new AppError(
      'internal',
      `the source has tables db:copy does not know: ${strange.join(', ')} (add them to COPY_TABLES in server/src/storage/copy.ts)`,
    );
  }

  for (const table of await tableNames(target)) {
    const rows = await count(target, table);
    if (rows > 0) {
      throw new AppError(
        'conflict',
        `the target database is not empty (table ${table} has ${rows} rows): db:copy only fills an empty database`,
      );
    }
  }
  const applied = await runMigrations(target);
  const strangeTarget = unknownTables(await tableNames(target));
  if (strangeTarget.length > 0) {
    throw new AppError(
      'internal',
      `the target has tables db:copy does not know: ${strangeTarget.join(', ')}`,
    );
  }

  const totals = new Map<string, number>();
  for (const table of TABLES) totals.set(table, await count(source, table));
  const allTotal = [...totals.values()].reduce((a, b) => a + b, 0);
  let allCopied = 0;

  for (const table of TABLES) {
    const keys = COPY_TABLES[table];
    const columns = await columnsOf(target, table);
    const sourceColumns = await columnsOf(source, table);
    if (columns.join() !== sourceColumns.join()) {
      throw new AppError(
        'internal',
        `table ${table} has columns (${sourceColumns.join(', ')}) in the source but (${columns.join(', ')}) in the target`,
      );
    }
    const total = totals.get(table) ?? 0;
    let copied = 0;
    options.onProgress?.({ table, copied, total, allCopied, allTotal });
    await target.transaction().execute(async (trx) => {
      let last: Row | null = null;
      for (;;) {
        const rows = await page(source, table, keys, last, batchSize);
        if (rows.length === 0) break;
        await insert(trx, table, columns, rows);
        copied += rows.length;
        allCopied += rows.length;
        last = rows.at(-1) ?? null;
        options.onProgress?.({ table, copied, total, allCopied, allTotal });
      }
    });
  }

  const tables: CopySummary['tables'] = [];
  for (const table of TABLES) {
    const [from, to] = [await count(source, table), await count(target, table)];
    if (from !== to) {
      throw new AppError(
        'internal',
        `verification failed: table ${table} has ${from} rows in the source, ${to} in the target`,
      );
    }
    tables.push({ table, rows: to });
  }
  const conversationsVerified = await verifySeqs(source, target, batchSize);
  return { tables, conversationsVerified, applied, ms: now() - started };
}
