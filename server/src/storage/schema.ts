/** Table shapes as Kysely sees them. Timestamps are ISO-8601 UTC strings (sortable, portable). */
import type { ConversationState } from '@frontdesk/shared';
import type { Generated } from 'kysely';
import type { ApiTables } from './api-schema.ts';

export type SiteTable = {
  id: string;
  key: string;
  name: string;
  allowed_origins: string; // JSON string[]
  settings: string; // JSON SiteSettings
  archived: Generated<number>;
  created_at: string;
};

export type AgentTable = {
  id: string;
  email: string;
  name: string;
  role: 'admin' | 'agent';
  password_hash: string;
  disabled: number;
  avatar_color: string | null;
  avatar_image_id: string | null;
  must_change_password: Generated<number>;
  created_at: string;
  /** Issue 14 (routing): own capacity (null: the site's default) and the round-robin column. */
  capacity: Generated<number | null>;
  last_assigned_at: Generated<string | null>;
  /** Issue 14 (away persisted): 1 when the agent chose Away. */
  away: Generated<number>;
  /** Issue 14 (durable offline return): when the agent went offline, and a node's claim on the return. */
  offline_since: Generated<string | null>;
  offline_claimed_until: Generated<string | null>;
};

export type ImageTable = {
  id: string;
  content_type: string;
  data: Uint8Array;
  width: number;
  height: number;
  created_at: string;
};

export type AgentSiteTable = { agent_id: string; site_id: string };

export type SessionTable = {
  token_hash: string;
  agent_id: string;
  created_at: string;
  expires_at: string;
};

export type VisitorTable = {
  id: string;
  site_id: string;
  token_hash: string;
  name: string | null;
  email: string | null;
  verified: number;
  locale: string | null;
  user_agent: string | null;
  page_url: string | null;
  page_title: string | null;
  created_at: string;
  last_seen_at: string;
  /** Issue 12 (contacts). */
  identity: Generated<'anonymous' | 'unverified' | 'verified'>;
  user_id: string | null;
  phone: string | null;
  time_zone: string | null;
  browser: string | null;
  os: string | null;
  /** Set on an anonymous device merged into a customer's contact: its token opens that contact. */
  merged_into: string | null;
  erased_at: string | null;
  /** lower(name e-mail user id): what the Contacts page searches. */
  search_text: string | null;
};

/** Issue 12 (contacts). */
export type ContactAttributeTable = {
  visitor_id: string;
  /** The contact's site (0016): attribute search reads `(site_id, key, search_value)` from an index. */
  site_id: string;
  key: string;
  type: string;
  value: string;
  /** `attributeSearchValue(value)`: folded, at most `ATTRIBUTE_SEARCH_MAX` long (null only before 0015). */
  search_value: string | null;
};
export type ContactTagTable = { visitor_id: string; site_id: string; tag: string };
export type ContactNoteTable = {
  id: string;
  visitor_id: string;
  agent_id: string | null;
  author_name: string | null;
  body: string;
  created_at: string;
};
export type PageTrailTable = { id: string; visitor_id: string; url: string; title: string; at: string };
export type ContactEventTable = {
  id: string;
  site_id: string;
  visitor_id: string;
  actor: string; // JSON ContactActor
  change: string; // JSON ContactChange
  at: string;
};
export type ContactMergeTable = {
  id: string;
  site_id: string;
  from_visitor_id: string;
  into_visitor_id: string;
  conversations: number;
  at: string;
};
export type PrivacyAuditTable = {
  id: string;
  site_id: string;
  kind: 'erase' | 'history' | 'retention' | 'export' | 'export_zip';
  visitor_id: string | null;
  agent_id: string | null;
  conversations: number;
  messages: number;
  at: string;
};

export type ConversationTable = {
  id: string;
  site_id: string;
  visitor_id: string;
  state: ConversationState;
  agent_id: string | null;
  locale: string;
  last_seq: number;
  version: number;
  bot_misses: number;
  handoff_reason: string | null;
  last_message_author: string | null;
  last_message_body: string | null;
  last_message_at: string | null;
  rating: number | null;
  rating_comment: string | null;
  queued_at: string | null;
  resolved_at: string | null;
  created_at: string;
  updated_at: string;
  /** Issue 10 (presence). */
  assigned_at: string | null;
  abandoned_at: string | null;
  visitor_last_active_at: string | null;
  /** Issue 10: set when the conversation is an offline message; answers as JSON. */
  offline_at?: string | null;
  offline_reason?: string | null;
  offline_answers?: string | null;
  /** Issue 14 (routing): the team the conversation waits for (a transfer to a team), or null. */
  team_id?: string | null;
  /** Issue 15 (reports): the first bot message and the first agent text or file (`reports/facts.ts`). */
  first_bot_at?: string | null;
  first_agent_reply_at?: string | null;
};

