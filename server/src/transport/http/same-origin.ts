/** Middleware of the agent API: same-origin mutations and the session cookie → `c.var.agent`. */
import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { AppError } from '../errors.ts';
import { SESSION_COOKIE } from '../realtime/cookies.ts';
import type { AgentService } from '../services/agents.ts';
import type { AgentContext } from '../services/conversations.ts';

export type AgentEnv = { Variables: { agent: AgentContext } };

/** Mutations must come from our own pages: a foreign Origin is refused outright. */
export function sameOriginGuard(selfOrigins: readonly string[]): MiddlewareHandler {
  return async (c, next) => {
    const origin = c.req.header('origin');
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD' && origin && !selfOrigins.includes(origin)) {
      throw new AppError('origin_not_allowed', 'cross-site request refused');
    }
    await next();
  };
}

export function agentSession(agents: AgentService): MiddlewareHandler<AgentEnv> {
  return async (c, next) => {
    const ctx = await agents.authenticate(getCookie(c, SESSION_COOKIE));
    if (!ctx) throw new AppError('unauthorized', 'log in first');
    c.set('agent', ctx);
    await next();
  };
}
