import type { Message } from '@frontdesk/shared';
import { openTimeline } from '@frontdesk/shared/client';
import { describe, expect, it } from 'vitest';
import { initialUi } from './ui.ts';
import { nextSeen, parseSeen, serializeSeen, unreadCount } from './unread.ts';

const msg = (seq: number, author: Message['author'], kind: Message['kind'] = 'text'): Message => ({
  id: `m${seq}`,
  conversationId: 'c1',
  seq,
  clientId: null,
  author,
  authorName: null,
  kind,
  body: `m${seq}`,
  meta: null,
  createdAt: '2026-12-02T10:00:00.000Z',
});
const timeline = openTimeline('c1', [
  msg(1, 'visitor'),
  msg(2, 'bot'),
  msg(3, 'agent'),
  msg(4, 'system', 'event'),
]);

describe('the seen mark and unread messages', () => {
  it('counts agent and bot messages after the mark while the panel is closed', () => {
    const ui = { ...initialUi, seen: { conversationId: 'c1', seq: 1 } };
    expect(unreadCount(ui, timeline)).toBe(2);
    expect(unreadCount({ ...ui, open: true }, timeline)).toBe(0);
    expect(unreadCount({ ...ui, seen: { conversationId: 'other', seq: 0 } }, timeline)).toBe(0);
  });

  it('an open panel sees everything; a closed one keeps its mark; an unknown conversation starts seen', () => {
    const closed = { ...initialUi, seen: { conversationId: 'c1', seq: 1 } };
    expect(nextSeen(closed, timeline, true)).toBe(closed.seen);
    expect(nextSeen({ ...closed, open: true }, timeline, true)).toEqual({ conversationId: 'c1', seq: 4 });
    expect(nextSeen({ ...initialUi, seen: null }, timeline, true)).toEqual({ conversationId: 'c1', seq: 4 });
    expect(nextSeen({ ...initialUi, seen: null }, timeline, false)).toBeNull();
  });

  it('round-trips through storage and refuses garbage', () => {
    const seen = { conversationId: 'c:1', seq: 7 };
    expect(parseSeen(serializeSeen(seen))).toEqual(seen);
    for (const bad of [null, '', 'x', ':3', 'c1:-1', 'c1:1.5', 'c1:abc']) expect(parseSeen(bad)).toBeNull();
  });
});
