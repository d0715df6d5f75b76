/** Reads a JSON request body for validation; anything that is not JSON is a `bad_request`. */
import type { Context } from 'hono';
import { AppError } from '../../kernel/errors.ts';

export async function readJsonBody(c: Context): Promise<unknown> {
  const type = c.req.header('content-type') ?? '';
  // Only JSON: a cross-site form (urlencoded, multipart, text/plain) can never be a valid request.
  if (!/^application\/json\b/i.test(type))
    throw new AppError('bad_request', 'expected an application/json body');
  try {
    return await c.req.json();
  } catch {
    throw new AppError('bad_request', 'the body is not valid JSON');
  }
}
