/**
 * The timeline slice: the current conversation's messages as the client core's `Timeline` (merged by
 * `seq`, each message once, `lastSeq` where the next sync continues), without agents' private notes.
 */

import type { Message } from '@frontdesk/shared';
import { openTimeline, receive, type Timeline } from '@frontdesk/shared/client';
import type { Action } from './actions.ts';

export type MessagesState = Timeline;

export const initialMessages: MessagesState = openTimeline(null);

/** Agents' private notes never belong in the visitor's timeline, whatever the server sends. */
const visible = (messages: readonly Message[]) => messages.filter((m) => m.kind !== 'note');

export function messagesReducer(state: MessagesState, action: Action): MessagesState {
  switch (action.type) {
    case 'session/ready': {
      const id = action.conversation?.id ?? null;
      // Same conversation after a reconnect: keep what we hold; the sync that follows fills the rest.
      if (id !== null && id === state.conversationId) return state;
      return openTimeline(id, visible(action.messages));
    }
    case 'conversation/opened':
      return action.conversation.id === state.conversationId
        ? receive(state, visible(action.messages), 'sync')
        : openTimeline(action.conversation.id, visible(action.messages));
    case 'messages/received':
      return receive(state, visible(action.messages), action.source);
    case 'session/cleared':
      return initialMessages;
    default:
      return state;
  }
}
