/**
 * Issue 13: the live slice: whether an agent is typing (until when: an indicator not refreshed in
 * `LIMITS.typingExpiryMs` is cleared) and the read positions of the current conversation.
 */
import { LIMITS, type ReadSummary } from '@frontdesk/shared';
import { readsAfter } from '@frontdesk/shared/client';
import type { Action } from './actions.ts';

export type LiveState = {
  /** The agent typing and when the indicator lapses (ms since the epoch, the caller's clock). */
  typing: { name: string; until: number } | null;
  /** How far the visitor and the furthest agent have read (the visitor's own: across their tabs). */
  reads: ReadSummary;
};

export const initialLive: LiveState = { typing: null, reads: { visitor: 0, agent: 0 } };

const maxReads = (a: ReadSummary, b: ReadSummary): ReadSummary =>
  b.visitor <= a.visitor && b.agent <= a.agent
    ? a
    : { visitor: Math.max(a.visitor, b.visitor), agent: Math.max(a.agent, b.agent) };

export function liveReducer(state: LiveState, action: Action, conversationId: string | null): LiveState {
  switch (action.type) {
    case 'session/ready':
      return { typing: null, reads: action.reads ?? initialLive.reads };
    case 'conversation/opened':
      return action.conversation.id === conversationId ? state : initialLive;
    case 'live/reads':
      return action.conversationId === conversationId
        ? { ...state, reads: maxReads(state.reads, action.reads) }
        : state;
    case 'live/typing': {
      const { notice, at } = action;
      if (notice.conversationId !== conversationId || notice.author !== 'agent') return state;
      if (!notice.typing) return state.typing ? { ...state, typing: null } : state;
      return { ...state, typing: { name: notice.name ?? '', until: at + LIMITS.typingExpiryMs } };
    }
    case 'live/expire':
      return state.typing && state.typing.until <= action.now ? { ...state, typing: null } : state;
    case 'messages/received': {
      // Issue 17: a writer has read up to their message (the server sends no read receipt for it).
      const reads = readsAfter(
        state.reads,
        action.messages.filter((m) => m.conversationId === conversationId),
      );
      // The agent's message is what they were typing: the indicator goes with it.
      const typing = state.typing && action.messages.some((m) => m.author === 'agent') ? null : state.typing;
      return reads === state.reads && typing === state.typing ? state : { ...state, reads, typing };
    }
    default:
      return state;
  }
}
