/** Agent HTTP API: login/logout/me and conversation reads. Cookie auth, same-origin JSON only. */
import { API } from '@frontdesk/shared';
import { ConversationListQuerySchema, IdSchema, LoginSchema } from '@frontdesk/shared/schemas';
import { getConnInfo } from '@hono/node-server/conninfo';
import { type Context, Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { SESSION_COOKIE } from '../realtime/cookies.ts';
import { toAgentConversation } from '../services/dto.ts';
import { parse } from '../validate.ts';
import { type AgentEnv, agentSession, sameOriginGuard } from './agent-auth.ts';
import type { AppDeps } from './app.ts';
import { jsonBody } from './json-body.ts';

export function agentRoutes(deps: AppDeps) {
  const app = new Hono<AgentEnv>();

  const sameOrigin = sameOriginGuard(deps.selfOrigins);
  const requireAgent = agentSession(deps.agents);

  app.use('/api/v1/auth/*', sameOrigin);
  app.use(`${API.conversations}/*`, sameOrigin);
  app.use(API.conversations, sameOrigin);

  app.post(API.login, async (c) => {
    const input = parse(LoginSchema, await jsonBody(c));
    const address = clientAddress(c);
    const { token, agent, expiresAt } = await deps.agents.login(input, address);
    setCookie(c, SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'Lax',
      secure: deps.secureCookies,
      path: '/',
      expires: expiresAt,
    });
    const siteIds = await deps.storage.listAgentSiteIds(agent.id);
    return c.json({ agent: await deps.agents.profile({ agent, siteIds }) });
  });

  app.post(API.logout, async (c) => {
    await jsonBody(c);
    await deps.agents.logout(getCookie(c, SESSION_COOKIE));
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.json({ ok: true });
  });

  app.get(API.me, requireAgent, async (c) => c.json({ agent: await deps.agents.profile(c.get('agent')) }));

  app.get(API.conversations, requireAgent, async (c) => {
    const query = parse(ConversationListQuerySchema, c.req.query());
    const list = await deps.conversations.list(c.get('agent'), query);
    return c.json({ conversations: list.map(toAgentConversation) });
  });

  app.get(`${API.conversations}/:id`, requireAgent, async (c) => {
    const id = parse(IdSchema, c.req.param('id'));
    const watched = await deps.conversations.watch(c.get('agent'), { conversationId: id });
    return c.json({ conversation: toAgentConversation(watched.conversation), messages: watched.messages });
  });

  return app;
}

function clientAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    // app.request() in tests has no socket; every such request shares one bucket.
    return 'unknown';
  }
}
