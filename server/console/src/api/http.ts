/** The one fetch wrapper: same-origin JSON requests whose failures come back as `{ code, message }`. */
import { type AckResult, type ErrorBody, type ErrorCode, isErrorCode } from '@frontdesk/shared';

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

const STATUS_CODES: Record<number, ErrorCode> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'too_large',
  429: 'rate_limited',
  503: 'unavailable',
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Reads `{ ok: false, error: { code, message } }`; falls back to the HTTP status for foreign bodies. */
export function errorFromResponse(status: number, body: unknown): ErrorBody {
  const error = isRecord(body) ? body.error : undefined;
  if (isRecord(error) && isErrorCode(error.code)) {
    const message = typeof error.message === 'string' ? error.message : error.code;
    const wait = error.retryAfter;
    return typeof wait === 'number' && Number.isInteger(wait) && wait > 0
      ? { code: error.code, message, retryAfter: wait }
      : { code: error.code, message };
  }
  const code = STATUS_CODES[status] ?? (status >= 500 ? 'internal' : 'bad_request');
  return { code, message: `HTTP ${status}` };
}

export type RequestOptions = { method?: 'GET' | 'POST' | 'PUT' | 'DELETE'; body?: unknown };

/**
 * Sends one request and narrows the JSON reply with `pick` (the caller's shape check). Network failures and
 * non-JSON replies become `unavailable`; a reply of the wrong shape becomes `internal`.
 */
export async function requestJson<T>(
  fetchImpl: FetchLike,
  path: string,
  pick: (body: unknown) => T | undefined,
  options: RequestOptions = {},
): Promise<AckResult<T>> {
  const method = options.method ?? 'GET';
  const init: RequestInit = { method, credentials: 'same-origin', headers: { Accept: 'application/json' } };
  if (method !== 'GET') {
    // A JSON content type on every mutation: the server refuses cross-site form posts.
    init.headers = { Accept: 'application/json', 'Content-Type': 'application/json' };
    if (method !== 'DELETE' || options.body !== undefined) init.body = JSON.stringify(options.body ?? {});
  }
  let response: Response;
  try {
    response = await fetchImpl(path, init);
  } catch (cause) {
    console.warn('[console] request failed', method, path, cause);
    return { ok: false, error: { code: 'unavailable', message: String(cause) } };
  }
  let body: unknown = null;
  try {
    body = await response.json();
  } catch (cause) {
    if (response.ok) {
      console.warn('[console] reply is not JSON', method, path, response.status, cause);
      return { ok: false, error: { code: 'unavailable', message: 'reply is not JSON' } };
    }
  }
  if (!response.ok) return { ok: false, error: errorFromResponse(response.status, body) };
  const data = pick(body);
  if (data === undefined) {
    console.warn('[console] unexpected reply shape', method, path, body);
    return { ok: false, error: { code: 'internal', message: 'unexpected reply shape' } };
  }
  return { ok: true, data };
}

export { isRecord };
