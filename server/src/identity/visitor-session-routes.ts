/** Visitor HTTP API: minting a visitor session. Cross-origin by design, never with credentials. */
import { API } from '@frontdesk/shared';
import { VisitorSessionSchema } from '@frontdesk/shared/schemas';
import { Hono } from 'hono';
import { cors } from 'hono/cors';
import { parse } from '../validate.ts';
import type { AppDeps } from './app.ts';
import { jsonBody } from './json-body.ts';
import { requestAddress } from './rate-limit.ts';

/**
 * Any page may ask; the site's allowed origins are checked against the Origin header below. Mounted
 * ahead of the API budget, so a widget can read a 429 (and its Retry-After) across origins.
 */
export const visitorSessionsCors = cors({
  origin: '*',
  allowMethods: ['POST'],
  allowHeaders: ['Content-Type'],
  exposeHeaders: ['Retry-After'],
});

export function visitorRoutes(deps: AppDeps) {
  const app = new Hono();
  app.post(API.visitorSessions, async (c) => {
    const input = parse(VisitorSessionSchema, await jsonBody(c));
    const session = await deps.visitors.createSession(
      input.siteKey,
      c.req.header('origin'),
      requestAddress(c, deps.trustProxy),
    );
    return c.json(session, 201);
  });
  return app;
}
