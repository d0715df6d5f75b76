/**
 * Reports (issue 15): one site's report for a range of its local days, with the previous period of
 * the same length. Typed in, typed out; the console route and the public API (`/api/v1`) both call it.
 */
import { REPORT_LIMITS, type Report, type ReportQuery } from '@frontdesk/shared/reports';
import { bucketWidth, foldBuckets, previousRange, windowOf } from './periods.ts';
import type { ReportsStore } from './store.ts';

/** Which site, in which zone (the site's business-hours zone, else UTC: see `siteTimeZone`). */
export type ReportSite = { id: string; timeZone: string };

export type Reports = { report(site: ReportSite, query: ReportQuery): Promise<Report> };

/** The zone a site's days are counted in: its business hours' zone, else UTC. */
export const siteTimeZone = (settings: { hours: { timeZone: string } | null }): string =>
  settings.hours?.timeZone ?? 'UTC';

export function createReports(store: ReportsStore): Reports {
  return {
    async report(site, query) {
      const range = { from: query.from, to: query.to };
      const previous = previousRange(range);
      const w = windowOf(site.id, site.timeZone, range);
      const [summary, before, buckets, handoffReasons, csatDistribution, comments, agents, missed] =
        await Promise.all([
          store.reportSummary(w),
          store.reportSummary(windowOf(site.id, site.timeZone, previous)),
          store.reportBuckets(w, bucketWidth(site.timeZone, w)),
          store.reportHandoffReasons(w),
          store.reportCsatDistribution(w),
          store.reportComments(w, REPORT_LIMITS.comments),
          store.reportAgents(w),
          store.reportMissedQuestions(w, REPORT_LIMITS.missedQuestions),
        ]);
      const { byDay, heatmap } = foldBuckets(site.timeZone, range, buckets);
      return {
        siteId: site.id,
        timeZone: site.timeZone,
        range,
        previousRange: previous,
        summary,
        previous: before,
        byDay,
        heatmap,
        handoffReasons,
        csatDistribution,
        comments,
        agents: agents
          .map(({ ratings, ratingSum, ...agent }) => ({
            ...agent,
            csat: { count: ratings, average: ratings === 0 ? null : ratingSum / ratings },
          }))
          .sort((a, b) => b.assigned - a.assigned || a.name.localeCompare(b.name)),
        missedQuestions: missed,
      };
    },
  };
}
