/** The report over HTTP (issue 15), read through its schema at the edge. */
import type { AckResult } from '@frontdesk/shared';
import { REPORT_API, type Report, ReportSchema } from '@frontdesk/shared/reports';
import { parseWith } from '@frontdesk/shared/responses';
import type { Http } from '../shared/http.ts';

export type ReportsApi = {
  /** `team`: narrow the per-agent table to that team's members (null: every agent). */
  getReport(
    siteId: string,
    range: { from: string; to: string },
    team?: string | null,
  ): Promise<AckResult<Report>>;
};

const readReport = parseWith(ReportSchema);

export const createReportsApi = (http: Http): ReportsApi => ({
  getReport: (siteId, range, team) =>
    http.get(REPORT_API.report(siteId, range, team), (body) => readReport(body)),
});
