/**
 * Issue 14 over HTTP: a site's canned responses (any agent of the site; rights in `CannedResponses`)
 * and the signed-in agent's attention preferences. Checked in this order: same origin, session, site
 * id, access to the site, body, response id.
 */
import { ROUTES } from '@frontdesk/shared';
import { AttentionPrefsSchema, CannedIdSchema, CannedInputSchema } from '@frontdesk/shared/canned-schemas';
import { IdSchema } from '@frontdesk/shared/schemas';
import { Hono } from 'hono';
import { type SiteEnv, siteAccess } from '../faq/site-access.ts';
import type { AgentSessions } from '../identity/agent-sessions.ts';
import { requireAgent } from '../identity/require-agent.ts';
import type { SitesStore } from '../sites/store.ts';
import { sameOriginGuard } from '../transport/http/same-origin.ts';
import { jsonBody, params } from '../transport/http/validation.ts';
import type { AttentionPreferences, CannedResponses } from './service.ts';

type Deps = {
  canned: CannedResponses;
  attention: AttentionPreferences;
  sites: Pick<SitesStore, 'getSite'>;
  sessions: AgentSessions;
  selfOrigins: readonly string[];
};

export function cannedRoutes(deps: Deps) {
  const app = new Hono<SiteEnv>();
  const session = [sameOriginGuard(deps.selfOrigins), requireAgent(deps.sessions)] as const;
  const reader = [...session, params({ siteId: IdSchema }), siteAccess(deps.sites, 'read')] as const;
  const one = params({ siteId: IdSchema, cannedId: CannedIdSchema });

  app.get(ROUTES.cannedResponses, ...reader, async (c) =>
    c.json({ responses: await deps.canned.list(c.get('site').id, c.get('agent').agent) }),
  );

  app.post(ROUTES.cannedResponses, ...reader, jsonBody(CannedInputSchema), async (c) => {
    const response = await deps.canned.create(c.get('site').id, c.get('agent').agent, c.req.valid('json'));
    return c.json({ response }, 201);
  });

  app.put(ROUTES.cannedResponse, ...reader, jsonBody(CannedInputSchema), one, async (c) => {
    const { cannedId } = c.req.valid('param');
    const response = await deps.canned.update(
      c.get('site').id,
      c.get('agent').agent,
      cannedId,
      c.req.valid('json'),
    );
    return c.json({ response });
  });

  app.delete(ROUTES.cannedResponse, ...reader, one, async (c) => {
    await deps.canned.remove(c.get('site').id, c.get('agent').agent, c.req.valid('param').cannedId);
    return c.json({ ok: true });
  });

  app.get(ROUTES.meAttention, ...session, async (c) =>
    c.json({ attention: await deps.attention.get(c.get('agent').agent.id) }),
  );

  app.put(ROUTES.meAttention, ...session, jsonBody(AttentionPrefsSchema), async (c) =>
    c.json({ attention: await deps.attention.set(c.get('agent').agent.id, c.req.valid('json')) }),
  );

  return app;
}
