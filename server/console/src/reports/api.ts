/** The report over HTTP (issue 15), read through its schema at the edge. */
import type { AckResult } from '@frontdesk/shared';
import { REPORT_API, type Report, ReportSchema } from '@frontdesk/shared/reports';
import { parseWith } from '@frontdesk/shared/responses';
import type { Http } from '../shared/http.ts';

export type ReportsApi = {
  getReport(siteId: string, range: { from: string; to: string }): Promise<AckResult<Report>>;
};

const readReport = parseWith(ReportSchema);

export const createReportsApi = (http: Http): ReportsApi => ({
  getReport: (siteId, range) => http.get(REPORT_API.report(siteId, range), (body) => readReport(body)),
});
