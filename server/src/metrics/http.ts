/**
 * Issue 15: HTTP latency and structured request logs, and the `/metrics` endpoint's guard.
 * A request line carries the method, the matched route pattern (never the path: `/c/:token` would
 * put a token in the log), the status and the time — no query, no headers, no cookies, no body.
 */
import { timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { AppError } from '../kernel/errors.ts';
import type { Logger } from '../kernel/logger.ts';
import type { Metrics } from './metrics.ts';

const routeOf = (c: Context) => {
  const matched = c.req.matchedRoutes.filter((r) => r.method !== 'ALL');
  return matched.at(-1)?.path ?? c.req.matchedRoutes.at(-1)?.path ?? 'unmatched';
};

export function requestTiming(metrics: Pick<Metrics, 'http'>, logger: Logger): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now();
    try {
      await next();
    } finally {
      const seconds = (performance.now() - started) / 1000;
      const route = routeOf(c);
      const status = c.res.status;
      metrics.http.observe({ method: c.req.method, route, status: String(status) }, seconds);
      logger.info(
        { req: { method: c.req.method, route }, status, ms: Math.round(seconds * 1000) },
        'request',
      );
    }
  };
}

/** `Authorization: Bearer <token>`, compared in constant time; no token configured: open (bind-address mode). */
export function metricsAuthorized(header: string | undefined, token: string | null): boolean {
  if (token === null) return true;
  const given = Buffer.from(header?.startsWith('Bearer ') ? header.slice(7) : '');
  const wanted = Buffer.from(token);
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}

/** The `/metrics` handler: the registry in Prometheus text format, 401 without the token. */
export function metricsHandler(metrics: Pick<Metrics, 'registry'>, token: string | null) {
  return async (c: Context) => {
    if (!metricsAuthorized(c.req.header('authorization'), token))
      throw new AppError('unauthorized', 'metrics token required');
    return c.body(await metrics.registry.metrics(), 200, { 'content-type': metrics.registry.contentType });
  };
}
