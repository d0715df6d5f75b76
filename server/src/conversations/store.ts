/** Conversation records and the storage ports of the `conversations` and `messages` tables. */
import type {
  AgentAvatar,
  Author,
  ConversationState,
  HandoffReason,
  Locale,
  Message,
  MessageKind,
  MessageMeta,
  OfflineMark,
  Participant,
  ReadPosition,
} from '@frontdesk/shared';
import type { Visitor } from '../identity/store.ts';

/** A conversation joined with its agent's name and its visitor: everything the views need. */
export type ConversationRecord = {
  id: string;
  siteId: string;
  visitorId: string;
  state: ConversationState;
  agentId: string | null;
  agentName: string | null;
  /** Issue 13: the agent's avatar as it is now (null while no agent has it). */
  agentAvatar: AgentAvatar | null;
  locale: Locale;
  lastSeq: number;
  version: number;
  botMisses: number;
  handoffReason: HandoffReason | null;
  lastMessage: { author: Author; body: string; createdAt: string } | null;
  rating: number | null;
  ratingComment: string | null;
  queuedAt: string | null;
  resolvedAt: string | null;
  createdAt: string;
  updatedAt: string;
  visitor: Visitor;
  /** Issue 10 (presence): last taken from the queue, abandoned, and when the visitor was last there. */
  assignedAt: string | null;
  abandonedAt: string | null;
  visitorLastActiveAt: string | null;
  /** Issue 10: left as an offline message (see `isOfflineMessage`); null for a live chat. */
  offline: OfflineMark | null;
  /** Issue 14 (routing): the team it waits for (transferred to a team), or null. */
  teamId: string | null;
};

export type NewMessage = {
  conversationId: string;
  clientId: string | null;
  author: Author;
  authorName: string | null;
  agentId: string | null;
  kind: MessageKind;
  body: string;
  meta: MessageMeta | null;
};

export type AppendOptions = {
  /** Append only while the conversation is in one of these states (the bot stays silent after handoff). */
  requireStates?: readonly ConversationState[];
  /** Append only to this visitor's conversation (ownership checked in the same statement). */
  requireVisitorId?: string;
  /** Append only to a conversation of one of these sites. */
  requireSiteIds?: readonly string[];
  /** Append only while this agent owns the conversation. */
  requireAgentId?: string;
  /**
   * The writer has read up to what they wrote: move their read position to the new message's `seq`
   * in the same transaction (one commit per message instead of two). The stored position comes back
   * as `read` of a `stored` result.
   */
  markWriterRead?: WriterReadMark;
};

/** The writer's read position to set with an append (see `AppendOptions.markWriterRead`). */
export type WriterReadMark = { reader: Participant; agentId: string | null; readAt: string };

export type AppendResult =
  | { status: 'stored'; message: Message; conversation: ConversationRecord; read?: ReadPosition }
  | { status: 'duplicate'; message: Message; conversation: ConversationRecord }
  | { status: 'skipped'; conversation: ConversationRecord };

export type ConversationPatch = {
  state?: ConversationState;
  agentId?: string | null;
  botMisses?: number;
  handoffReason?: HandoffReason | null;
  queuedAt?: string | null;
  resolvedAt?: string | null;
  rating?: number | null;
  ratingComment?: string | null;
  /** Issue 10 (presence). */
  assignedAt?: string | null;
  abandonedAt?: string | null;
  visitorLastActiveAt?: string | null;
  /** Issue 10: mark (or unmark, null) the conversation as an offline message. */
  offline?: OfflineMark | null;
  /** Issue 14 (routing). */
  teamId?: string | null;
};

export type ListConversationsQuery = {
  siteIds: readonly string[];
  state?: ConversationState;
  limit: number;
  /** Issue 10: only conversations updated at or after this time (the agents' "With the bot" list). */
  updatedSince?: string;
};

/** Issue 10: a take-over from the queue, for the wait estimate. */
export type TakeoverSample = { queuedAt: string; assignedAt: string };

export type ConversationsStore = {
  /** The visitor's newest conversation (open or not). */
  getLatestConversation(visitorId: string): Promise<ConversationRecord | null>;
  createConversation(input: {
    siteId: string;
    visitorId: string;
    locale: Locale;
  }): Promise<ConversationRecord>;
  getConversation(id: string): Promise<ConversationRecord | null>;
  listConversations(query: ListConversationsQuery): Promise<ConversationRecord[]>;
  /** How many conversations of the site were queued before this one (0 = first in line). */
  countQueuedBefore(siteId: string, queuedAt: string): Promise<number>;
  // Issue 10 (presence, abandonment, honest waits)
  /** The site's most recent take-overs from the queue (assigned at or after `since`), newest first. */
  recentTakeovers(siteId: string, since: string, limit: number): Promise<TakeoverSample[]>;
  /** How many conversations of the site are assigned right now. */
  countAssigned(siteId: string): Promise<number>;
  /** Queued conversations (any site) whose visitor was last there before `before`, oldest first. */
  listIdleQueued(before: string, limit: number): Promise<ConversationRecord[]>;
  /** Issue 13: the visitor's open (not resolved) conversations speak `locale` from now on; how many changed. */
  setOpenConversationsLocale(visitorId: string, locale: Locale): Promise<number>;
  /** Marks the visitor's open conversations as having their visitor there at `at`. */
  touchVisitorActivity(visitorId: string, at: string): Promise<void>;
  /**
   * Applies a patch if the conversation still has `expectedVersion` and appends the system event
   * message in the same transaction. Returns null when another change won the race.
   */
  updateConversation(
    id: string,
    expectedVersion: number,
    patch: ConversationPatch,
    event: NewMessage | null,
  ): Promise<{ conversation: ConversationRecord; message: Message | null } | null>;
};

export type MessagesStore = {
  /**
   * Appends a message with the next `seq`, atomically. A retry with the same `clientId` returns the
   * original (status `duplicate`); the same `clientId` with another body throws `client_id_conflict`.
   */
  appendMessage(message: NewMessage, options?: AppendOptions): Promise<AppendResult>;
  /**
   * Up to `limit` messages after `afterSeq`, in `seq` order. `excludeKinds` is applied in the query
   * itself, so a page is always full of what the reader may see and paging past hidden rows always
   * advances (a page of private notes can never starve a visitor of the reply behind it).
   */
  listMessages(
    conversationId: string,
    afterSeq: number,
    limit: number,
    options?: { excludeKinds?: readonly MessageKind[] },
  ): Promise<Message[]>;
};
