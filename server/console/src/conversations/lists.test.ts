import { describe, expect, it } from 'vitest';
import { at, conversation } from '../testing/fixtures.ts';
import {
  conversationsReducer,
  EMPTY_CONVERSATIONS,
  enteredQueue,
  groupConversations,
  isFresher,
  unreadCounts,
  waitingCount,
} from './lists.ts';

const load = (...list: ReturnType<typeof conversation>[]) =>
  conversationsReducer(EMPTY_CONVERSATIONS, { type: 'loaded', conversations: list });

describe('conversations slice', () => {
  it('keeps a live update over a stale list reply', () => {
    const live = conversation('c1', { state: 'queued', lastSeq: 3, updatedAt: at(5) });
    const stale = conversation('c1', { state: 'bot', lastSeq: 2, updatedAt: at(1) });
    let state = conversationsReducer(EMPTY_CONVERSATIONS, {
      type: 'updated',
      conversation: live,
    });
    state = conversationsReducer(state, { type: 'loaded', conversations: [stale] });
    expect(state.byId.c1?.state).toBe('queued');
  });

  it('takes a state change with the same seq when it is newer', () => {
    const prev = conversation('c1', { lastSeq: 2, updatedAt: at(1) });
    expect(isFresher(prev, conversation('c1', { lastSeq: 2, updatedAt: at(2), state: 'resolved' }))).toBe(
      true,
    );
    expect(isFresher(prev, conversation('c1', { lastSeq: 2, updatedAt: at(0) }))).toBe(false);
  });

  it("issue 13: unread counts come from the read positions, in the waiting list and the agent's own", () => {
    const state = load(
      conversation('q', { state: 'queued', lastSeq: 4 }),
      conversation('m', { state: 'assigned', agentId: 'me', lastSeq: 6 }),
      conversation('o', { state: 'assigned', agentId: 'other', lastSeq: 6 }),
      conversation('b', { state: 'bot', lastSeq: 9 }),
      conversation('r', { state: 'resolved', lastSeq: 9 }),
    );
    const sections = groupConversations(state.byId, 'me');
    expect(unreadCounts(sections, { q: 1, m: 6 })).toEqual({ q: 3 });
    expect(unreadCounts(sections, {})).toEqual({ q: 4, m: 6 });
    // A position past the last seq (a list older than the read) counts nothing.
    expect(unreadCounts(sections, { q: 10, m: 10 })).toEqual({});
  });

  it('groups by state and owner, waiting oldest first, others newest activity first', () => {
    const state = load(
      conversation('q-new', { state: 'queued', queuedAt: at(9) }),
      conversation('q-old', { state: 'queued', queuedAt: at(1) }),
      conversation('b-old', { lastMessage: { author: 'visitor', body: 'a', createdAt: at(1) } }),
      conversation('b-new', { lastMessage: { author: 'bot', body: 'b', createdAt: at(8) } }),
      conversation('mine', { state: 'assigned', agentId: 'me' }),
      conversation('theirs', { state: 'assigned', agentId: 'other' }),
      conversation('r1', { state: 'resolved', resolvedAt: at(3) }),
      conversation('r2', { state: 'resolved', resolvedAt: at(7) }),
    );
    const sections = groupConversations(state.byId, 'me');
    const ids = (list: { id: string }[]) => list.map((c) => c.id);
    expect(ids(sections.queued)).toEqual(['q-old', 'q-new']);
    expect(ids(sections.bot)).toEqual(['b-new', 'b-old']);
    expect(ids(sections.mine)).toEqual(['mine']);
    expect(ids(sections.others)).toEqual(['theirs']);
    expect(ids(sections.resolved)).toEqual(['r2', 'r1']);
    expect(ids(groupConversations(state.byId, 'me', 1).resolved)).toEqual(['r2']);
    expect(waitingCount(state.byId)).toBe(2);
  });

  it('rings only when a conversation enters the queue', () => {
    const queued = conversation('c1', { state: 'queued' });
    expect(enteredQueue(undefined, queued)).toBe(true);
    expect(enteredQueue(conversation('c1'), queued)).toBe(true);
    expect(enteredQueue(queued, queued)).toBe(false);
    expect(enteredQueue(queued, conversation('c1', { state: 'assigned' }))).toBe(false);
  });
});
