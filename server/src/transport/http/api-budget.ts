/** Per-address budgets for the HTTP API, spent before anything else (the body included) is read. */
import type { MiddlewareHandler } from 'hono';
import { type Budgets, rateLimited, type TrustProxy } from '../../limits/index.ts';
import { requestAddress } from './request-address.ts';

export function apiBudget(deps: { budgets: Budgets; trustProxy: TrustProxy }): MiddlewareHandler {
  return async (c, next) => {
    const verdict = deps.budgets.api(requestAddress(c, deps.trustProxy));
    if (!verdict.ok) throw rateLimited(verdict, 'requests');
    await next();
  };
}
