/** The conversation-list slice: every known conversation keyed by id, and its grouping. */
import { type AgentConversation, unreadCount } from '@frontdesk/shared';

export type ConversationsState = {
  byId: Readonly<Record<string, AgentConversation>>;
};

export type ConversationsAction =
  /** A page from `GET /conversations`: never overwrites a newer copy that came over the socket. */
  | { type: 'loaded'; conversations: readonly AgentConversation[] }
  /** `conversationUpdated` (or an ack). Unread counts come from read positions (`unreadCounts`). */
  | { type: 'updated'; conversation: AgentConversation }
  | { type: 'reset' };

export const EMPTY_CONVERSATIONS: ConversationsState = { byId: {} };

const time = (iso: string | null | undefined): number => {
  const value = iso ? Date.parse(iso) : Number.NaN;
  return Number.isNaN(value) ? 0 : value;
};

/** True when `next` is at least as fresh as `prev` (a stale list reply must not undo a live update). */
export function isFresher(prev: AgentConversation | undefined, next: AgentConversation): boolean {
  if (!prev) return true;
  if (next.lastSeq !== prev.lastSeq) return next.lastSeq > prev.lastSeq;
  return time(next.updatedAt) >= time(prev.updatedAt);
}

function upsert(
  byId: Readonly<Record<string, AgentConversation>>,
  conversation: AgentConversation,
): Readonly<Record<string, AgentConversation>> {
  return isFresher(byId[conversation.id], conversation) ? { ...byId, [conversation.id]: conversation } : byId;
}

export function conversationsReducer(
  state: ConversationsState,
  action: ConversationsAction,
): ConversationsState {
  switch (action.type) {
    case 'loaded': {
      let byId = state.byId;
      for (const conversation of action.conversations) byId = upsert(byId, conversation);
      return byId === state.byId ? state : { ...state, byId };
    }
    case 'updated': {
      const byId = upsert(state.byId, action.conversation);
      return byId === state.byId ? state : { byId };
    }
    case 'reset':
      return EMPTY_CONVERSATIONS;
  }
}

/** A conversation that just started waiting for a person: the moment to ring. */
export const enteredQueue = (prev: AgentConversation | undefined, next: AgentConversation): boolean =>
  next.state === 'queued' && prev?.state !== 'queued';

export type SectionId = 'queued' | 'bot' | 'mine' | 'others' | 'resolved' | 'abandoned';
/** Issue 10: abandoned conversations (the visitor left the queue) have their own list, after the open ones. */
export const SECTION_ORDER: readonly SectionId[] = [
  'queued',
  'mine',
  'bot',
  'others',
  'abandoned',
  'resolved',
];
export type Sections = Record<SectionId, AgentConversation[]>;

/** The moment of the last activity, for "newest first" ordering. */
export const activityTime = (c: AgentConversation): number =>
  time(c.lastMessage?.createdAt) || time(c.updatedAt);

const newestFirst = (a: AgentConversation, b: AgentConversation) =>
  activityTime(b) - activityTime(a) || a.id.localeCompare(b.id);
const waitingSince = (c: AgentConversation) => time(c.queuedAt) || time(c.createdAt);
const oldestWaitingFirst = (a: AgentConversation, b: AgentConversation) =>
  waitingSince(a) - waitingSince(b) || a.id.localeCompare(b.id);
const recentlyResolvedFirst = (a: AgentConversation, b: AgentConversation) =>
  (time(b.resolvedAt) || activityTime(b)) - (time(a.resolvedAt) || activityTime(a)) ||
  a.id.localeCompare(b.id);

/** Splits conversations into the list sections: waiting oldest first, resolved capped, the rest newest first. */
export function groupConversations(
  byId: Readonly<Record<string, AgentConversation>>,
  meId: string,
  resolvedLimit = 50,
): Sections {
  const sections: Sections = { queued: [], bot: [], mine: [], others: [], resolved: [], abandoned: [] };
  for (const c of Object.values(byId)) {
    if (c.state === 'assigned') (c.agentId === meId ? sections.mine : sections.others).push(c);
    else sections[c.state].push(c);
  }
  sections.queued.sort(oldestWaitingFirst);
  sections.bot.sort(newestFirst);
  sections.mine.sort(newestFirst);
  sections.others.sort(newestFirst);
  sections.resolved.sort(recentlyResolvedFirst);
  sections.abandoned.sort(newestFirst);
  sections.resolved.length = Math.min(sections.resolved.length, resolvedLimit);
  return sections;
}

/**
 * Issue 13: unread counts from this agent's read positions: messages after the position, in the
 * lists where someone is meant to read (waiting, and the agent's own); elsewhere none are counted.
 */
export function unreadCounts(
  sections: Sections,
  ownReads: Readonly<Record<string, number>>,
): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const c of [...sections.queued, ...sections.mine]) {
    const count = unreadCount(c.lastSeq, ownReads[c.id] ?? 0);
    if (count > 0) counts[c.id] = count;
  }
  return counts;
}

export const waitingCount = (byId: Readonly<Record<string, AgentConversation>>): number =>
  Object.values(byId).filter((c) => c.state === 'queued').length;
