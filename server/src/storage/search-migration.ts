/**
 * Issue 14 (find things): conversation tags, agents' saved views, the full-text index over messages
 * and private notes, and the index the newest-first list pages on. Existing messages are indexed here.
 *
 * SQLite: an FTS5 external-content table over a view of `messages` (text and notes only), kept in
 * sync by triggers. The view maps `ł`/`Ł` to `l` (no Unicode decomposition, so `remove_diacritics`
 * keeps it); the tokenizer folds the other diacritics. Prefix queries stand in for stemming.
 * PostgreSQL: the text search configuration `frontdesk_search` (`simple` + `unaccent`) and a GIN
 * expression index on `to_tsvector('frontdesk_search', body)` for the same kinds.
 */
import { type Kysely, type Migration, PostgresAdapter, sql } from 'kysely';

const isPostgres = (db: Kysely<unknown>) => db.getExecutor().adapter instanceof PostgresAdapter;

/** Message kinds that are searched (the SQL below repeats them as literals). */
export const SEARCHED_KINDS = ['text', 'note'] as const;

const foldL = (column: string) => sql.raw(`replace(replace(${column}, 'ł', 'l'), 'Ł', 'L')`);

async function sqliteIndex(db: Kysely<unknown>) {
  await sql`create view message_search_source as
    select rowid as mrow, ${foldL('body')} as body from messages where kind in ('text', 'note')`.execute(db);
  await sql`create virtual table message_search using fts5(body, content='message_search_source',
    content_rowid='mrow', tokenize="unicode61 remove_diacritics 2")`.execute(db);
  await sql`create trigger message_search_insert after insert on messages
    when new.kind in ('text', 'note') begin
      insert into message_search(rowid, body) values (new.rowid, ${foldL('new.body')});
    end`.execute(db);
  await sql`create trigger message_search_delete after delete on messages
    when old.kind in ('text', 'note') begin
      insert into message_search(message_search, rowid, body) values ('delete', old.rowid, ${foldL('old.body')});
    end`.execute(db);
  await sql`create trigger message_search_update_old after update of body, kind on messages
    when old.kind in ('text', 'note') begin
      insert into message_search(message_search, rowid, body) values ('delete', old.rowid, ${foldL('old.body')});
    end`.execute(db);
  await sql`create trigger message_search_update_new after update of body, kind on messages
    when new.kind in ('text', 'note') begin
      insert into message_search(rowid, body) values (new.rowid, ${foldL('new.body')});
    end`.execute(db);
  await sql`insert into message_search(message_search) values ('rebuild')`.execute(db);
}

async function postgresIndex(db: Kysely<unknown>) {
  const available = await sql<{ n: number }>`
    select count(*)::int as n from pg_available_extensions where name = 'unaccent'`.execute(db);
  const unaccent = Number(available.rows[0]?.n ?? 0) > 0;
  if (unaccent) await sql`create extension if not exists unaccent`.execute(db);
  await sql`create text search configuration frontdesk_search (copy = simple)`.execute(db);
  if (unaccent)
    await sql`alter text search configuration frontdesk_search
      alter mapping for word, hword, hword_part, numword, numhword with unaccent, simple`.execute(db);
  await sql`create index messages_search on messages
    using gin (to_tsvector('frontdesk_search'::regconfig, body)) where kind in ('text', 'note')`.execute(db);
}

const search: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('conversation_tags')
      .addColumn('conversation_id', 'varchar(64)', (c) =>
        c.notNull().references('conversations.id').onDelete('cascade'),
      )
      .addColumn('site_id', 'varchar(64)', (c) => c.notNull())
      .addColumn('tag', 'varchar(40)', (c) => c.notNull())
      .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
      .addPrimaryKeyConstraint('conversation_tags_pk', ['conversation_id', 'tag'])
      .execute();
    await db.schema
      .createIndex('conversation_tags_site_tag')
      .on('conversation_tags')
      .columns(['site_id', 'tag'])
      .execute();
    await db.schema
      .createTable('saved_views')
      .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
      .addColumn('agent_id', 'varchar(64)', (c) => c.notNull().references('agents.id').onDelete('cascade'))
      .addColumn('name', 'varchar(100)', (c) => c.notNull())
      .addColumn('query', 'text', (c) => c.notNull())
      .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('saved_views_agent').on('saved_views').columns(['agent_id']).execute();
    // The newest-first list pages by (created_at, id) within the agent's sites.
    await db.schema
      .createIndex('conversations_site_created')
      .on('conversations')
      .columns(['site_id', 'created_at', 'id'])
      .execute();
    if (isPostgres(db)) await postgresIndex(db);
    else await sqliteIndex(db);
  },
};

/**
 * Common words fast (issue 14): on PostgreSQL the message's `tsvector` is stored (a generated column)
 * with its GIN index, so ranking and the newest-first walk read it instead of parsing the body again
 * for every match; the expression index it replaces is dropped. Statistics are gathered at once: the
 * choice of plan reads how common each word is from them (`chooseCandidatePlan`). SQLite's FTS5
 * table already stores what it needs: nothing to do there.
 */
const searchVector: Migration = {
  async up(db: Kysely<unknown>) {
    if (!isPostgres(db)) return;
    await sql`alter table messages add column search_vector tsvector generated always as (
      case when kind in ('text', 'note') then to_tsvector('frontdesk_search'::regconfig, body) end) stored`.execute(
      db,
    );
    await sql`create index messages_search_vector on messages using gin (search_vector)`.execute(db);
    await sql`drop index if exists messages_search`.execute(db);
    await sql`analyze messages`.execute(db);
  },
};

export const SEARCH_MIGRATIONS: Record<string, Migration> = {
  '0060_search': search,
  '0061_search_vector': searchVector,
};
