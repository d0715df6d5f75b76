/**
 * The console's one HTTP wrapper: same-origin JSON requests whose replies are read through a parser
 * (a schema from `@frontdesk/shared/responses`) at the edge, and whose failures come back as
 * `{ code, message }`. Nothing past it holds JSON of an unchecked shape.
 */
import type { AckResult, ErrorBody, ErrorCode } from '@frontdesk/shared';
import { readReply } from '@frontdesk/shared/client';
import { OkReplySchema, parseWith } from '@frontdesk/shared/responses';

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

/** Reads a reply body: the data, or `undefined` when the body is not of the expected shape. */
export type Parse<T> = (body: unknown) => T | undefined;

export type Http = {
  get<T>(path: string, parse: Parse<T>): Promise<AckResult<T>>;
  /** A mutation; `body` is sent as JSON (a DELETE without one sends none). */
  send<T>(
    method: 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    path: string,
    body: unknown,
    parse: Parse<T>,
  ): Promise<AckResult<T>>;
  /** A file as the raw body (an uploaded image), sent with its own content type. */
  upload<T>(method: 'PUT', path: string, file: Blob, parse: Parse<T>): Promise<AckResult<T>>;
};

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

/** Reads `{ ok: false, error: { code, message } }`; falls back to the HTTP status for foreign bodies. */
export function errorFromResponse(status: number, body: unknown): ErrorBody {
  const reply = readReply(body, () => undefined);
  if (!reply.ok && reply.error) return reply.error;
  const code = STATUS_CODES[status] ?? (status >= 500 ? 'internal' : 'bad_request');
  return { code, message: `HTTP ${status}` };
}

const readOk = parseWith(OkReplySchema);

/** Reads `{ ok: true }`, the reply of a mutation with nothing to return, as `null`. */
export const nothing: Parse<null> = (body) => (readOk(body) ? null : undefined);

const failure = (code: ErrorCode, message: string): AckResult<never> => ({
  ok: false,
  error: { code, message },
});

export function createHttp(fetchImpl: FetchLike = (input, init) => fetch(input, init)): Http {
  async function request<T>(
    method: string,
    path: string,
    init: RequestInit,
    parse: Parse<T>,
  ): Promise<AckResult<T>> {
    let response: Response;
    try {
      response = await fetchImpl(path, { ...init, method, credentials: 'same-origin' });
    } catch (cause) {
      console.warn('[console] request failed', method, path, cause);
      return failure('unavailable', String(cause));
    }
    let body: unknown = null;
    try {
      body = await response.json();
    } catch (cause) {
      if (response.ok) {
        console.warn('[console] reply is not JSON', method, path, response.status, cause);
        return failure('unavailable', 'reply is not JSON');
      }
    }
    if (!response.ok) return { ok: false, error: errorFromResponse(response.status, body) };
    const data = parse(body);
    if (data === undefined) {
      console.warn('[console] unexpected reply shape', method, path, body);
      return failure('internal', 'unexpected reply shape');
    }
    return { ok: true, data };
  }

  return {
    get: (path, parse) => request('GET', path, { headers: { Accept: 'application/json' } }, parse),
    send(method, path, body, parse) {
      // A JSON content type on every mutation: the server refuses cross-site form posts.
      const headers = { Accept: 'application/json', 'Content-Type': 'application/json' };
      const json = method === 'DELETE' && body === undefined ? {} : { body: JSON.stringify(body ?? {}) };
      return request(method, path, { headers, ...json }, parse);
    },
    upload(method, path, file, parse) {
      const headers = { Accept: 'application/json', 'Content-Type': file.type || 'application/octet-stream' };
      return request(method, path, { headers, body: file }, parse);
    },
  };
}
