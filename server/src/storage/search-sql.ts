/**
 * Issue 14: the engine-specific halves of conversation search — the filter on `conversations c`
 * (portable) and the ranked best-match-per-conversation query (FTS5 on SQLite, `tsvector` on
 * PostgreSQL). Terms are folded words of letters and digits only (`searchTerms`), so quoting them
 * into a match expression cannot change its syntax; they are still passed as bound parameters.
 */
import { PostgresAdapter, type RawBuilder, sql } from 'kysely';
import type { CandidatePlan, ConversationFilters } from '../search/store.ts';
import type { Queryable } from './db.ts';

/** `c.site_id in (…) and …` for every filter that is set. */
export function filterSql(siteIds: readonly string[], f: ConversationFilters): RawBuilder<boolean> {
  const parts: RawBuilder<unknown>[] = [sql`c.site_id in (${sql.join(siteIds)})`];
  if (f.state) parts.push(sql`c.state = ${f.state}`);
  if (f.agentId === 'none') parts.push(sql`c.agent_id is null`);
  else if (f.agentId) parts.push(sql`c.agent_id = ${f.agentId}`);
  if (f.rating !== undefined) parts.push(sql`c.rating = ${f.rating}`);
  if (f.createdFrom) parts.push(sql`c.created_at >= ${f.createdFrom}`);
  if (f.createdBefore) parts.push(sql`c.created_at < ${f.createdBefore}`);
  if (f.teamId)
    parts.push(
      sql`(c.team_id = ${f.teamId} or c.agent_id in (select m.agent_id from team_members m where m.team_id = ${f.teamId}))`,
    );
  if (f.tag)
    parts.push(
      sql`exists (select 1 from conversation_tags t where t.conversation_id = c.id and t.tag = ${f.tag})`,
    );
  return sql<boolean>`(${sql.join(parts, sql` and `)})`;
}

export type RankedRow = { cid: string; mid: string; score: number };

/** A word in at least this share of the searched messages makes the walk the cheaper plan. */
export const WALK_WHEN_SHARE_AT_LEAST = 0.05;

const isPostgres = (db: Queryable) => db.getExecutor().adapter instanceof PostgresAdapter;

const pgQuery = (terms: readonly string[]) => terms.map((t) => `${t}:*`).join(' & ');
const ftsMatch = (terms: readonly string[]) => terms.map((t) => `"${t}"*`).join(' ');

/**
 * PostgreSQL: the share of messages holding the rarest term, from the planner's statistics on
 * `messages.search_vector` (most common lexemes and their frequencies; a prefix sums every lexeme it
 * starts). No statistics (never analysed) or a rare word: 0, so the index plan is used.
 */
async function postgresShare(db: Queryable, terms: readonly string[]): Promise<number> {
  const { rows } = await sql<{ elems: string[] | null; freqs: number[] | null }>`
    select most_common_elems::text::text[] as elems, most_common_elem_freqs as freqs
    from pg_stats where tablename = 'messages' and attname = 'search_vector'
      and schemaname = current_schema()`.execute(db);
  const elems = rows[0]?.elems ?? [];
  const freqs = rows[0]?.freqs ?? [];
  let rarest = 1;
  for (const term of terms) {
    let share = 0;
    elems.forEach((elem, i) => {
      if (elem.startsWith(term)) share += Number(freqs[i] ?? 0);
    });
    rarest = Math.min(rarest, share);
  }
  return rarest;
}

/**
 * SQLite: the share of messages holding all the terms, counted in FTS5 — only up to the count that
 * makes the walk worth it, so a common word is not counted through.
 */
async function sqliteShare(db: Queryable, terms: readonly string[]): Promise<number> {
  const total = await sql<{ n: number }>`select coalesce(max(rowid), 0) as n from messages`.execute(db);
  const messages = Number(total.rows[0]?.n ?? 0);
  if (messages === 0) return 0;
  const enough = Math.ceil(messages * WALK_WHEN_SHARE_AT_LEAST);
  const { rows } = await sql<{ n: number }>`select count(*) as n from (select rowid from message_search
    where message_search match ${ftsMatch(terms)} limit ${enough})`.execute(db);
  return Number(rows[0]?.n ?? 0) / messages;
}

/** The cheaper plan for these terms (the results do not depend on it). */
export async function chooseCandidatePlan(db: Queryable, terms: readonly string[]): Promise<CandidatePlan> {
  const share = isPostgres(db) ? await postgresShare(db, terms) : await sqliteShare(db, terms);
  return share >= WALK_WHEN_SHARE_AT_LEAST ? 'walk' : 'index';
}

