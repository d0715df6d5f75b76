/** HTTP middleware of the agent API: the session cookie → `c.var.agent`, or `unauthorized`. */
import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { AppError } from '../kernel/errors.ts';
import type { AgentSessions } from './agent-sessions.ts';
import type { AgentContext } from './context.ts';
import { SESSION_COOKIE } from './cookies.ts';

export type AgentEnv = { Variables: { agent: AgentContext } };

export function requireAgent(sessions: AgentSessions): MiddlewareHandler<AgentEnv> {
  return async (c, next) => {
    const ctx = await sessions.authenticate(getCookie(c, SESSION_COOKIE));
    if (!ctx) throw new AppError('unauthorized', 'log in first');
    c.set('agent', ctx);
    await next();
  };
}
