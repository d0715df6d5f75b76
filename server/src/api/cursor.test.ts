import { describe, expect, it } from 'vitest';
import { AppError } from '../kernel/errors.ts';
import { decodeCursor, encodeCursor, isConversationPosition, isMessagePosition, pageOf } from './cursor.ts';

describe('API cursors', () => {
  it('round-trip a position and refuse anything else as bad_request', () => {
    const cursor = encodeCursor({ u: '2026-01-01T00:00:00.000Z', i: 'c1' });
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor, isConversationPosition)).toEqual({ u: '2026-01-01T00:00:00.000Z', i: 'c1' });
    expect(decodeCursor(undefined, isMessagePosition)).toBeNull();
    for (const bad of ['x', encodeCursor({ s: -1 }), encodeCursor({ s: 1.5 }), cursor]) {
      expect(() => decodeCursor(bad, isMessagePosition)).toThrow(AppError);
    }
  });

  it('a page holds `limit` items and a cursor only when more rows came back', () => {
    const rows = [1, 2, 3];
    expect(
      pageOf(
        rows,
        2,
        (n) => n * 10,
        (n) => ({ s: n }),
      ),
    ).toEqual({
      items: [10, 20],
      nextCursor: encodeCursor({ s: 2 }),
    });
    expect(
      pageOf(
        rows,
        3,
        (n) => n,
        (n) => ({ s: n }),
      ).nextCursor,
    ).toBeNull();
  });
});
