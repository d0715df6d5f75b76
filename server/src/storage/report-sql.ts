/**
 * Reports (issue 15): the SQL behind every figure, portable text with `?` placeholders. Only the
 * difference of two ISO-8601 timestamps in seconds is written per engine (`secondsBetween`).
 *
 * Percentiles are computed in the database, not in Node: a running `SUM() OVER` window (SQLite ≥ 3.25
 * and PostgreSQL alike) finds the nearest-rank value `ceil(p·n/100)`, written as the integer division
 * `(n·p + 99) / 100` so no engine-specific `CEIL` is needed. One row per group comes back whatever the
 * number of conversations.
 *
 * Speed (docs/REPORTS.md): every query reads one site's conversations by start time from the covering
 * index `conversations_report` alone; whether the bot answered and the first agent reply are facts
 * kept on the conversation (`reports/facts.ts`), never looked up in the messages table.
 */
import { LIMITS, HANDOFF_REASONS as REASONS } from '@frontdesk/shared';

export type Engine = 'sqlite' | 'postgres';

/** The handoff reasons and ratings the headline pass counts itself (column `reason_<i>`, `rating_<r>`). */
export const KNOWN_REASONS: readonly string[] = REASONS;
export const KNOWN_RATINGS: readonly number[] = Array.from(
  { length: LIMITS.ratingMax - LIMITS.ratingMin + 1 },
  (_, i) => LIMITS.ratingMin + i,
);
const quoted = KNOWN_REASONS.map((r) => `'${r}'`).join(', ');

/** Whole seconds from `a` to `b`, both ISO-8601 UTC text columns or expressions. */
export function secondsBetween(engine: Engine, a: string, b: string): string {
  return engine === 'postgres'
    ? `CAST(ROUND(EXTRACT(EPOCH FROM (CAST(${b} AS timestamptz) - CAST(${a} AS timestamptz)))) AS INTEGER)`
    : `CAST(ROUND((julianday(${b}) - julianday(${a})) * 86400) AS INTEGER)`;
}

/** Conversations of one site started in the window; three parameters: site, from, to. */
export const IN_WINDOW = 'c.site_id = ? AND c.created_at >= ? AND c.created_at < ?';

const BOT_ANSWERED = 'c.first_bot_at IS NOT NULL';
const HANDED_OFF = '(c.queued_at IS NOT NULL OR c.assigned_at IS NOT NULL OR c.offline_at IS NOT NULL)';
const FIRST_AGENT_REPLY = 'c.first_agent_reply_at';

export const SUMMARY_COUNTS = `SELECT COUNT(*) AS conversations,
  SUM(CASE WHEN ${BOT_ANSWERED} THEN 1 ELSE 0 END) AS bot_sessions,
  SUM(CASE WHEN ${BOT_ANSWERED} AND NOT ${HANDED_OFF} AND c.abandoned_at IS NULL THEN 1 ELSE 0 END) AS deflected,
  SUM(CASE WHEN ${HANDED_OFF} THEN 1 ELSE 0 END) AS handoffs,
  SUM(CASE WHEN (c.queued_at IS NOT NULL OR c.offline_at IS NOT NULL) AND c.assigned_at IS NULL
    AND c.abandoned_at IS NULL THEN 1 ELSE 0 END) AS missed,
  SUM(CASE WHEN c.assigned_at IS NULL AND c.abandoned_at IS NOT NULL THEN 1 ELSE 0 END) AS abandoned,
  COUNT(c.rating) AS ratings, SUM(c.rating) AS rating_sum,
  ${KNOWN_REASONS.map((r, i) => `SUM(CASE WHEN c.handoff_reason = '${r}' THEN 1 ELSE 0 END) AS reason_${i}`).join(',\n  ')},
  SUM(CASE WHEN c.handoff_reason NOT IN (${quoted}) THEN 1 ELSE 0 END) AS reason_other,
  ${KNOWN_RATINGS.map((r) => `SUM(CASE WHEN c.rating = ${r} THEN 1 ELSE 0 END) AS rating_${r}`).join(',\n  ')},
  SUM(CASE WHEN c.rating NOT IN (${KNOWN_RATINGS.join(', ')}) THEN 1 ELSE 0 END) AS rating_other
  FROM conversations c WHERE ${IN_WINDOW}`;

/** Whose durations a row of `durationLevels` describes: the whole site, one agent, one team. */
export type Level = 'site' | 'agent' | 'team';

/**
 * Median and p90 of `start → finish` over the window's conversations matching `where`, for the whole
 * site, per agent who took them and per team (a team's conversations are its members'), in ONE pass
 * over the conversations. Parameters: site, from, to, site (the teams').
 *
 * Nearest rank without numbering every conversation: durations are first counted per agent and
 * distinct second (`h`, a few thousand rows); the site and team levels are sums of those counts;
 * then a running total per level finds the first second whose running total reaches the rank
 * `(n·p + 99) / 100` — the same value as the rank-th of the sorted durations.
 */
