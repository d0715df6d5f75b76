/** Issue 14 (routing) over HTTP: routing settings, capacities and teams of a site (admins change them). */
import { ROUTES } from '@frontdesk/shared';
import {
  AgentCapacitySchema,
  RoutingSettingsSchema,
  TeamInputSchema,
} from '@frontdesk/shared/routing-schemas';
import { IdSchema } from '@frontdesk/shared/schemas';
import { Hono } from 'hono';
import { type SiteEnv, siteAccess } from '../faq/site-access.ts';
import type { AgentSessions } from '../identity/agent-sessions.ts';
import { requireAgent } from '../identity/require-agent.ts';
import type { SitesStore } from '../sites/store.ts';
import { sameOriginGuard } from '../transport/http/same-origin.ts';
import { jsonBody, params } from '../transport/http/validation.ts';
import type { RoutingAdmin } from './admin.ts';

type Deps = {
  sites: Pick<SitesStore, 'getSite'>;
  admin: RoutingAdmin;
  sessions: AgentSessions;
  selfOrigins: readonly string[];
};

export function routingRoutes(deps: Deps) {
  const app = new Hono<SiteEnv>();
  const session = [sameOriginGuard(deps.selfOrigins), requireAgent(deps.sessions)] as const;
  const site = params({ siteId: IdSchema });
  const agent = params({ siteId: IdSchema, agentId: IdSchema });
  const team = params({ siteId: IdSchema, teamId: IdSchema });
  const read = siteAccess(deps.sites, 'read');
  const admin = siteAccess(deps.sites, 'admin');

  app.get(ROUTES.routing, ...session, site, read, async (c) =>
    c.json(await deps.admin.overview(c.get('site'))),
  );
  app.put(ROUTES.routing, ...session, site, admin, jsonBody(RoutingSettingsSchema), async (c) =>
    c.json(await deps.admin.updateSettings(c.get('site'), c.req.valid('json'))),
  );
  app.put(ROUTES.agentCapacity, ...session, agent, admin, jsonBody(AgentCapacitySchema), async (c) =>
    c.json(
      await deps.admin.setCapacity(c.get('site'), c.req.valid('param').agentId, c.req.valid('json').capacity),
    ),
  );
  app.get(ROUTES.teams, ...session, site, read, async (c) =>
    c.json(await deps.admin.listTeams(c.get('site'))),
  );
  app.post(ROUTES.teams, ...session, site, admin, jsonBody(TeamInputSchema), async (c) =>
    c.json(await deps.admin.createTeam(c.get('site'), c.req.valid('json')), 201),
  );
  app.put(ROUTES.team, ...session, team, admin, jsonBody(TeamInputSchema), async (c) =>
    c.json(await deps.admin.updateTeam(c.get('site'), c.req.valid('param').teamId, c.req.valid('json'))),
  );
  app.delete(ROUTES.team, ...session, team, admin, async (c) => {
    await deps.admin.deleteTeam(c.get('site'), c.req.valid('param').teamId);
    return c.json({ ok: true });
  });
  return app;
}
