import { describe, expect, it } from 'vitest';
import { message } from '../testing/fixtures.ts';
import { EMPTY_TIMELINE, lastSeq, mergeMessages, type TimelineState, timelineReducer } from './timeline.ts';

const opened = (): TimelineState => timelineReducer(EMPTY_TIMELINE, { type: 'open', conversationId: 'c1' });

describe('timeline slice', () => {
  it('orders by seq and drops duplicates by id and by clientId', () => {
    const merged = mergeMessages(
      [message(2), message(1)].sort((a, b) => a.seq - b.seq),
      [
        message(3, { clientId: 'client-abc' }),
        message(2),
        message(1),
        message(4, { id: 'other', clientId: 'client-abc' }),
      ],
    );
    expect(merged.map((m) => m.seq)).toEqual([1, 2, 3]);
  });

  it('returns the same array when nothing is new', () => {
    const existing = [message(1)];
    expect(mergeMessages(existing, [message(1)])).toBe(existing);
  });

  it('stops loading once the first page arrives and reports the last seq', () => {
    let state = opened();
    expect(state.loading).toBe(true);
    state = timelineReducer(state, {
      type: 'merge',
      conversationId: 'c1',
      messages: [message(2), message(1)],
      done: true,
    });
    expect(state.loading).toBe(false);
    expect(lastSeq(state)).toBe(2);
  });

  it('ignores messages of another conversation', () => {
    const state = opened();
    const next = timelineReducer(state, {
      type: 'merge',
      conversationId: 'c2',
      messages: [message(1, { conversationId: 'c2' })],
    });
    expect(next).toBe(state);
  });

  it('replaces a pending send once the committed message with its clientId arrives', () => {
    let state = timelineReducer(opened(), {
      type: 'pendingAdd',
      pending: { clientId: 'client-123', body: 'hi', kind: 'text', status: 'sending', createdAt: '' },
    });
    state = timelineReducer(state, { type: 'pendingStatus', clientId: 'client-123', status: 'failed' });
    expect(state.pending[0]?.status).toBe('failed');
    state = timelineReducer(state, {
      type: 'merge',
      conversationId: 'c1',
      messages: [message(5, { clientId: 'client-123', author: 'agent' })],
    });
    expect(state.pending).toEqual([]);
    expect(state.messages.map((m) => m.seq)).toEqual([5]);
  });
});
