/**
 * The console's API-token page over HTTP (issue 15): admins list, create (the token comes back this
 * once) and revoke. Cookie session and same-origin, like every console route; never a token.
 */
import { API_ADMIN_ROUTES } from '@frontdesk/shared';
import { ApiTokenCreateSchema } from '@frontdesk/shared/api-schemas';
import { Hono } from 'hono';
import * as v from 'valibot';
import type { AgentSessions } from '../identity/agent-sessions.ts';
import { type AgentEnv, requireAgent } from '../identity/require-agent.ts';
import { sameOriginGuard } from '../transport/http/same-origin.ts';
import { jsonBody, params } from '../transport/http/validation.ts';
import type { ApiTokens } from './tokens.ts';

type Deps = { tokens: ApiTokens; sessions: AgentSessions; selfOrigins: readonly string[] };

const TokenIdSchema = v.pipe(v.string(), v.regex(/^[a-z0-9]{16}$/, 'must be a token id'));

export function apiTokenRoutes(deps: Deps) {
  const app = new Hono<AgentEnv>();
  const session = [sameOriginGuard(deps.selfOrigins), requireAgent(deps.sessions)] as const;

  app.get(API_ADMIN_ROUTES.tokens, ...session, async (c) =>
    c.json({ tokens: await deps.tokens.list(c.get('agent')) }),
  );

  app.post(API_ADMIN_ROUTES.tokens, ...session, jsonBody(ApiTokenCreateSchema), async (c) =>
    c.json(await deps.tokens.create(c.get('agent'), c.req.valid('json')), 201),
  );

  app.delete(API_ADMIN_ROUTES.token, ...session, params({ tokenId: TokenIdSchema }), async (c) =>
    c.json({ token: await deps.tokens.revoke(c.get('agent'), c.req.valid('param').tokenId) }),
  );

  return app;
}
