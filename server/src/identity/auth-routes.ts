/** Agent sign-in over HTTP: log in (sets the session cookie), log out, who am I. Same-origin JSON only. */
import { ROUTES } from '@frontdesk/shared';
import { LoginSchema } from '@frontdesk/shared/schemas';
import { getConnInfo } from '@hono/node-server/conninfo';
import { type Context, Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { sameOriginGuard } from '../transport/http/same-origin.ts';
import { anyJsonBody, jsonBody } from '../transport/http/validation.ts';
import type { AgentAccounts } from './agent-accounts.ts';
import type { AgentSessions } from './agent-sessions.ts';
import { SESSION_COOKIE } from './cookies.ts';
import { type AgentEnv, requireAgent } from './require-agent.ts';

type Deps = {
  accounts: AgentAccounts;
  sessions: AgentSessions;
  selfOrigins: readonly string[];
  secureCookies: boolean;
};

export function authRoutes(deps: Deps) {
  const app = new Hono<AgentEnv>();
  const sameOrigin = sameOriginGuard(deps.selfOrigins);

  app.post(ROUTES.login, sameOrigin, jsonBody(LoginSchema), async (c) => {
    const { token, expiresAt, ctx } = await deps.sessions.login(c.req.valid('json'), peerAddress(c));
    setCookie(c, SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'Lax',
      secure: deps.secureCookies,
      path: '/',
      expires: expiresAt,
    });
    return c.json({ agent: await deps.accounts.profile(ctx) });
  });

  app.post(ROUTES.logout, sameOrigin, anyJsonBody(), async (c) => {
    await deps.sessions.logout(getCookie(c, SESSION_COOKIE));
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.json({ ok: true });
  });

  app.get(ROUTES.me, sameOrigin, requireAgent(deps.sessions), async (c) =>
    c.json({ agent: await deps.accounts.profile(c.get('agent')) }),
  );

  return app;
}

/** The peer address sign-ins are throttled by. */
function peerAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    // app.request() in tests has no socket; every such request shares one bucket.
    return 'unknown';
  }
}
