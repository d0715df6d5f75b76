/**
 * The timeline slice: messages of the current conversation ordered by `seq`, deduplicated by id and
 * by `clientId`, and `lastSeq`, the point the next sync continues from.
 */
import type { Message } from '@frontdesk/shared';
import type { Action } from './actions.ts';

export type MessagesState = {
  conversationId: string | null;
  list: readonly Message[];
  lastSeq: number;
};

export const initialMessages: MessagesState = { conversationId: null, list: [], lastSeq: 0 };

/** Agents' private notes never belong in the visitor's timeline, whatever the server sends. */
const visible = (m: Message) => m.kind !== 'note';

export function mergeMessages(list: readonly Message[], incoming: readonly Message[]): Message[] {
  const byId = new Map<string, Message>();
  const idByClientId = new Map<string, string>();
  for (const message of [...list, ...incoming]) {
    if (message.clientId !== null) {
      const previous = idByClientId.get(message.clientId);
      if (previous !== undefined && previous !== message.id) byId.delete(previous);
      idByClientId.set(message.clientId, message.id);
    }
    byId.set(message.id, message);
  }
  return [...byId.values()].sort((a, b) => a.seq - b.seq);
}

const maxSeq = (messages: readonly Message[], floor: number) =>
  messages.reduce((max, m) => Math.max(max, m.seq), floor);

function reset(conversationId: string | null, messages: readonly Message[]): MessagesState {
  const list = mergeMessages(
    [],
    messages.filter((m) => m.conversationId === conversationId && visible(m)),
  );
  return { conversationId, list, lastSeq: maxSeq(list, 0) };
}

/**
 * A sync page is complete up to its highest `seq`. A live message only moves `lastSeq` when it
 * follows on; one after a gap is shown at once but the next sync still starts before the gap.
 */
function advance(lastSeq: number, messages: readonly Message[], source: 'sync' | 'live'): number {
  if (source === 'sync') return maxSeq(messages, lastSeq);
  let seq = lastSeq;
  for (const message of [...messages].sort((a, b) => a.seq - b.seq)) {
    if (message.seq <= seq + 1) seq = Math.max(seq, message.seq);
  }
  return seq;
}

/** True when a live message skipped some `seq`: what is missing must be fetched before showing it. */
export const hasGap = (state: MessagesState, message: Message): boolean => message.seq > state.lastSeq + 1;

export function messagesReducer(state: MessagesState, action: Action): MessagesState {
  switch (action.type) {
    case 'session/ready': {
      const id = action.conversation?.id ?? null;
      // Same conversation after a reconnect: keep what we hold; the sync that follows fills the rest.
      if (id !== null && id === state.conversationId) return state;
      return reset(id, action.messages);
    }
    case 'conversation/opened':
      if (action.conversation.id !== state.conversationId) {
        return reset(action.conversation.id, action.messages);
      }
      return messagesReducer(state, { type: 'messages/received', messages: action.messages, source: 'sync' });
    case 'messages/received': {
      const mine = action.messages.filter((m) => m.conversationId === state.conversationId && visible(m));
      if (mine.length === 0) return state;
      return {
        ...state,
        list: mergeMessages(state.list, mine),
        lastSeq: advance(state.lastSeq, mine, action.source),
      };
    }
    default:
      return state;
  }
}
