/**
 * Opaque page cursors of the public API: a position (base64url JSON) that callers pass back as
 * given. A cursor that does not decode to the expected shape is a `bad_request`, never a crash.
 */
import { AppError } from '../kernel/errors.ts';

export const encodeCursor = (position: Record<string, string | number>): string =>
  Buffer.from(JSON.stringify(position), 'utf8').toString('base64url');

/** The position in `cursor`, checked by `isPosition`; undefined cursor → null. */
export function decodeCursor<T>(
  cursor: string | undefined,
  isPosition: (value: unknown) => value is T,
): T | null {
  if (cursor === undefined) return null;
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new AppError('bad_request', 'cursor: not a cursor from this API');
  }
  if (!isPosition(value)) throw new AppError('bad_request', 'cursor: not a cursor from this API');
  return value;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A conversation page position: after (updatedAt `u`, id `i`). */
export const isConversationPosition = (value: unknown): value is { u: string; i: string } =>
  isObject(value) && typeof value.u === 'string' && typeof value.i === 'string' && value.u.length <= 40;

/** A message page position: after seq `s`. */
export const isMessagePosition = (value: unknown): value is { s: number } =>
  isObject(value) && Number.isSafeInteger(value.s) && (value.s as number) >= 0;

/** A page of `limit` from `rows` fetched with `limit + 1`, and the cursor after it (null: the end). */
export function pageOf<R, T>(
  rows: R[],
  limit: number,
  view: (row: R) => T,
  positionOf: (row: R) => Record<string, string | number>,
) {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return {
    items: items.map(view),
    nextCursor: rows.length > limit && last !== undefined ? encodeCursor(positionOf(last)) : null,
  };
}
