/** The storage contract: one interface, engines behind it (SQLite now, PostgreSQL next). */
import type {
  AgentRole,
  Author,
  ConversationState,
  FaqEntry,
  HandoffReason,
  Locale,
  Message,
  MessageKind,
  MessageMeta,
  QuickReply,
} from '@frontdesk/shared';

export type SiteSettings = {
  color: string;
  defaultLocale: Locale | null;
  greeting: Partial<Record<Locale, string>>;
  quickReplies: Partial<Record<Locale, QuickReply[]>>;
  botMissesBeforeHandoff: number;
  escalationPhrases: string[];
  /** Confidence the bot needs to answer; null = the engine's frozen default. */
  answerThreshold: number | null;
};

export type Site = {
  id: string;
  key: string;
  name: string;
  allowedOrigins: string[];
  settings: SiteSettings;
  createdAt: string;
};

export type Agent = {
  id: string;
  email: string;
  name: string;
  role: AgentRole;
  passwordHash: string;
  disabled: boolean;
  createdAt: string;
};

export type Visitor = {
  id: string;
  siteId: string;
  name: string | null;
  email: string | null;
  verified: boolean;
  locale: string | null;
  userAgent: string | null;
  pageUrl: string | null;
  pageTitle: string | null;
  createdAt: string;
  lastSeenAt: string;
};

/** A conversation joined with its agent's name and its visitor: everything the DTOs need. */
export type ConversationRecord = {
  id: string;
  siteId: string;
  visitorId: string;
  state: ConversationState;
  agentId: string | null;
  agentName: string | null;
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
};

export type AppendResult =
  | { status: 'stored'; message: Message; conversation: ConversationRecord }
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
};

export type ListConversationsQuery = {
  siteIds: readonly string[];
  state?: ConversationState;
  limit: number;
};

export type Storage = {
  migrate(): Promise<void>;
  close(): Promise<void>;
  /** Cheap round trip for readiness checks. */
  ping(): Promise<void>;

  createSite(input: Omit<Site, 'id' | 'createdAt'>): Promise<Site>;
  getSiteByKey(key: string): Promise<Site | null>;
  getSite(id: string): Promise<Site | null>;

  createAgent(input: {
    email: string;
    name: string;
    role: AgentRole;
    passwordHash: string;
    siteIds: readonly string[];
  }): Promise<Agent>;
  getAgent(id: string): Promise<Agent | null>;
  getAgentByEmail(email: string): Promise<Agent | null>;
  countAgents(): Promise<number>;
  listAgentSiteIds(agentId: string): Promise<string[]>;
  listSitesOfAgent(agentId: string): Promise<Site[]>;

  /** Changes an agent's account; null for an unknown id. */
  updateAgent(id: string, patch: AgentPatch): Promise<Agent | null>;

  createSession(input: { tokenHash: string; agentId: string; expiresAt: string }): Promise<void>;
  getSession(tokenHash: string): Promise<{ agentId: string; expiresAt: string } | null>;
  deleteSession(tokenHash: string): Promise<void>;
  /** Deletes every session of an agent (but `exceptTokenHash`); returns the token hashes deleted. */
  deleteAgentSessions(agentId: string, exceptTokenHash?: string): Promise<string[]>;
  /** Of these token hashes, the sessions still alive at `now`: present, unexpired, agent not disabled. */
  filterLiveSessions(tokenHashes: readonly string[], now: string): Promise<string[]>;

  createVisitor(input: { siteId: string; tokenHash: string }): Promise<Visitor>;
  getVisitorByToken(siteId: string, tokenHash: string): Promise<Visitor | null>;
  updateVisitor(
    id: string,
    patch: Partial<Pick<Visitor, 'locale' | 'userAgent' | 'pageUrl' | 'pageTitle'>>,
  ): Promise<void>;

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

  /** Replaces the given fields; `settings` is replaced whole (merge before calling). Null for an unknown site. */
  updateSite(id: string, patch: SitePatch): Promise<Site | null>;

  listFaqs(siteId: string): Promise<FaqRecord[]>;
  upsertFaq(siteId: string, faq: Omit<FaqRecord, 'updatedAt'>): Promise<FaqRecord>;
  /** False when the site has no such entry. */
  deleteFaq(siteId: string, id: string): Promise<boolean>;

  /** Records a visitor message the bot missed; recording the same message again changes nothing. */
  recordBotMiss(miss: NewBotMiss): Promise<void>;
  /** Misses not dismissed yet, newest first. */
  listOpenBotMisses(siteId: string, limit: number): Promise<BotMiss[]>;
  /** Dismisses the site's open misses among `messageIds` (with the entry they became part of); returns how many. */
  dismissBotMisses(siteId: string, messageIds: readonly string[], faqId: string | null): Promise<number>;
};

export type AgentPatch = Partial<Pick<Agent, 'name' | 'role' | 'passwordHash' | 'disabled'>>;

export type SitePatch = Partial<Pick<Site, 'name' | 'allowedOrigins' | 'settings'>>;

export type NewBotMiss = {
  siteId: string;
  messageId: string;
  conversationId: string;
  lang: Locale;
  text: string;
};

export type BotMiss = NewBotMiss & { createdAt: string; dismissedAt: string | null; faqId: string | null };

/** Stored FAQ entries have exactly the shape the API shows. */
export type FaqRecord = FaqEntry;
