/** Row ↔ record mapping, kept apart from the queries. */
import {
  agentAvatar,
  type HandoffReason,
  type Locale,
  type Message,
  type OfflineAnswer,
  type OfflineReason,
} from '@frontdesk/shared';
import type { Selectable } from 'kysely';
import type { BotMiss, FaqRecord } from '../bot/store.ts';
import type { ConversationRecord } from '../conversations/store.ts';
import type { Agent, Visitor } from '../identity/store.ts';
import { readSiteSettings } from '../sites/settings.ts';
import type { Site } from '../sites/store.ts';
import type {
  AgentTable,
  BotMissTable,
  ConversationTable,
  FaqTable,
  MessageTable,
  SiteTable,
  VisitorTable,
} from './schema.ts';

const parseJson = <T>(text: string | null, fallback: T): T => (text ? (JSON.parse(text) as T) : fallback);

export const toSite = (row: Omit<Selectable<SiteTable>, 'archived'> & { archived?: number }): Site => ({
  id: row.id,
  key: row.key,
  name: row.name,
  allowedOrigins: parseJson<string[]>(row.allowed_origins, []),
  settings: readSiteSettings(parseJson<unknown>(row.settings, {})),
  archived: Boolean(row.archived),
  createdAt: row.created_at,
});

export const toAgent = (
  row: Omit<Selectable<AgentTable>, 'must_change_password'> & { must_change_password?: number },
): Agent => ({
  id: row.id,
  email: row.email,
  name: row.name,
  role: row.role,
  passwordHash: row.password_hash,
  disabled: Boolean(row.disabled),
  avatarColor: row.avatar_color ?? null,
  avatarImageId: row.avatar_image_id ?? null,
  mustChangePassword: Boolean(row.must_change_password),
  createdAt: row.created_at,
});

type VisitorColumns =
  | 'id'
  | 'site_id'
  | 'name'
  | 'email'
  | 'verified'
  | 'locale'
  | 'user_agent'
  | 'page_url'
  | 'page_title'
  | 'created_at'
  | 'last_seen_at';

export const toVisitor = (row: Pick<Selectable<VisitorTable>, VisitorColumns>): Visitor => ({
  id: row.id,
  siteId: row.site_id,
  name: row.name,
  email: row.email,
  verified: Boolean(row.verified),
  locale: row.locale,
  userAgent: row.user_agent,
  pageUrl: row.page_url,
  pageTitle: row.page_title,
  createdAt: row.created_at,
  lastSeenAt: row.last_seen_at,
});

/** The columns `toMessage` reads. */
export const MESSAGE_COLUMNS = [
  'id',
  'conversation_id',
  'seq',
  'client_id',
  'author',
  'author_name',
  'agent_id',
  'kind',
  'body',
  'meta',
  'created_at',
] as const satisfies readonly (keyof MessageTable)[];

export const toMessage = (row: Selectable<MessageTable>): Message => ({
  id: row.id,
  conversationId: row.conversation_id,
  seq: Number(row.seq),
  clientId: row.client_id,
  author: row.author,
  authorName: row.author_name,
  kind: row.kind,
  body: row.body,
  meta: parseJson(row.meta, null),
  createdAt: row.created_at,
});

/** A message row joined with its agent's avatar columns (`listMessages`). */
export type MessageWithAvatarRow = Selectable<MessageTable> & {
  a_avatar_color: string | null;
  a_avatar_image_id: string | null;
  /** The agent still exists (a removed agent's replies keep their name and get initials). */
  a_id: string | null;
};

/** Issue 13: an agent's reply (text or file, not a note) carries its author's avatar as it is now. */
export function toMessageWithAvatar(row: MessageWithAvatarRow): Message {
  const message = toMessage(row);
  if (row.author !== 'agent' || row.kind === 'note' || !row.a_id) return message;
  return { ...message, avatar: agentAvatar(row.a_avatar_color, row.a_avatar_image_id) };
}

export const toFaq = (row: Selectable<FaqTable>): FaqRecord => ({
  id: row.id,
  lang: row.lang as Locale,
  question: row.question,
  examples: parseJson<string[]>(row.examples, []),
  answer: row.answer,
  tags: parseJson<string[]>(row.tags, []),
  updatedAt: row.updated_at,
});

export const toBotMiss = (row: Selectable<BotMissTable>): BotMiss => ({
  siteId: row.site_id,
  messageId: row.message_id,
  conversationId: row.conversation_id,
  lang: row.lang as Locale,
  text: row.text,
  createdAt: row.created_at,
  dismissedAt: row.dismissed_at,
  faqId: row.faq_id,
});

/** Visitor columns selected alongside a conversation, prefixed `v_`. */
export type JoinedConversationRow = Selectable<ConversationTable> & {
  agent_name: string | null;
  /** Issue 13: the agent's avatar. */
  agent_avatar_color: string | null;
  agent_avatar_image_id: string | null;
  v_name: string | null;
  v_email: string | null;
  v_verified: number;
  v_locale: string | null;
  v_user_agent: string | null;
  v_page_url: string | null;
  v_page_title: string | null;
  v_created_at: string;
  v_last_seen_at: string;
};

export const toConversation = (row: JoinedConversationRow): ConversationRecord => ({
  id: row.id,
  siteId: row.site_id,
  visitorId: row.visitor_id,
  state: row.state,
  agentId: row.agent_id,
  agentName: row.agent_name,
  agentAvatar: row.agent_id ? agentAvatar(row.agent_avatar_color, row.agent_avatar_image_id) : null,
  locale: row.locale as Locale,
  lastSeq: Number(row.last_seq),
  version: Number(row.version),
  botMisses: Number(row.bot_misses),
  handoffReason: row.handoff_reason as HandoffReason | null,
  lastMessage:
    row.last_message_author && row.last_message_at
      ? {
          author: row.last_message_author as Message['author'],
          body: row.last_message_body ?? '',
          createdAt: row.last_message_at,
        }
      : null,
  rating: row.rating === null ? null : Number(row.rating),
  ratingComment: row.rating_comment,
  queuedAt: row.queued_at,
  resolvedAt: row.resolved_at,
  assignedAt: row.assigned_at ?? null,
  abandonedAt: row.abandoned_at ?? null,
  visitorLastActiveAt: row.visitor_last_active_at ?? null,
  teamId: row.team_id ?? null,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  offline:
    row.offline_at && row.offline_reason
      ? {
          at: row.offline_at,
          reason: row.offline_reason as OfflineReason,
          answers: parseJson<OfflineAnswer[]>(row.offline_answers ?? null, []),
        }
      : null,
  visitor: {
    id: row.visitor_id,
    siteId: row.site_id,
    name: row.v_name,
    email: row.v_email,
    verified: Boolean(row.v_verified),
    locale: row.v_locale,
    userAgent: row.v_user_agent,
    pageUrl: row.v_page_url,
    pageTitle: row.v_page_title,
    createdAt: row.v_created_at,
    lastSeenAt: row.v_last_seen_at,
  },
});
