/** Test data builders for conversations and messages (tests only). */
import type { AgentConversation, Message } from '@frontdesk/shared';

export const T0 = Date.parse('2025-03-01T10:00:00.000Z');
export const at = (minutes: number): string => new Date(T0 + minutes * 60_000).toISOString();

export function conversation(id: string, patch: Partial<AgentConversation> = {}): AgentConversation {
  return {
    id,
    siteId: 'site1',
    state: 'bot',
    agentId: null,
    agentName: null,
    visitor: { id: `v-${id}-abcdef`, name: null, email: null, verified: false },
    locale: 'en',
    lastSeq: 1,
    lastMessage: { author: 'visitor', body: `hello from ${id}`, createdAt: at(0) },
    page: null,
    userAgent: null,
    rating: null,
    ratingComment: null,
    handoffReason: null,
    queuedAt: null,
    createdAt: at(0),
    updatedAt: at(0),
    resolvedAt: null,
    ...patch,
  };
}

export function message(seq: number, patch: Partial<Message> = {}): Message {
  return {
    id: `m${seq}`,
    conversationId: 'c1',
    seq,
    clientId: null,
    author: 'visitor',
    authorName: null,
    kind: 'text',
    body: `message ${seq}`,
    meta: null,
    createdAt: at(seq),
    ...patch,
  };
}
