/** Per-address budgets for the HTTP API, and the client address a request is counted against. */
import type { IncomingMessage } from 'node:http';
import type { Context, MiddlewareHandler } from 'hono';
import { addressKey, type Budgets, clientAddress, rateLimited, type TrustProxy } from '../limits/index.ts';

/** The limiter key of the request's client: its peer address, or what trusted proxies say. */
export function requestAddress(c: Context, trust: TrustProxy): string {
  // @hono/node-server passes the Node request as `env.incoming`; `app.request()` in tests has none.
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  const headers = {
    'x-forwarded-for': c.req.header('x-forwarded-for'),
    forwarded: c.req.header('forwarded'),
  };
  return addressKey(clientAddress(incoming?.socket.remoteAddress, headers, trust));
}

/** Every API request spends from its address's budget before anything else (body included) is read. */
export function apiBudget(deps: { budgets: Budgets; trustProxy: TrustProxy }): MiddlewareHandler {
  return async (c, next) => {
    const verdict = deps.budgets.api(requestAddress(c, deps.trustProxy));
    if (!verdict.ok) throw rateLimited(verdict, 'requests');
    await next();
  };
}
