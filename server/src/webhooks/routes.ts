/** The console's webhook page over HTTP (issue 15): admins only, cookie session, same origin. */
import { API_ADMIN_ROUTES } from '@frontdesk/shared';
import { WebhookCreateSchema, WebhookSettingsSchema } from '@frontdesk/shared/api-schemas';
import { IdSchema } from '@frontdesk/shared/schemas';
import { Hono } from 'hono';
import type { AgentSessions } from '../identity/agent-sessions.ts';
import { type AgentEnv, requireAgent } from '../identity/require-agent.ts';
import { sameOriginGuard } from '../transport/http/same-origin.ts';
import { anyJsonBody, jsonBody, params } from '../transport/http/validation.ts';
import type { Webhooks } from './webhooks.ts';

type Deps = { webhooks: Webhooks; sessions: AgentSessions; selfOrigins: readonly string[] };

export function webhookRoutes(deps: Deps) {
  const app = new Hono<AgentEnv>();
  const session = [sameOriginGuard(deps.selfOrigins), requireAgent(deps.sessions)] as const;
  const hook = params({ webhookId: IdSchema });

  app.get(API_ADMIN_ROUTES.webhooks, ...session, async (c) =>
    c.json(await deps.webhooks.list(c.get('agent'))),
  );

  app.post(API_ADMIN_ROUTES.webhooks, ...session, jsonBody(WebhookCreateSchema), async (c) =>
    c.json({ webhook: await deps.webhooks.create(c.get('agent'), c.req.valid('json')) }, 201),
  );

  app.delete(API_ADMIN_ROUTES.webhook, ...session, hook, async (c) => {
    await deps.webhooks.remove(c.get('agent'), c.req.valid('param').webhookId);
    return c.json({ ok: true as const });
  });

  app.get(API_ADMIN_ROUTES.webhookDeliveries, ...session, hook, async (c) =>
    c.json({ deliveries: await deps.webhooks.deliveries(c.get('agent'), c.req.valid('param').webhookId) }),
  );

  app.post(
    API_ADMIN_ROUTES.deliveryResend,
    ...session,
    params({ deliveryId: IdSchema }),
    anyJsonBody(),
    async (c) =>
      c.json({ delivery: await deps.webhooks.resend(c.get('agent'), c.req.valid('param').deliveryId) }),
  );

  app.put(
    API_ADMIN_ROUTES.webhookSettings,
    ...session,
    params({ siteId: IdSchema }),
    jsonBody(WebhookSettingsSchema),
    async (c) => {
      const allow = await deps.webhooks.setAllowPrivate(
        c.get('agent'),
        c.req.valid('param').siteId,
        c.req.valid('json').allowPrivate,
      );
      return c.json({ allowPrivate: allow });
    },
  );

  return app;
}
