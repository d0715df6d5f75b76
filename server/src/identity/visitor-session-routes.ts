/** Minting a visitor session over HTTP. Cross-origin by design, never with credentials. */
import { ROUTES } from '@frontdesk/shared';
import { VisitorSessionSchema } from '@frontdesk/shared/schemas';
import { Hono } from 'hono';
import { cors } from 'hono/cors';
import type { TrustProxy } from '../limits/index.ts';
import { requestAddress } from '../transport/http/request-address.ts';
import { jsonBody } from '../transport/http/validation.ts';
import type { VisitorSessions } from './visitor-sessions.ts';

/**
 * Any page may ask; the site's allowed origins are checked against the Origin header. Mounted ahead
 * of the API budget, so a widget can read a 429 (and its Retry-After) across origins.
 */
export const visitorSessionsCors = cors({
  origin: '*',
  allowMethods: ['POST'],
  allowHeaders: ['Content-Type'],
  exposeHeaders: ['Retry-After'],
});

export function visitorSessionRoutes(deps: { visitors: VisitorSessions; trustProxy: TrustProxy }) {
  const app = new Hono();
  app.post(ROUTES.visitorSessions, jsonBody(VisitorSessionSchema), async (c) => {
    const session = await deps.visitors.createSession(
      c.req.valid('json').siteKey,
      c.req.header('origin'),
      requestAddress(c, deps.trustProxy),
    );
    return c.json(session, 201);
  });
  return app;
}
