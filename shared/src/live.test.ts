import { describe, expect, it } from 'vitest';
import { nextReadSeq, type ReadPosition, summarizeReads, unreadCount } from './live.ts';

describe('read positions', () => {
  it('only move forward', () => {
    expect(nextReadSeq(5, 7, 10)).toBe(7);
    expect(nextReadSeq(7, 5, 10)).toBe(7);
    expect(nextReadSeq(7, 7, 10)).toBe(7);
  });

  it('never go beyond the last seq, nor below zero', () => {
    expect(nextReadSeq(0, 99, 10)).toBe(10);
    expect(nextReadSeq(0, -3, 10)).toBe(0);
    expect(nextReadSeq(4, 99, 4)).toBe(4);
    expect(nextReadSeq(0, 2.9, 10)).toBe(2);
  });

  it('keep a stored position even if the cap would be lower (a stale last seq never rewinds)', () => {
    expect(nextReadSeq(8, 9, 6)).toBe(8);
  });

  it('unread counts what lies after the position', () => {
    expect(unreadCount(10, 7)).toBe(3);
    expect(unreadCount(10, 10)).toBe(0);
    expect(unreadCount(3, 5)).toBe(0);
  });

  it('summarizes the visitor and the furthest agent', () => {
    const at = '2026-01-01T00:00:00.000Z';
    const p = (reader: 'visitor' | 'agent', seq: number, agentId: string | null = null): ReadPosition => ({
      conversationId: 'c',
      reader,
      agentId,
      seq,
      readAt: at,
    });
    expect(summarizeReads([])).toEqual({ visitor: 0, agent: 0 });
    expect(summarizeReads([p('visitor', 4), p('agent', 2, 'a'), p('agent', 6, 'b')])).toEqual({
      visitor: 4,
      agent: 6,
    });
  });
});