/** Issue 14 (routing). */
export type TeamTable = { id: string; site_id: string; name: string; created_at: string };
export type TeamMemberTable = { team_id: string; agent_id: string };

export type MessageTable = {
  id: string;
  conversation_id: string;
  seq: number;
  client_id: string | null;
  author: 'visitor' | 'bot' | 'agent' | 'system';
  author_name: string | null;
  agent_id: string | null;
  kind: 'text' | 'note' | 'event' | 'attachment';
  body: string;
  meta: string | null; // JSON MessageMeta
  created_at: string;
};

export type FaqTable = {
  id: string;
  site_id: string;
  lang: string;
  question: string;
  examples: string; // JSON string[]
  answer: string;
  tags: string; // JSON string[]
  updated_at: string;
};

export type BotMissTable = {
  site_id: string;
  message_id: string;
  conversation_id: string;
  lang: string;
  text: string;
  created_at: string;
  dismissed_at: string | null;
  faq_id: string | null;
};

/** Issue 16: an agent's reply after a handoff, offered as an FAQ example or entry. */
export type AgentAnswerTable = {
  site_id: string;
  conversation_id: string;
  lang: string;
  question: string;
  answer: string;
  guess_faq_id: string | null;
  created_at: string;
  dismissed_at: string | null;
};

/** E-mail as a channel (issue 10, mail): every outgoing e-mail. */
export type MailOutboxTable = {
  id: string;
  conversation_id: string | null;
  kind: 'reply' | 'transcript' | 'agent_notice';
  recipient: string;
  recipient_name: string;
  from_name: string;
  subject: string;
  text: string;
  html: string;
  reply_to: string | null;
  status: 'pending' | 'sent' | 'failed' | 'unconfigured';
  attempts: number;
  next_attempt_at: string | null;
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
};

/** Issue 13: how far each participant has read a conversation (`reader_key`: `visitor` or `agent:<id>`). */
export type ReadPositionTable = {
  conversation_id: string;
  reader_key: string;
  reader: 'visitor' | 'agent';
  agent_id: string | null;
  seq: number;
  read_at: string;
};

/** Attachments (issue 13): one row per file; the bytes live in the file store under `file_key`. */
export type AttachmentTable = {
  id: string;
  conversation_id: string;
  site_id: string;
  message_id: string | null;
  author: 'visitor' | 'agent';
  name: string;
  mime: string;
  kind: string;
  size: number;
  width: number | null;
  height: number | null;
  file_key: string;
  thumb_key: string | null;
  created_at: string;
};

/** Canned responses (issue 14): a site's shared ones (`owner_id` null) and each agent's personal ones. */
export type CannedResponseTable = {
  id: string;
  site_id: string;
  owner_id: string | null;
  scope: 'site' | 'personal';
  lang: string;
  title: string;
  shortcut: string;
  body: string;
  created_at: string;
  updated_at: string;
};

/** An agent's console preferences (issue 14): the attention signals as JSON. */
export type AgentPreferencesTable = {
  agent_id: string;
  attention: string;
  updated_at: string;
};

/** Issue 14 (find things): a conversation's tags (`site_id` copied for the site's suggestions). */
export type ConversationTagTable = {
  conversation_id: string;
  site_id: string;
  tag: string;
  created_at: string;
};
/** Issue 14: an agent's saved view — a name and its search (JSON `SavedViewQuery`). */
export type SavedViewTable = {
  id: string;
  agent_id: string;
  name: string;
  query: string;
  created_at: string;
};

export type MigrationRow = { id: Generated<number>; name: string };

export type Database = ApiTables & {
  sites: SiteTable;
  agents: AgentTable;
  agent_sites: AgentSiteTable;
  sessions: SessionTable;
  visitors: VisitorTable;
  conversations: ConversationTable;
  messages: MessageTable;
  faqs: FaqTable;
  bot_misses: BotMissTable;
  agent_answers: AgentAnswerTable;
  images: ImageTable;
  mail_outbox: MailOutboxTable;
  read_positions: ReadPositionTable;
  attachments: AttachmentTable;
  contact_attributes: ContactAttributeTable;
  contact_tags: ContactTagTable;
  contact_notes: ContactNoteTable;
  page_trail: PageTrailTable;
  contact_events: ContactEventTable;
  contact_merges: ContactMergeTable;
  privacy_audit: PrivacyAuditTable;
  // Issue 14 (routing).
  teams: TeamTable;
  team_members: TeamMemberTable;
  canned_responses: CannedResponseTable;
  agent_preferences: AgentPreferencesTable;
  conversation_tags: ConversationTagTable;
  saved_views: SavedViewTable;
};