/**
 * One row per matching conversation: its best message and that message's score (higher is better),
 * best first, ties by conversation id; messages written after `asOf` are left out.
 *
 * Ranking is bounded: the candidates are at most `candidatesMax` matching messages (text and notes,
 * passing the filters, written by `asOf`), taken from the newest conversations first (creation time,
 * then id, then the message's order in its conversation). Only they are scored. When fewer messages
 * match — every rare word — every match is ranked; a word that is in most messages is ranked among
 * those of the newest conversations that hold it. The candidate set is frozen by `asOf`, so ranked
 * pages (by `offset`) stay consistent.
 */
export async function rankedRows(
  db: Queryable,
  input: {
    terms: readonly string[];
    filter: RawBuilder<boolean>;
    asOf: string;
    offset: number;
    limit: number;
    candidatesMax: number;
    plan: CandidatePlan;
  },
): Promise<RankedRow[]> {
  const { terms, filter, asOf, offset, limit, candidatesMax, plan } = input;
  if (isPostgres(db)) {
    const query = pgQuery(terms);
    const candidates =
      plan === 'walk'
        ? // Conversations newest first (index `conversations_site_created`), their messages checked
          // against the stored vector; the limit stops the walk.
          sql`select c.id as cid, m.id as mid, m.seq, m.search_vector as sv
            from conversations c
            cross join lateral (
              select m.id, m.seq, m.search_vector from messages m
              where m.conversation_id = c.id and m.kind in ('text', 'note')
                and m.search_vector @@ to_tsquery('frontdesk_search', ${query})
                and m.created_at <= ${asOf}
            ) m
            where ${filter}
            order by c.created_at desc, c.id desc, m.seq
            limit ${candidatesMax}`
        : // The matches first (GIN index), materialised: the planner cannot tell how common a prefix
          // is and would otherwise walk every conversation for a rare word.
          sql`select c.id as cid, m.id as mid, m.seq, m.sv
            from (
              select id, conversation_id, seq, search_vector as sv from messages
              where kind in ('text', 'note')
                and search_vector @@ to_tsquery('frontdesk_search', ${query})
                and created_at <= ${asOf}
              offset 0
            ) m
            join conversations c on c.id = m.conversation_id
            where ${filter}
            order by c.created_at desc, c.id desc, m.seq
            limit ${candidatesMax}`;
    const result = await sql<RankedRow>`
      with candidates as materialized (${candidates}),
      best as (
        select distinct on (cid) cid, mid, ts_rank(sv, to_tsquery('frontdesk_search', ${query})) as score
        from candidates
        order by cid, score desc, seq
      )
      select cid, mid, score from best order by score desc, cid limit ${limit} offset ${offset}`.execute(db);
    return result.rows.map((r) => ({ ...r, score: Number(r.score) }));
  }
  const match = ftsMatch(terms);
  // The candidates' message rowids, then bm25 for those alone: one pass over the matches with the
  // rowid test after it (`+rowid`: handed to FTS5 as a constraint, each rowid would rerun the whole
  // match — 9 s for 1,000 rowids of a common word, against 40 ms for the pass).
  const candidates =
    plan === 'walk'
      ? // Conversations newest first (index `conversations_site_created`); a message is a match when
        // its rowid is in the full-text result (built once as a temporary index).
        sql`select m.rowid as mrow, m.conversation_id as cid, m.id as mid, m.seq
          from conversations c
          cross join messages m on m.conversation_id = c.id
          where ${filter} and m.kind in ('text', 'note') and m.created_at <= ${asOf}
            and m.rowid in (select rowid from message_search where message_search match ${match})
          order by c.created_at desc, c.id desc, m.seq
          limit ${candidatesMax}`
      : // `cross join` keeps SQLite's join order: from the matches out, never from every conversation
        // of the site.
        sql`select m.rowid as mrow, m.conversation_id as cid, m.id as mid, m.seq
          from message_search s
          cross join messages m on m.rowid = s.rowid
          cross join conversations c on c.id = m.conversation_id
          where message_search match ${match} and m.created_at <= ${asOf} and ${filter}
          order by c.created_at desc, c.id desc, m.seq
          limit ${candidatesMax}`;
  // SQLite returns the bare `mid` of the row that holds `min(score)` (bm25: lower is better).
  const result = await sql<RankedRow>`
    with candidates as materialized (${candidates}),
    scored as materialized (
      select rowid as mrow, bm25(message_search) as score from message_search
      where message_search match ${match} and +rowid in (select mrow from candidates)
    )
    select k.cid as cid, k.mid as mid, min(s.score) as score
    from scored s
    cross join candidates k on k.mrow = s.mrow
    group by k.cid
    order by score asc, cid asc
    limit ${limit} offset ${offset}`.execute(db);
  return result.rows.map((r) => ({ ...r, score: -Number(r.score) }));
}
