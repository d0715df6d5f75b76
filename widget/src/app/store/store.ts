/** One store per mount: the slices combined in the client core's store. No module-level state. */
import { type Store as CoreStore, createStore as createCoreStore } from '@frontdesk/shared/client';
import type { Action } from './actions.ts';
import { type ConnectionState, connectionReducer, initialConnection } from './connection.ts';
import { type ConversationSlice, conversationReducer, initialConversation } from './conversation.ts';
import { initialLive, type LiveState, liveReducer } from './live.ts';
import { initialMessages, type MessagesState, messagesReducer } from './messages.ts';
import { initialOutbox, type OutboxState, outboxReducer } from './outbox.ts';
import { initialUi, type UiState, uiReducer } from './ui.ts';
import { nextSeen } from './unread.ts';

export type State = {
  connection: ConnectionState;
  conversation: ConversationSlice;
  messages: MessagesState;
  outbox: OutboxState;
  ui: UiState;
  /** Issue 13: typing and read positions. */
  live: LiveState;
};

export function initialState(overrides: Partial<State> = {}): State {
  return {
    connection: initialConnection,
    conversation: initialConversation,
    messages: initialMessages,
    outbox: initialOutbox,
    ui: initialUi,
    live: initialLive,
    ...overrides,
  };
}

export function rootReducer(state: State, action: Action): State {
  const next: State = {
    connection: connectionReducer(state.connection, action),
    conversation: conversationReducer(state.conversation, action),
    messages: messagesReducer(state.messages, action),
    outbox: outboxReducer(state.outbox, action),
    ui: uiReducer(state.ui, action),
    live: liveReducer(state.live, action, state.conversation.current?.id ?? null),
  };
  const seen = nextSeen(next.ui, next.messages, next.connection.ready);
  if (seen !== next.ui.seen) next.ui = { ...next.ui, seen };
  const changed = (Object.keys(next) as (keyof State)[]).some((key) => next[key] !== state[key]);
  return changed ? next : state;
}

export type Store = CoreStore<State, Action>;

export const createStore = (initial: State = initialState()): Store => createCoreStore(rootReducer, initial);
