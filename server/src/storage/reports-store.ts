/** `ReportsStore` over Kysely (issue 15): the statements of `report-sql.ts`, numbers normalised. */
import type { DurationStats } from '@frontdesk/shared/reports';
import { PostgresAdapter } from 'kysely';
import type { ReportsStore, ReportWindow } from '../reports/store.ts';
import { type Db, run } from './db.ts';
import * as sql from './report-sql.ts';

/** PostgreSQL's COUNT and SUM come back as text (bigint, numeric); SQLite's as numbers. */
const num = (value: unknown): number => (value === null || value === undefined ? 0 : Number(value));
const orNull = (value: unknown): number | null =>
  value === null || value === undefined ? null : Number(value);
const win = (w: ReportWindow) => [w.siteId, w.from, w.to];

type LevelRow = { lvl: sql.Level; k: string | null; n: unknown; p50: unknown; p90: unknown };
const NONE: DurationStats = { count: 0, median: null, p90: null };
const toStats = (row: LevelRow | undefined): DurationStats =>
  row ? { count: num(row.n), median: orNull(row.p50), p90: orNull(row.p90) } : NONE;
const average = (count: number, sum: unknown) => (count === 0 ? null : num(sum) / count);

/** Durations of one kind, found by level and key (`''` for the site). */
type Levels = (lvl: sql.Level, key?: string) => DurationStats;
const byLevel = (rows: LevelRow[]): Levels => {
  const found = new Map(rows.map((r) => [`${r.lvl} ${r.k ?? ''}`, r]));
  return (lvl, key = '') => toStats(found.get(`${lvl} ${key}`));
};

export function kyselyReportsStore(db: Db): ReportsStore {
  const engine: sql.Engine = db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';

  /**
   * One statement per window, however many figures read it: the summary, the agents and the teams
   * all take their durations from the same pass (`durationLevels`), asked once while in flight.
   * Nothing is kept afterwards, so every report reads fresh rows.
   */
  const inFlight = new Map<string, Promise<Levels>>();
  const levels = (text: string, w: ReportWindow): Promise<Levels> => {
    const key = `${text}\n${w.siteId} ${w.from} ${w.to}`;
    const running = inFlight.get(key);
    if (running) return running;
    const started = run<LevelRow>(db, text, [...win(w), w.siteId])
      .then(byLevel)
      .finally(() => inFlight.delete(key));
    inFlight.set(key, started);
    return started;
  };
  const firstResponses = (w: ReportWindow) => levels(sql.firstResponseLevels(engine), w);
  /** The headline pass: the summary's counts and the handoff-reason and rating counts, in one scan. */
  const countsInFlight = new Map<string, Promise<Record<string, unknown>>>();
  const counts = (w: ReportWindow) => {
    const key = `${w.siteId} ${w.from} ${w.to}`;
    const running = countsInFlight.get(key);
    if (running) return running;
    const started = run<Record<string, unknown>>(db, sql.SUMMARY_COUNTS, win(w))
      .then((rows) => rows[0] ?? {})
      .finally(() => countsInFlight.delete(key));
    countsInFlight.set(key, started);
    return started;
  };
  const resolutions = (w: ReportWindow) => levels(sql.resolutionLevels(engine), w);

  return {
    async reportSummary(w) {
      const [row, first, resolution] = await Promise.all([counts(w), firstResponses(w), resolutions(w)]);
      const ratings = num(row.ratings);
      return {
        conversations: num(row.conversations),
        botSessions: num(row.bot_sessions),
        deflected: num(row.deflected),
        handoffs: num(row.handoffs),
        missed: num(row.missed),
        abandoned: num(row.abandoned),
        firstResponse: first('site'),
        resolution: resolution('site'),
        csat: { count: ratings, average: average(ratings, row.rating_sum) },
      };
    },
    async reportBuckets(w, width) {
      const rows = await run<{ bucket: string; n: unknown }>(db, sql.buckets(width), win(w));
      return rows.map((r) => ({ bucket: r.bucket, count: num(r.n) }));
    },
    async reportHandoffReasons(w) {
      const row = await counts(w);
      if (num(row.reason_other) === 0)
        return sql.KNOWN_REASONS.map((reason, i) => ({ reason, count: num(row[`reason_${i}`]) }))
          .filter((r) => r.count > 0)
          .sort((a, b) => b.count - a.count || (a.reason < b.reason ? -1 : 1));
      const rows = await run<{ reason: string; n: unknown }>(db, sql.HANDOFF_REASONS, win(w));
      return rows.map((r) => ({ reason: r.reason, count: num(r.n) }));
    },
    async reportCsatDistribution(w) {
      const row = await counts(w);
      if (num(row.rating_other) === 0)
        return sql.KNOWN_RATINGS.map((rating) => ({ rating, count: num(row[`rating_${rating}`]) })).filter(
          (r) => r.count > 0,
        );
      const rows = await run<{ rating: unknown; n: unknown }>(db, sql.CSAT_DISTRIBUTION, win(w));
      return rows.map((r) => ({ rating: num(r.rating), count: num(r.n) }));
    },
    async reportComments(w, limit) {
      const rows = await run<{ id: string; rating: unknown; rating_comment: string; created_at: string }>(
        db,
        sql.COMMENTS,
        [...win(w), limit],
      );
      return rows.map((r) => ({
        conversationId: r.id,
        rating: num(r.rating),
        comment: r.rating_comment,
        at: r.created_at,
      }));
    },
    async reportAgents(w) {
      const [counts, first] = await Promise.all([
        run<Record<string, unknown>>(db, sql.AGENT_COUNTS, win(w)),
        firstResponses(w),
      ]);
      return counts.map((r) => {
        const agentId = String(r.agent_id);
        return {
          agentId,
          name: typeof r.name === 'string' ? r.name : '',
          assigned: num(r.assigned),
          resolved: num(r.resolved),
          firstResponse: first('agent', agentId),
          ratings: num(r.ratings),
          ratingSum: num(r.rating_sum),
        };
      });
    },
    async reportTeams(w) {
      const [members, first, resolution] = await Promise.all([
        run<{ team_id: string; name: string; agent_id: string | null }>(db, sql.TEAM_MEMBERS, [w.siteId]),
        firstResponses(w),
        resolutions(w),
      ]);
      const teams = new Map<string, { name: string; agentIds: string[] }>();
      for (const r of members) {
        const team = teams.get(r.team_id) ?? { name: r.name, agentIds: [] };
        if (r.agent_id !== null) team.agentIds.push(r.agent_id);
        teams.set(r.team_id, team);
      }
      return [...teams].map(([teamId, team]) => ({
        teamId,
        ...team,
        firstResponse: first('team', teamId),
        resolution: resolution('team', teamId),
      }));
    },
    async queueLength() {
      const rows = await run<{ n: unknown }>(db, sql.QUEUE_LENGTH, []);
      return num(rows[0]?.n);
    },
    async reportMissedQuestions(w, limit) {
      const rows = await run<{ text: string; n: unknown; last_at: string }>(db, sql.MISSED_QUESTIONS, [
        ...win(w),
        limit,
      ]);
      return rows.map((r) => ({ text: r.text, count: num(r.n), lastAt: r.last_at }));
    },
  };
}
