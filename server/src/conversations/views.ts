/** Records → the shapes each audience may see. Visitors never see notes or the bot's match details. */
import type {
  AgentConversation,
  Message,
  MessageKind,
  QueueInfo,
  VisitorConversation,
} from '@frontdesk/shared';
import type { ConversationRecord } from './store.ts';

export function toVisitorConversation(
  c: ConversationRecord,
  queueInfo: QueueInfo | null,
): VisitorConversation {
  const queue: QueueInfo | null = c.state === 'queued' ? queueInfo : null;
  return {
    id: c.id,
    state: c.state,
    agentName: c.state === 'assigned' ? c.agentName : null,
    agentAvatar: c.state === 'assigned' ? c.agentAvatar : null,
    lastSeq: c.lastSeq,
    rating: c.rating,
    queue,
    createdAt: c.createdAt,
    // Issue 10: the visitor's own e-mail, for "we'll reply to …".
    offline: c.offline ? { reason: c.offline.reason, email: c.visitor.email } : null,
  };
}

export function toAgentConversation(c: ConversationRecord): AgentConversation {
  return {
    id: c.id,
    siteId: c.siteId,
    state: c.state,
    agentId: c.agentId,
    agentName: c.agentName,
    visitor: { id: c.visitor.id, name: c.visitor.name, email: c.visitor.email, verified: c.visitor.verified },
    locale: c.locale,
    lastSeq: c.lastSeq,
    lastMessage: c.lastMessage,
    page: c.visitor.pageUrl ? { url: c.visitor.pageUrl, title: c.visitor.pageTitle ?? '' } : null,
    userAgent: c.visitor.userAgent,
    rating: c.rating,
    ratingComment: c.ratingComment,
    handoffReason: c.handoffReason,
    queuedAt: c.queuedAt,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    resolvedAt: c.resolvedAt,
    offline: c.offline,
  };
}

/** Kinds only agents see (private notes); storage leaves them out of a visitor's pages. */
export const HIDDEN_FROM_VISITORS: readonly MessageKind[] = ['note'];

export const isVisibleToVisitor = (m: Message): boolean => !HIDDEN_FROM_VISITORS.includes(m.kind);

/** Strips what only agents may see (the bot's scores and candidates). */
export function toVisitorMessage(m: Message): Message {
  // Issue 17: the writing agent's id is for agents only (as their read positions are).
  const { authorId: _agent, ...visible } = m;
  const out = m.authorId === undefined ? m : visible;
  if (!out.meta?.bot) return out;
  const { bot: _hidden, ...meta } = out.meta;
  return { ...out, meta };
}

/**
 * Issue 13: a reply as it is pushed live, with its author's avatar read with the conversation right
 * after the append (the guard made that author the conversation's agent), as history pages have it.
 */
export function withAuthorAvatar(m: Message, c: ConversationRecord, authorId: string): Message {
  if (m.author !== 'agent' || m.kind === 'note' || c.agentId !== authorId || !c.agentAvatar) return m;
  return { ...m, avatar: c.agentAvatar };
}
