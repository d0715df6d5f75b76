import { EVENTS } from '@frontdesk/shared';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createLogger } from '../kernel/logger.ts';
import { previewRooms, SocketBroadcaster } from './socket-broadcaster.ts';
import type { ConversationRecord } from './store.ts';

/** A namespace stand-in that records `to(room).emit(event, payload)`. */
function recorder() {
  const sent: { room: string; event: string; payload: unknown }[] = [];
  const rooms = {
    to: (room: string | string[]) => ({
      emit: (event: string, payload: unknown) => {
        sent.push({ room: [room].flat().join(' '), event, payload });
        return true;
      },
    }),
  };
  return { sent, rooms };
}

const at = '2026-01-01T00:00:00.000Z';
const record = (lastSeq: number, state: ConversationRecord['state'] = 'bot'): ConversationRecord => ({
  id: 'c1',
  siteId: 's1',
  visitorId: 'v1',
  state,
  agentId: null,
  agentName: null,
  agentAvatar: null,
  offline: null,
  teamId: null,
  locale: 'en',
  lastSeq,
  version: lastSeq,
  botMisses: 0,
  handoffReason: null,
  lastMessage: null,
  rating: null,
  ratingComment: null,
  queuedAt: null,
  resolvedAt: null,
  createdAt: at,
  updatedAt: at,
  assignedAt: null,
  abandonedAt: null,
  visitorLastActiveAt: null,
  visitor: {
    id: 'v1',
    siteId: 's1',
    name: null,
    email: null,
    verified: false,
    locale: null,
    userAgent: null,
    pageUrl: null,
    pageTitle: null,
    createdAt: at,
    lastSeenAt: at,
  },
});

const noQueue = { of: async () => null };
const broadcasterWith = (agents: ReturnType<typeof recorder>, visitors = recorder()) =>
  new SocketBroadcaster(visitors.rooms, agents.rooms, noQueue, createLogger('silent'));
const fields = (payload: unknown) => payload as { lastSeq: number; state: string };

describe('SocketBroadcaster previews', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('sends the first preview at once and coalesces a burst into one trailing update with the newest record', () => {
    const agents = recorder();
    const visitors = recorder();
    const broadcaster = broadcasterWith(agents, visitors);
    for (let seq = 1; seq <= 10; seq++) broadcaster.previewChanged(record(seq));
    expect(agents.sent.map((s) => fields(s.payload).lastSeq)).toEqual([1]);
    vi.advanceTimersByTime(300);
    expect(agents.sent.map((s) => [s.room, s.event, fields(s.payload).lastSeq])).toEqual([
      ['l:s1', EVENTS.conversationUpdated, 1],
      ['l:s1', EVENTS.conversationUpdated, 10],
    ]);
    expect(visitors.sent).toEqual([]);
  });

  it('issue 17: previews go to the list room, and to the assignee of an assigned conversation; real changes to every agent', () => {
    const agents = recorder();
    const broadcaster = broadcasterWith(agents);
    const mine = { ...record(1, 'assigned'), agentId: 'a7' };
    broadcaster.previewChanged(mine);
    broadcaster.conversationChanged({ ...mine, lastSeq: 2 });
    expect(agents.sent.map((s) => s.room)).toEqual(['l:s1 a:a7', 's:s1']);
  });

  it('a real change goes out at once and cancels the pending preview, so nothing stale follows it', () => {
    const agents = recorder();
    const broadcaster = broadcasterWith(agents);
    broadcaster.previewChanged(record(1));
    broadcaster.previewChanged(record(2));
    broadcaster.conversationChanged(record(3, 'queued'));
    vi.advanceTimersByTime(300);
    expect(agents.sent.map((s) => [fields(s.payload).lastSeq, fields(s.payload).state])).toEqual([
      [1, 'bot'],
      [3, 'queued'],
    ]);
  });
});

describe('previewRooms (issue 17)', () => {
  it('the site list room, plus the assigned agent only while assigned', () => {
    expect(previewRooms(record(1, 'bot'))).toEqual(['l:s1']);
    expect(previewRooms(record(1, 'queued'))).toEqual(['l:s1']);
    expect(previewRooms({ ...record(1, 'assigned'), agentId: 'a1' })).toEqual(['l:s1', 'a:a1']);
    // A resolved conversation keeps its last agent, but is no longer theirs to answer.
    expect(previewRooms({ ...record(1, 'resolved'), agentId: 'a1' })).toEqual(['l:s1']);
  });
});
