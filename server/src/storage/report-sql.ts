/**
 * Reports (issue 15): the SQL behind every figure, portable text with `?` placeholders. Only the
 * difference of two ISO-8601 timestamps in seconds is written per engine (`secondsBetween`).
 *
 * Percentiles are computed in the database, not in Node: `ROW_NUMBER()` and `COUNT(*)` windows
 * (SQLite ≥ 3.25 and PostgreSQL alike) pick the nearest-rank row `ceil(p·n/100)`, written as the
 * integer division `(n·p + 99) / 100` so no engine-specific `CEIL` is needed. One row per group
 * comes back whatever the number of conversations.
 */
export type Engine = 'sqlite' | 'postgres';

/** Whole seconds from `a` to `b`, both ISO-8601 UTC text columns or expressions. */
export function secondsBetween(engine: Engine, a: string, b: string): string {
  return engine === 'postgres'
    ? `CAST(ROUND(EXTRACT(EPOCH FROM (CAST(${b} AS timestamptz) - CAST(${a} AS timestamptz)))) AS INTEGER)`
    : `CAST(ROUND((julianday(${b}) - julianday(${a})) * 86400) AS INTEGER)`;
}

/** Conversations of one site started in the window; three parameters: site, from, to. */
export const IN_WINDOW = 'c.site_id = ? AND c.created_at >= ? AND c.created_at < ?';

const BOT_ANSWERED = `EXISTS (SELECT 1 FROM messages m WHERE m.conversation_id = c.id AND m.author = 'bot')`;
const HANDED_OFF = '(c.queued_at IS NOT NULL OR c.assigned_at IS NOT NULL OR c.offline_at IS NOT NULL)';
const FIRST_AGENT_REPLY = `(SELECT MIN(m.created_at) FROM messages m WHERE m.conversation_id = c.id
  AND m.author = 'agent' AND m.kind IN ('text', 'attachment'))`;

export const SUMMARY_COUNTS = `SELECT COUNT(*) AS conversations,
  SUM(CASE WHEN ${BOT_ANSWERED} THEN 1 ELSE 0 END) AS bot_sessions,
  SUM(CASE WHEN ${BOT_ANSWERED} AND NOT ${HANDED_OFF} AND c.abandoned_at IS NULL THEN 1 ELSE 0 END) AS deflected,
  SUM(CASE WHEN ${HANDED_OFF} THEN 1 ELSE 0 END) AS handoffs,
  SUM(CASE WHEN (c.queued_at IS NOT NULL OR c.offline_at IS NOT NULL) AND c.assigned_at IS NULL
    AND c.abandoned_at IS NULL THEN 1 ELSE 0 END) AS missed,
  SUM(CASE WHEN c.assigned_at IS NULL AND c.abandoned_at IS NOT NULL THEN 1 ELSE 0 END) AS abandoned,
  COUNT(c.rating) AS ratings, SUM(c.rating) AS rating_sum
  FROM conversations c WHERE ${IN_WINDOW}`;

/**
 * Median and p90 of `start → finish` per `key` over the window's conversations matching `where`.
 * Parameters: site, from, to.
 */
function durationStats(engine: Engine, key: string, start: string, finish: string, where: string): string {
  return `WITH d AS MATERIALIZED (SELECT ${key} AS k, ${start} AS t0, ${finish} AS t1 FROM conversations c
      WHERE ${IN_WINDOW} AND ${where}),
    e AS (SELECT k, ${secondsBetween(engine, 't0', 't1')} AS s FROM d WHERE t0 IS NOT NULL AND t1 IS NOT NULL),
    r AS (SELECT k, s, ROW_NUMBER() OVER (PARTITION BY k ORDER BY s) AS rn,
      COUNT(*) OVER (PARTITION BY k) AS n FROM e WHERE s >= 0)
    SELECT k, MAX(n) AS n, MAX(CASE WHEN rn = (n * 50 + 99) / 100 THEN s END) AS p50,
      MAX(CASE WHEN rn = (n * 90 + 99) / 100 THEN s END) AS p90
    FROM r GROUP BY k`;
}

export const firstResponseStats = (engine: Engine, key: 'c.site_id' | 'c.agent_id') =>
  durationStats(
    engine,
    key,
    'COALESCE(c.queued_at, c.assigned_at)',
    FIRST_AGENT_REPLY,
    'c.assigned_at IS NOT NULL',
  );

export const resolutionStats = (engine: Engine) =>
  durationStats(engine, 'c.site_id', 'c.created_at', 'c.resolved_at', 'c.resolved_at IS NOT NULL');

/** Parameters: site, from, to. `width` is a type-checked literal, never a caller's text. */
export const buckets = (width: 13 | 16) => `SELECT substr(c.created_at, 1, ${width}) AS bucket,
  COUNT(*) AS n FROM conversations c WHERE ${IN_WINDOW} GROUP BY substr(c.created_at, 1, ${width})`;

export const HANDOFF_REASONS = `SELECT c.handoff_reason AS reason, COUNT(*) AS n FROM conversations c
  WHERE ${IN_WINDOW} AND c.handoff_reason IS NOT NULL GROUP BY c.handoff_reason ORDER BY n DESC, reason`;

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

export const QUEUE_LENGTH = `SELECT COUNT(*) AS n FROM conversations WHERE state = 'queued'`;

/** Parameters: site, from, to, limit. */
export const MISSED_QUESTIONS = `SELECT b.text, COUNT(*) AS n, MAX(b.created_at) AS last_at FROM bot_misses b
  WHERE b.site_id = ? AND b.created_at >= ? AND b.created_at < ?
  GROUP BY b.text ORDER BY n DESC, last_at DESC, b.text LIMIT ?`;
