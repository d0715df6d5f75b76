import { describe, expect, it } from 'vitest';
import { AppError } from '../kernel/errors.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';

describe('search cursors', () => {
  it('round-trip both kinds as URL-safe text', () => {
    const list = { kind: 'list', createdAt: '2026-01-02T03:04:05.678Z', id: 'c_1-x' } as const;
    const ranked = { kind: 'ranked', asOf: '2026-01-02T03:04:05.678Z', offset: 50 } as const;
    for (const cursor of [list, ranked]) {
      const text = encodeCursor(cursor);
      expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(decodeCursor(text)).toEqual(cursor);
    }
  });

  it('refuses anything else as bad_request', () => {
    const bad = (raw: string) => Buffer.from(raw).toString('base64url');
    for (const text of [
      'abc',
      bad('l|2026-01-02T03:04:05.678Z'),
      bad("l|2026-01-02T03:04:05.678Z|x' or 1=1"),
      bad('r|2026-01-02T03:04:05.678Z|-1'),
      bad('r|yesterday|5'),
      bad('x|2026-01-02T03:04:05.678Z|5'),
      bad('r|2026-01-02T03:04:05.678Z|5|6'),
    ]) {
      expect(() => decodeCursor(text), text).toThrow(AppError);
    }
  });
});