function durationLevels(engine: Engine, start: string, finish: string, where: string): string {
  return `WITH e AS (SELECT c.agent_id AS a, ${secondsBetween(engine, start, finish)} AS s FROM conversations c
      WHERE ${IN_WINDOW} AND ${where} AND ${start} IS NOT NULL AND ${finish} IS NOT NULL),
    h AS (SELECT a, s, COUNT(*) AS m FROM e WHERE s >= 0 GROUP BY a, s),
    l AS (SELECT 'site' AS lvl, '' AS k, s, SUM(m) AS m FROM h GROUP BY s
      UNION ALL SELECT 'agent' AS lvl, a AS k, s, m FROM h WHERE a IS NOT NULL
      UNION ALL SELECT 'team' AS lvl, tm.team_id AS k, h.s, SUM(h.m) AS m FROM h
        INNER JOIN team_members tm ON tm.agent_id = h.a INNER JOIN teams t ON t.id = tm.team_id AND t.site_id = ?
        GROUP BY tm.team_id, h.s),
    r AS (SELECT lvl, k, s,
      CAST(SUM(m) OVER (PARTITION BY lvl, k ORDER BY s ROWS UNBOUNDED PRECEDING) AS BIGINT) AS cum,
      CAST(SUM(m) OVER (PARTITION BY lvl, k) AS BIGINT) AS n FROM l)
    SELECT lvl, k, MAX(n) AS n, MIN(CASE WHEN cum >= (n * 50 + 99) / 100 THEN s END) AS p50,
      MIN(CASE WHEN cum >= (n * 90 + 99) / 100 THEN s END) AS p90
    FROM r GROUP BY lvl, k`;
}

/** From entering the queue (or being taken straight from the bot) to the first agent reply. */
export const firstResponseLevels = (engine: Engine) =>
  durationLevels(
    engine,
    'COALESCE(c.queued_at, c.assigned_at)',
    FIRST_AGENT_REPLY,
    'c.assigned_at IS NOT NULL',
  );

/** From the first message to resolution, over resolved conversations. */
export const resolutionLevels = (engine: Engine) =>
  durationLevels(engine, 'c.created_at', 'c.resolved_at', 'c.resolved_at IS NOT NULL');

/** Parameters: site, from, to. `width` is a type-checked literal, never a caller's text. */
export const buckets = (width: 13 | 16) => `SELECT substr(c.created_at, 1, ${width}) AS bucket,
  COUNT(*) AS n FROM conversations c WHERE ${IN_WINDOW} GROUP BY substr(c.created_at, 1, ${width})`;

/** Only when the headline pass met a reason it does not know (`reason_other` > 0). */
export const HANDOFF_REASONS = `SELECT c.handoff_reason AS reason, COUNT(*) AS n FROM conversations c
  WHERE ${IN_WINDOW} AND c.handoff_reason IS NOT NULL GROUP BY c.handoff_reason ORDER BY n DESC, reason`;

/** Only when the headline pass met a rating outside 1…5 (`rating_other` > 0). */
export const CSAT_DISTRIBUTION = `SELECT c.rating AS rating, COUNT(*) AS n FROM conversations c
  WHERE ${IN_WINDOW} AND c.rating IS NOT NULL GROUP BY c.rating ORDER BY c.rating`;

/** Parameters: site, from, to, limit. */
export const COMMENTS = `SELECT c.id, c.rating, c.rating_comment, c.created_at FROM conversations c
  WHERE ${IN_WINDOW} AND c.rating IS NOT NULL AND c.rating_comment IS NOT NULL AND c.rating_comment <> ''
  ORDER BY c.created_at DESC, c.id DESC LIMIT ?`;

export const AGENT_COUNTS = `SELECT c.agent_id, MAX(a.name) AS name, COUNT(*) AS assigned,
  SUM(CASE WHEN c.resolved_at IS NOT NULL THEN 1 ELSE 0 END) AS resolved,
  COUNT(c.rating) AS ratings, SUM(c.rating) AS rating_sum
  FROM conversations c LEFT JOIN agents a ON a.id = c.agent_id
  WHERE ${IN_WINDOW} AND c.agent_id IS NOT NULL GROUP BY c.agent_id`;

/** The site's teams and their members; parameter: site. */
export const TEAM_MEMBERS = `SELECT t.id AS team_id, t.name, tm.agent_id FROM teams t
  LEFT JOIN team_members tm ON tm.team_id = t.id WHERE t.site_id = ? ORDER BY t.name, t.id`;

export const QUEUE_LENGTH = `SELECT COUNT(*) AS n FROM conversations WHERE state = 'queued'`;

/** Parameters: site, from, to, limit. */
export const MISSED_QUESTIONS = `SELECT b.text, COUNT(*) AS n, MAX(b.created_at) AS last_at FROM bot_misses b
  WHERE b.site_id = ? AND b.created_at >= ? AND b.created_at < ?
  GROUP BY b.text ORDER BY n DESC, last_at DESC, b.text LIMIT ?`;
