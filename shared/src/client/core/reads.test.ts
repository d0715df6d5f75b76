import { describe, expect, it } from 'vitest';
import { ownReadsAfter, readsAfter, type WrittenMessage, writerRead } from './reads.ts';

const m = (author: WrittenMessage['author'], seq: number, authorId?: string) => ({
  conversationId: 'c1',
  author,
  seq,
  ...(authorId !== undefined && { authorId }),
});

describe('issue 17: read positions carried by messages', () => {
  it("a person's message is its writer's read position; the bot's and the system's are nobody's", () => {
    expect(writerRead(m('visitor', 4))).toEqual({ reader: 'visitor', agentId: null, seq: 4 });
    expect(writerRead(m('agent', 5, 'a1'))).toEqual({ reader: 'agent', agentId: 'a1', seq: 5 });
    expect(writerRead(m('agent', 6))).toEqual({ reader: 'agent', agentId: null, seq: 6 });
    expect(writerRead(m('bot', 7))).toBeNull();
    expect(writerRead(m('system', 8))).toBeNull();
  });

  it('moves the visitor and the furthest agent forward only, and keeps the object when nothing moves', () => {
    const reads = { visitor: 3, agent: 9 };
    expect(readsAfter(reads, [m('visitor', 5), m('bot', 6), m('agent', 7, 'a1')])).toEqual({
      visitor: 5,
      agent: 9,
    });
    expect(readsAfter(reads, [m('agent', 12), m('visitor', 2)])).toEqual({ visitor: 3, agent: 12 });
    expect(readsAfter(reads, [m('visitor', 1), m('bot', 20), m('system', 21)])).toBe(reads);
    expect(readsAfter(reads, [])).toBe(reads);
  });

  it("an agent's own positions move only with messages naming them as the writer", () => {
    const own = { c1: 2 };
    expect(ownReadsAfter(own, 'a1', [m('agent', 5, 'a1')])).toEqual({ c1: 5 });
    expect(ownReadsAfter(own, 'a1', [{ ...m('agent', 3, 'a1'), conversationId: 'c2' }])).toEqual({
      c1: 2,
      c2: 3,
    });
    // Another agent's message, one without a writer (history), the visitor's, an older one: nothing.
    expect(ownReadsAfter(own, 'a1', [m('agent', 5, 'a2')])).toBe(own);
    expect(ownReadsAfter(own, 'a1', [m('agent', 5)])).toBe(own);
    expect(ownReadsAfter(own, 'a1', [m('visitor', 5)])).toBe(own);
    expect(ownReadsAfter(own, 'a1', [m('agent', 1, 'a1')])).toBe(own);
  });
});
