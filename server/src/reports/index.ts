/** @module reports — per-site reports (issue 15): the service, its storage port and its routes. */

export { reportRoutes } from './routes.ts';
export { createReports, type ReportSite, type Reports, siteTimeZone } from './service.ts';
export type { ReportsStore, ReportWindow } from './store.ts';
