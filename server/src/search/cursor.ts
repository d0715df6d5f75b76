/**
 * Issue 14: a search cursor as an opaque URL-safe string and back. A cursor that does not decode to
 * a well-formed position is refused (`bad_request`), never trusted into a query.
 */
import { AppError } from '../kernel/errors.ts';
import type { SearchCursor } from './store.ts';

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const ID = /^[A-Za-z0-9_-]{1,64}$/;

export function encodeCursor(cursor: SearchCursor): string {
  const parts =
    cursor.kind === 'list' ? ['l', cursor.createdAt, cursor.id] : ['r', cursor.asOf, String(cursor.offset)];
  return Buffer.from(parts.join('|'), 'utf8').toString('base64url');
}

export function decodeCursor(text: string): SearchCursor {
  const [kind, at, rest, extra] = Buffer.from(text, 'base64url').toString('utf8').split('|');
  if (extra === undefined && at && ISO.test(at) && rest) {
    if (kind === 'l' && ID.test(rest)) return { kind: 'list', createdAt: at, id: rest };
    if (kind === 'r' && /^\d{1,6}$/.test(rest)) return { kind: 'ranked', asOf: at, offset: Number(rest) };
  }
  throw new AppError('bad_request', 'invalid cursor');
}
