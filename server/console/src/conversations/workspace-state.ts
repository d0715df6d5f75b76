/**
 * The conversations workspace as plain state: the lists, the connection, the open conversation's
 * timeline (the client core's, merged by `seq`) and what the agent wrote but the server has not
 * acknowledged yet (the core's outbox, across conversations). One reducer, no framework.
 */
import {
  type AgentConversation,
  type ErrorBody,
  type ErrorCode,
  LIMITS,
  type Message,
  type ReadPosition,
  type TypingNotice,
} from '@frontdesk/shared';
import {
  enqueue,
  type OutboxItem,
  type OutboxStatus,
  openTimeline,
  receive,
  type Source,
  setStatus,
  type Timeline,
  withoutDelivered,
} from '@frontdesk/shared/client';
import { type ConversationsState, conversationsReducer, EMPTY_CONVERSATIONS } from './lists.ts';

export type Connection = 'connecting' | 'online' | 'offline';
export type OutgoingKind = 'text' | 'note';
/** A reply or private note on its way: sent in order, retried with its `clientId` until acknowledged. */
export type Outgoing = OutboxItem<{ conversationId: string; kind: OutgoingKind; createdAt: string }>;

/** More than anyone types by hand while cut off; past it the oldest unsent are dropped. */
export const OUTGOING_MAX = 100;

export type WorkspaceState = {
  lists: ConversationsState;
  connection: Connection;
  selectedId: string | null;
  /** The selected conversation's messages (empty while nothing is selected). */
  timeline: Timeline;
  /** The selected conversation's first page has not arrived yet. */
  loading: boolean;
  outbox: readonly Outgoing[];
  /** The last take / return / resolve or send that failed, shown until dismissed. */
  actionError: ErrorBody | null;
  /** Issue 13: this agent's read position per conversation (the lists' unread counts). */
  ownReads: Readonly<Record<string, number>>;
  /** Issue 13: how far the visitor of the selected conversation has read. */
  visitorRead: number;
  /** Issue 13: the selected conversation's visitor is typing (their draft with the sneak peek), until. */
  visitorTyping: { draft: string | null; until: number } | null;
};

export const INITIAL_WORKSPACE: WorkspaceState = {
  lists: EMPTY_CONVERSATIONS,
  connection: 'connecting',
  selectedId: null,
  timeline: openTimeline(null),
  loading: false,
  outbox: [],
  actionError: null,
  ownReads: {},
  visitorRead: 0,
  visitorTyping: null,
};

export type WorkspaceAction =
  | { type: 'connection'; connection: Connection }
  /** A list page (`GET conversations`): never overwrites a newer copy that came over the socket. */
  | { type: 'loaded'; conversations: readonly AgentConversation[] }
  /** A conversation changed (pushed or in an ack). */
  | { type: 'updated'; conversation: AgentConversation }
  | { type: 'selected'; id: string | null }
  /**
   * Messages of `conversationId` from a watch or sync page (`done`: the first page is in) or live
   * (an event or a send ack); they also settle the outbox items they carry.
   */
  | { type: 'received'; conversationId: string; messages: readonly Message[]; source: Source; done?: boolean }
  | { type: 'queued'; item: Outgoing }
  | { type: 'outgoing'; clientId: string; status: OutboxStatus; code?: ErrorCode | null }
  | { type: 'error'; error: ErrorBody | null }
  // Issue 13 (typing, read receipts):
  /** This agent's positions from a list page or a watch (never moved back). */
  | { type: 'ownReads'; reads: Readonly<Record<string, number>> }
  /** A stored position moved: this agent's own (any tab) or the visitor's. */
  | { type: 'read'; position: ReadPosition }
  /** The selected conversation's positions from a watch or a sync. */
  | { type: 'reads'; conversationId: string; visitor: number }
  | { type: 'typing'; notice: TypingNotice; at: number }
  | { type: 'expire'; now: number };

function withOwnReads(
  current: Readonly<Record<string, number>>,
  reads: Readonly<Record<string, number>>,
): Readonly<Record<string, number>> {
  let next = current;
  for (const [id, seq] of Object.entries(reads)) {
    if (seq > (next[id] ?? 0)) next = { ...next, [id]: seq };
  }
  return next;
}

export function workspaceReducer(state: WorkspaceState, action: WorkspaceAction): WorkspaceState {
  switch (action.type) {
    case 'connection':
      return state.connection === action.connection ? state : { ...state, connection: action.connection };
    case 'loaded': {
      const lists = conversationsReducer(state.lists, action);
      return lists === state.lists ? state : { ...state, lists };
    }
    case 'updated': {
      const lists = conversationsReducer(state.lists, action);
      return lists === state.lists ? state : { ...state, lists };
    }
    case 'selected':
      if (action.id === state.selectedId) return state;
      return {
        ...state,
        selectedId: action.id,
        timeline: openTimeline(action.id),
        loading: action.id !== null,
        actionError: null,
        visitorRead: 0,
        visitorTyping: null,
      };
    case 'received': {
      const timeline = receive(state.timeline, action.messages, action.source);
      const outbox = withoutDelivered(state.outbox, action.messages);
      const loading = state.loading && !(action.done && action.conversationId === state.selectedId);
      // Issue 13: the visitor's message is what they were typing.
      const wrote = action.messages.some(
        (m) => m.author === 'visitor' && m.conversationId === state.selectedId,
      );
      const visitorTyping = wrote ? null : state.visitorTyping;
      if (
        timeline === state.timeline &&
        outbox === state.outbox &&
        loading === state.loading &&
        visitorTyping === state.visitorTyping
      )
        return state;
      return { ...state, timeline, outbox, loading, visitorTyping };
    }
    case 'queued':
      return { ...state, outbox: enqueue(state.outbox, action.item, OUTGOING_MAX) };
    case 'outgoing':
      return { ...state, outbox: setStatus(state.outbox, action.clientId, action.status, action.code) };
    case 'error':
      return state.actionError === action.error ? state : { ...state, actionError: action.error };
    case 'ownReads': {
      const ownReads = withOwnReads(state.ownReads, action.reads);
      return ownReads === state.ownReads ? state : { ...state, ownReads };
    }
    case 'read': {
      const { position: p } = action;
      if (p.reader === 'agent')
        return workspaceReducer(state, { type: 'ownReads', reads: { [p.conversationId]: p.seq } });
      return p.conversationId === state.selectedId && p.seq > state.visitorRead
        ? { ...state, visitorRead: p.seq }
        : state;
    }
    case 'reads':
      return action.conversationId === state.selectedId && action.visitor > state.visitorRead
        ? { ...state, visitorRead: action.visitor }
        : state;
    case 'typing': {
      const { notice, at } = action;
      if (notice.conversationId !== state.selectedId || notice.author !== 'visitor') return state;
      if (!notice.typing) return state.visitorTyping ? { ...state, visitorTyping: null } : state;
      return { ...state, visitorTyping: { draft: notice.draft ?? null, until: at + LIMITS.typingExpiryMs } };
    }
    case 'expire':
      return state.visitorTyping && state.visitorTyping.until <= action.now
        ? { ...state, visitorTyping: null }
        : state;
  }
}

/** The selected conversation's unacknowledged sends, in the order they were written. */
export const pendingOf = (state: WorkspaceState): readonly Outgoing[] =>
  state.outbox.filter((item) => item.conversationId === state.selectedId);
