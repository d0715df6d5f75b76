import type { Message, VisitorConversation, WidgetSite } from '@frontdesk/shared';
import { describe, expect, it } from 'vitest';
import { hasGap, initialMessages, type MessagesState, mergeMessages, messagesReducer } from './messages.ts';
import { createStore, initialState, rootReducer } from './store.ts';

const msg = (seq: number, patch: Partial<Message> = {}): Message => ({
  id: `m${seq}`,
  conversationId: 'c1',
  seq,
  clientId: null,
  author: 'bot',
  authorName: null,
  kind: 'text',
  body: `message ${seq}`,
  meta: null,
  createdAt: '2025-01-01T00:00:00.000Z',
  ...patch,
});
const conversation: VisitorConversation = {
  id: 'c1',
  state: 'bot',
  agentName: null,
  lastSeq: 0,
  rating: null,
  queue: null,
  createdAt: '2025-01-01T00:00:00.000Z',
};
const site: WidgetSite = {
  name: 'S',
  color: '#000000',
  locale: null,
  greeting: null,
  quickReplies: [],
  agentsOnline: 0,
};
const opened = (messages: Message[]): MessagesState =>
  messagesReducer(initialMessages, { type: 'conversation/opened', conversation, messages });
const seqs = (state: MessagesState) => state.list.map((m) => m.seq);

describe('messages slice', () => {
  it('orders by seq and dedupes by id', () => {
    let state = opened([msg(2), msg(1)]);
    state = messagesReducer(state, {
      type: 'messages/received',
      messages: [msg(3), msg(2), msg(1)],
      source: 'sync',
    });
    expect(seqs(state)).toEqual([1, 2, 3]);
    expect(state.lastSeq).toBe(3);
  });

  it('replaces a message with the same clientId (the pending bubble becomes the stored one)', () => {
    const merged = mergeMessages(
      [msg(1, { id: 'temp', clientId: 'client-123' })],
      [msg(1, { id: 'real', clientId: 'client-123' })],
    );
    expect(merged.map((m) => m.id)).toEqual(['real']);
  });

  it('ignores other conversations and agents’ private notes', () => {
    const state = messagesReducer(opened([msg(1)]), {
      type: 'messages/received',
      messages: [msg(2, { conversationId: 'other' }), msg(3, { kind: 'note', author: 'agent' })],
      source: 'live',
    });
    expect(seqs(state)).toEqual([1]);
  });

  it('detects a gap; a live message after it is shown but does not move lastSeq', () => {
    const state = opened([msg(1), msg(2)]);
    expect(hasGap(state, msg(3))).toBe(false);
    expect(hasGap(state, msg(5))).toBe(true);
    const after = messagesReducer(state, { type: 'messages/received', messages: [msg(5)], source: 'live' });
    expect(seqs(after)).toEqual([1, 2, 5]);
    expect(after.lastSeq).toBe(2);
    const synced = messagesReducer(after, {
      type: 'messages/received',
      messages: [msg(3), msg(4), msg(5)],
      source: 'sync',
    });
    expect(synced.lastSeq).toBe(5);
    expect(seqs(synced)).toEqual([1, 2, 3, 4, 5]);
  });

  it('a live message that follows on moves lastSeq', () => {
    const state = messagesReducer(opened([msg(1)]), {
      type: 'messages/received',
      messages: [msg(2)],
      source: 'live',
    });
    expect(state.lastSeq).toBe(2);
  });

  it('keeps its timeline when the session re-initialises on the same conversation, resets on another', () => {
    const state = opened([msg(1), msg(2)]);
    const same = messagesReducer(state, { type: 'session/ready', site, conversation, messages: [] });
    expect(same).toBe(state);
    const other = messagesReducer(state, {
      type: 'session/ready',
      site,
      conversation: { ...conversation, id: 'c2' },
      messages: [msg(1, { id: 'x1', conversationId: 'c2' })],
    });
    expect(other.conversationId).toBe('c2');
    expect(other.list.map((m) => m.id)).toEqual(['x1']);
    const none = messagesReducer(state, { type: 'session/ready', site, conversation: null, messages: [] });
    expect(none).toEqual(initialMessages);
  });
});

describe('root reducer', () => {
  it('returns the same state object when nothing changed', () => {
    const state = initialState();
    expect(rootReducer(state, { type: 'ui/close' })).toBe(state);
  });

  it('a delivered message removes its outbox entry', () => {
    const store = createStore();
    store.dispatch({ type: 'conversation/opened', conversation, messages: [] });
    store.dispatch({
      type: 'outbox/queued',
      item: { clientId: 'client-123', body: 'hi', status: 'pending', error: null },
    });
    store.dispatch({
      type: 'messages/received',
      messages: [msg(1, { author: 'visitor', clientId: 'client-123' })],
      source: 'live',
    });
    expect(store.getState().outbox.items).toEqual([]);
    expect(store.getState().messages.list).toHaveLength(1);
  });

  it('a conversation update for another conversation is ignored', () => {
    const store = createStore();
    store.dispatch({ type: 'conversation/opened', conversation, messages: [] });
    store.dispatch({
      type: 'conversation/updated',
      conversation: { ...conversation, id: 'c9', state: 'queued' },
    });
    expect(store.getState().conversation.current?.state).toBe('bot');
  });
});
