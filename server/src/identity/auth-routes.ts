/** Agent sign-in over HTTP: log in (sets the session cookie), log out, who am I. Same-origin JSON only. */
import { ROUTES } from '@frontdesk/shared';
import { LoginSchema } from '@frontdesk/shared/schemas';
import { Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { TrustProxy } from '../limits/index.ts';
import { requestAddress } from '../transport/http/request-address.ts';
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
  /** Proxies whose forwarded headers name the client (the sign-in throttle counts per client). */
  trustProxy: TrustProxy;
  secureCookies: boolean;
};

export function authRoutes(deps: Deps) {
  const app = new Hono<AgentEnv>();
  const sameOrigin = sameOriginGuard(deps.selfOrigins);

  app.post(ROUTES.login, sameOrigin, jsonBody(LoginSchema), async (c) => {
    const { token, expiresAt, ctx } = await deps.sessions.login(
      c.req.valid('json'),
      requestAddress(c, deps.trustProxy),
    );
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
