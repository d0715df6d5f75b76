/** Mutations must come from our own pages: a foreign Origin is refused outright (TESTPLAN A7). */
import type { MiddlewareHandler } from 'hono';
import { AppError } from '../../kernel/errors.ts';

export function sameOriginGuard(selfOrigins: readonly string[]): MiddlewareHandler {
  return async (c, next) => {
    const origin = c.req.header('origin');
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD' && origin && !selfOrigins.includes(origin)) {
      throw new AppError('origin_not_allowed', 'cross-site request refused');
    }
    await next();
  };
}
