/**
 * Every HTTP failure as the shared error shape: an AppError with its status (and `Retry-After` when
 * limited); anything else is logged and answered as a 500 that never leaks its text.
 */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { AppError, toErrorBody } from '../../kernel/errors.ts';
import type { Logger } from '../../kernel/logger.ts';

export function errorHandler(logger: Logger) {
  return (error: Error, c: Context): Response => {
    if (!(error instanceof AppError)) logger.error({ err: error, path: c.req.path }, 'request failed');
    const body = toErrorBody(error);
    const status: ContentfulStatusCode = error instanceof AppError ? error.status : 500;
    if (body.retryAfter !== undefined) c.header('Retry-After', String(body.retryAfter));
    return c.json({ ok: false, error: body }, status);
  };
}

/** Any path under the API that no route answered. */
export function noSuchEndpoint(): never {
  throw new AppError('not_found', 'no such endpoint');
}
