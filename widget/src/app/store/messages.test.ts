import type { Message, VisitorConversation, WidgetSite } from '@frontdesk/shared';
import { message as msg } from '@frontdesk/shared/client/testing';
import { describe, expect, it } from 'vitest';
import { initialMessages, type MessagesState, messagesReducer } from './messages.ts';
import { createStore, initialState, rootReducer } from './store.ts';

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
const seqs = (state: MessagesState) => state.messages.map((m) => m.seq);

describe('messages slice (merging itself: the client core’s timeline tests)', () => {
  it('ignores other conversations and agents’ private notes', () => {
    const state = messagesReducer(opened([msg(1)]), {
      type: 'messages/received',
      messages: [msg(2, { conversationId: 'other' }), msg(3, { kind: 'note', author: 'agent' })],
      source: 'live',
    });
    expect(seqs(state)).toEqual([1]);
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
    expect(other.messages.map((m) => m.id)).toEqual(['x1']);
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
    expect(store.getState().messages.messages).toHaveLength(1);
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
