/**
 * The console's report route (issue 15): agent cookie, same origin, the site checked first (an
 * agent of another site gets `not_found`, A2), then the range. Any agent of the site may read it.
 */

import { REPORT_ROUTES, ReportQuerySchema } from '@frontdesk/shared/reports';
import { IdSchema } from '@frontdesk/shared/schemas';
import { Hono } from 'hono';
import { type SiteEnv, siteAccess } from '../faq/site-access.ts';
import type { AgentSessions } from '../identity/agent-sessions.ts';
import { requireAgent } from '../identity/require-agent.ts';
import type { SitesStore } from '../sites/store.ts';
import { sameOriginGuard } from '../transport/http/same-origin.ts';
import { params, query } from '../transport/http/validation.ts';
import { type Reports, siteTimeZone } from './service.ts';

type Deps = {
  reports: Reports;
  sites: Pick<SitesStore, 'getSite'>;
  sessions: AgentSessions;
  selfOrigins: readonly string[];
};

export function reportRoutes(deps: Deps) {
  const app = new Hono<SiteEnv>();
  app.get(
    REPORT_ROUTES.report,
    sameOriginGuard(deps.selfOrigins),
    requireAgent(deps.sessions),
    params({ siteId: IdSchema }),
    siteAccess(deps.sites, 'read'),
    query(ReportQuerySchema),
    async (c) => {
      const site = c.get('site');
      const report = await deps.reports.report(
        { id: site.id, timeZone: siteTimeZone(site.settings) },
        c.req.valid('query'),
      );
      return c.json(report);
    },
  );
  return app;
}
