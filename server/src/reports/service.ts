/**
 * Reports (issue 15): one site's report for a range of its local days, with the previous period of
 * the same length. Typed in, typed out; the console route and the public API (`/api/v1`) both call it.
 */
import { REPORT_LIMITS, type Report, type ReportQuery } from '@frontdesk/shared/reports';
import { AppError } from '../kernel/errors.ts';
import { agentRows, teamRows } from './people.ts';
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
      const [summary, before, buckets, handoffReasons, csatDistribution, comments, agents, teams, missed] =
        await Promise.all([
          store.reportSummary(w),
          store.reportSummary(windowOf(site.id, site.timeZone, previous)),
          store.reportBuckets(w, bucketWidth(site.timeZone, w)),
          store.reportHandoffReasons(w),
          store.reportCsatDistribution(w),
          store.reportComments(w, REPORT_LIMITS.comments),
          store.reportAgents(w),
          store.reportTeams(w),
          store.reportMissedQuestions(w, REPORT_LIMITS.missedQuestions),
        ]);
      const { byDay, heatmap } = foldBuckets(site.timeZone, range, buckets);
      const team = query.team ?? null;
      const members = team === null ? null : teams.find((t) => t.teamId === team);
      // Another site's team, or one deleted meanwhile, is not found (A2): no figures of it leak.
      if (members === undefined) throw new AppError('not_found', 'team not found');
      const inTeam = members === null ? null : new Set(members.agentIds);
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
        agents: agentRows(inTeam === null ? agents : agents.filter((a) => inTeam.has(a.agentId))),
        teams: teamRows(teams, agents),
        team,
        missedQuestions: missed,
      };
    },
  };
}
