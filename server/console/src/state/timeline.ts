/** The open conversation's timeline: committed messages in `seq` order plus the agent's unacknowledged sends. */
import type { Message } from '@frontdesk/shared';

export type OutgoingKind = 'text' | 'note';
export type PendingMessage = {
  clientId: string;
  body: string;
  kind: OutgoingKind;
  status: 'sending' | 'failed';
  createdAt: string;
};

export type TimelineState = {
  conversationId: string | null;
  messages: readonly Message[];
  pending: readonly PendingMessage[];
  loading: boolean;
};

export type TimelineAction =
  | { type: 'open'; conversationId: string | null }
  | { type: 'merge'; conversationId: string; messages: readonly Message[]; done?: boolean }
  | { type: 'pendingAdd'; pending: PendingMessage }
  | { type: 'pendingStatus'; clientId: string; status: PendingMessage['status'] };

export const EMPTY_TIMELINE: TimelineState = {
  conversationId: null,
  messages: [],
  pending: [],
  loading: false,
};

/** Merges by `seq`, once per id and once per `clientId`: replays, syncs and live events may overlap. */
export function mergeMessages(
  existing: readonly Message[],
  incoming: readonly Message[],
): readonly Message[] {
  if (incoming.length === 0) return existing;
  const ids = new Set(existing.map((m) => m.id));
  const clientIds = new Set(existing.flatMap((m) => (m.clientId ? [m.clientId] : [])));
  const added: Message[] = [];
  for (const message of incoming) {
    if (ids.has(message.id) || (message.clientId && clientIds.has(message.clientId))) continue;
    ids.add(message.id);
    if (message.clientId) clientIds.add(message.clientId);
    added.push(message);
  }
  if (added.length === 0) return existing;
  return [...existing, ...added].sort((a, b) => a.seq - b.seq);
}

export function timelineReducer(state: TimelineState, action: TimelineAction): TimelineState {
  switch (action.type) {
    case 'open':
      return {
        conversationId: action.conversationId,
        messages: [],
        pending: [],
        loading: action.conversationId !== null,
      };
    case 'merge': {
      if (action.conversationId !== state.conversationId) return state;
      const messages = mergeMessages(state.messages, action.messages);
      const committed = new Set(messages.flatMap((m) => (m.clientId ? [m.clientId] : [])));
      const pending = state.pending.filter((p) => !committed.has(p.clientId));
      const loading = action.done ? false : state.loading;
      if (
        messages === state.messages &&
        pending.length === state.pending.length &&
        loading === state.loading
      ) {
        return state;
      }
      return { ...state, messages, pending, loading };
    }
    case 'pendingAdd':
      return { ...state, pending: [...state.pending, action.pending] };
    case 'pendingStatus':
      return {
        ...state,
        pending: state.pending.map((p) =>
          p.clientId === action.clientId ? { ...p, status: action.status } : p,
        ),
      };
  }
}

/** The highest `seq` held: what to ask the server to continue from. */
export const lastSeq = (state: TimelineState): number => state.messages.at(-1)?.seq ?? 0;
