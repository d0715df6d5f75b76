/**
 * The storage contract: the intersection of the small stores each feature declares (one per group of
 * tables) plus the database's lifecycle. Engines implement the pieces (SQLite now, PostgreSQL next).
 */
import type { ApiStore } from '../api/store.ts';
import type { AttachmentsStore } from '../attachments/store.ts';
import type { AgentAnswersStore, BotMissesStore, FaqStore } from '../bot/store.ts';
import type { CannedStore, PreferencesStore } from '../canned/store.ts';
import type { ContactsStore } from '../contacts/store.ts';
import type { ConversationsStore, MessagesStore } from '../conversations/store.ts';
import type { AgentsStore, SessionsStore, VisitorsStore } from '../identity/store.ts';
import type { ReadsStore } from '../live/store.ts';
import type { MailStore } from '../mail/store.ts';
import type { HistoryStore, ReportsStore } from '../reports/store.ts';
import type { RoutingStore } from '../routing/store.ts';
import type { SearchStore } from '../search/store.ts';
import type { ImagesStore, SitesStore } from '../sites/store.ts';
import type { WebhooksStore } from '../webhooks/store.ts';
import type { StorageLifecycle } from './lifecycle.ts';

export type Storage = StorageLifecycle &
  SitesStore &
  AgentsStore &
  SessionsStore &
  VisitorsStore &
  ConversationsStore &
  MessagesStore &
  FaqStore &
  BotMissesStore &
  AgentAnswersStore &
  ImagesStore &
  MailStore &
  ReadsStore &
  AttachmentsStore &
  ContactsStore &
  // Issue 14 (routing).
  RoutingStore &
  CannedStore &
  PreferencesStore &
  SearchStore &
  ReportsStore &
  HistoryStore &
  // Issue 15 (public API, webhooks).
  ApiStore &
  WebhooksStore;

export type { ApiStore, ApiTokenRecord } from '../api/store.ts';
export type { AttachmentRecord, AttachmentsStore, NewAttachment } from '../attachments/store.ts';
export type {
  AgentAnswerRecord,
  AgentAnswersStore,
  BotMiss,
  BotMissesStore,
  FaqRecord,
  FaqStore,
  NewAgentAnswer,
  NewBotMiss,
} from '../bot/store.ts';
export type { CannedStore, NewCanned, PreferencesStore } from '../canned/store.ts';
export type {
  AppendOptions,
  AppendResult,
  ConversationPatch,
  ConversationRecord,
  ConversationsStore,
  ListConversationsQuery,
  MessagesStore,
  NewMessage,
} from '../conversations/store.ts';
export type {
  Agent,
  AgentPatch,
  AgentsStore,
  SessionsStore,
  Visitor,
  VisitorPatch,
  VisitorsStore,
} from '../identity/store.ts';
export type { NewReadPosition, ReadsStore } from '../live/store.ts';
export type { MailKind, MailRecord, MailStatus, MailStore, NewMail } from '../mail/store.ts';
export type { HistoricConversation, HistoryStore, ReportsStore, ReportWindow } from '../reports/store.ts';
export type {
  ImagesStore,
  NewSite,
  Site,
  SitePatch,
  SiteSettings,
  SitesStore,
  StoredImage,
} from '../sites/store.ts';
export type { DeliveryRecord, WebhookRecord, WebhooksStore } from '../webhooks/store.ts';
export type { StorageLifecycle } from './lifecycle.ts';
