/**
 * What a request over the socket comes back with: the server's ack, or `error: null` when no usable
 * answer came (offline, timed out, the connection dropped, or something that is not an ack).
 */
import { type AckResult, isErrorCode, RETRYABLE_ERRORS } from '../../errors.ts';

export type Reply<T> = AckResult<T> | { ok: false; error: null };
export type Failure = Extract<Reply<unknown>, { ok: false }>;

export const NO_REPLY = { ok: false, error: null } as const;

/** No answer at all, or a code the server marks as retryable with the same request. */
export const isRetryable = (failure: Failure): boolean =>
  failure.error === null || RETRYABLE_ERRORS.includes(failure.error.code);

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

/**
 * Reads an ack: `{ ok: true, data }` (checked by `parse`; `undefined` from it means the data is not
 * what was asked for) or `{ ok: false, error }` with a known code. Anything else is no reply.
 */
export function readReply<T>(value: unknown, parse: (data: unknown) => T | undefined): Reply<T> {
  if (!isObject(value)) return NO_REPLY;
  if (value.ok === true) {
    const data = parse(value.data);
    return data === undefined ? NO_REPLY : { ok: true, data };
  }
  const error = value.ok === false && isObject(value.error) ? value.error : null;
  return error && isErrorCode(error.code)
    ? { ok: false, error: { code: error.code, message: String(error.message) } }
    : NO_REPLY;
}
