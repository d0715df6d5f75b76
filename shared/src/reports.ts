/**
 * Reports (issue 15): the routes, the query and the figures a site's report carries, written once
 * for the server (which computes them in SQL), the console (which draws them) and the public API.
 * Durations are whole seconds; dates are the site's calendar days (`YYYY-MM-DD`, its time zone).
 */
import * as v from 'valibot';
import { fillRoute } from './routes.ts';
import { IdSchema } from './schemas.ts';

export const REPORT_ROUTES = {
  /** GET (agents of the site): `?from=YYYY-MM-DD&to=YYYY-MM-DD` (both days included) `[&team=ID]`. */
  report: '/api/v1/sites/:siteId/reports',
} as const;

/** The report's URL for a site and a range, for the console and tests. */
export const REPORT_API = {
  report: (siteId: string, range: { from: string; to: string }, team?: string | null) =>
    `${fillRoute(REPORT_ROUTES.report, { siteId })}?from=${encodeURIComponent(range.from)}&to=${encodeURIComponent(range.to)}${team ? `&team=${encodeURIComponent(team)}` : ''}`,
} as const;

export const REPORT_LIMITS = {
  /** The longest range one report covers, in days (a year, leap day included). */
  maxRangeDays: 366,
  /** The most recent rating comments a report lists. */
  comments: 50,
  /** The most frequent missed questions a report lists. */
  missedQuestions: 20,
  /** Presets the console's range picker offers, in days. */
  presets: [7, 30, 90],
} as const;

const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar day `YYYY-MM-DD` that exists (no 2026-02-30). */
export const isCalendarDay = (text: string): boolean => {
  if (!DAY_PATTERN.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
};

/** Days from `from` to `to`, both included (1 for the same day). */
export const daysInRange = (from: string, to: string): number =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;

const DaySchema = v.pipe(v.string(), v.check(isCalendarDay, 'must be a date YYYY-MM-DD'));

export const ReportQuerySchema = v.pipe(
  /** `team`: only that team's members in the per-agent table (the per-team table always lists every team). */
  v.strictObject({ from: DaySchema, to: DaySchema, team: v.optional(IdSchema) }),
  v.check((q) => q.from <= q.to, '"from" must not be after "to"'),
  v.check(
    (q) => daysInRange(q.from, q.to) <= REPORT_LIMITS.maxRangeDays,
    `a report covers at most ${REPORT_LIMITS.maxRangeDays} days`,
  ),
);
export type ReportQuery = v.InferOutput<typeof ReportQuerySchema>;

const count = v.pipe(v.number(), v.integer(), v.minValue(0));
const seconds = v.nullable(v.pipe(v.number(), v.minValue(0)));
const DurationStatsSchema = v.strictObject({ count, median: seconds, p90: seconds });
const CsatSchema = v.strictObject({ count, average: v.nullable(v.number()) });
const RangeSchema = v.strictObject({ from: v.string(), to: v.string() });

/** Median and 90th percentile (nearest rank) of a duration, in seconds; null when nothing was measured. */
export type DurationStats = v.InferOutput<typeof DurationStatsSchema>;

/** The figures of the people who took conversations (an agent, a team): how many, and how well. */
const TAKEN = { assigned: count, resolved: count, firstResponse: DurationStatsSchema } as const;

const ReportSummarySchema = v.strictObject({
  conversations: count,
  /** Conversations in which the bot answered at least once. */
  botSessions: count,
  /** Bot sessions never handed to a person (no queue, no agent, no offline message). */
  deflected: count,
  /** Conversations handed to a person (queued, taken or left as an offline message). */
  handoffs: count,
  /** Handed off, never taken by an agent, and the visitor did not leave the queue. */
  missed: count,
  /** The visitor left the queue before any agent took the conversation. */
  abandoned: count,
  /** From entering the queue (or being taken straight from the bot) to the first agent reply. */
  firstResponse: DurationStatsSchema,
  /** From the first message to resolution, over resolved conversations. */
  resolution: DurationStatsSchema,
  csat: CsatSchema,
});
/** The headline figures of one period (the report's and the previous one of the same length). */
export type ReportSummary = v.InferOutput<typeof ReportSummarySchema>;

const ReportAgentRowSchema = v.strictObject({
  agentId: v.string(),
  name: v.string(),
  ...TAKEN,
  csat: CsatSchema,
});
export type ReportAgentRow = v.InferOutput<typeof ReportAgentRowSchema>;

/**
 * One team of the site: the conversations its members took (an agent in two teams counts in both;
 * membership as it is now — teams keep no history), and their first response, resolution and CSAT.
 */
const ReportTeamRowSchema = v.strictObject({
  teamId: v.string(),
  name: v.string(),
  members: count,
  ...TAKEN,
  resolution: DurationStatsSchema,
  csat: CsatSchema,
});
export type ReportTeamRow = v.InferOutput<typeof ReportTeamRowSchema>;

/** The report as it travels (the console and API clients check what they receive). */
export const ReportSchema = v.strictObject({
  siteId: v.string(),
  timeZone: v.string(),
  range: RangeSchema,
  previousRange: RangeSchema,
  summary: ReportSummarySchema,
  previous: ReportSummarySchema,
  /** Every day of the range, zero days included. */
  byDay: v.array(v.strictObject({ day: v.string(), conversations: count })),
  /** `[weekday][hour]` in the site's time zone; weekday 0 is Monday. */
  heatmap: v.array(v.array(count)),
  handoffReasons: v.array(v.strictObject({ reason: v.string(), count })),
  csatDistribution: v.array(v.strictObject({ rating: v.number(), count })),
  comments: v.array(
    v.strictObject({ conversationId: v.string(), rating: v.number(), comment: v.string(), at: v.string() }),
  ),
  agents: v.array(ReportAgentRowSchema),
  /** Every team of the site, by name. */
  teams: v.array(ReportTeamRowSchema),
  /** The team the per-agent table is narrowed to, or null for every agent. */
  team: v.nullable(v.string()),
  missedQuestions: v.array(v.strictObject({ text: v.string(), count, lastAt: v.string() })),
});
export type Report = v.InferOutput<typeof ReportSchema>;
