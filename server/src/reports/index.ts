/** @module reports — per-site reports (issue 15): the service, its storage port and its routes. */
export { createReports, type Reports, type ReportSite, siteTimeZone } from './service.ts';
export type { ReportsStore, ReportWindow } from './store.ts';
