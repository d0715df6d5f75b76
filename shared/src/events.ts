/**
 * Every socket event name, written once, and the typed event maps of both namespaces.
 * `Server<VisitorClientEvents, VisitorServerEvents>` on the server,
 * `Socket<VisitorServerEvents, VisitorClientEvents>` in the widget.
 */
import {
  CONTACT_EVENTS,
  type ContactUpdated,
  type DeleteHistoryResult,
  type IdentifyResult,
} from './contacts.ts';
import type { Ack } from './errors.ts';
import type { ReadPosition, ReadSummary, TypingNotice } from './live.ts';
import type { AgentPresence, SiteAvailability } from './presence.ts';
import { fillRoute, ROUTES } from './routes.ts';
import type { TransferNotice } from './routing.ts';
import type { TransferInput } from './routing-schemas.ts';
import type {
  ConversationRefInput,
  ListsShowInput,
  LocaleSetInput,
  MailTranscriptInput,
  OfflineMessageInput,
  OpenConversationInput,
  PageViewInput,
  PresenceSetInput,
  RateInput,
  ReadMarkInput,
  SendAgentMessageInput,
  SendVisitorMessageInput,
  SyncInput,
  TypingSetInput,
} from './schemas.ts';
import type { AgentConversation, Message, VisitorConversation, WidgetSite } from './types.ts';

export const NAMESPACES = { visitor: '/visitor', agent: '/agent' } as const;

export const EVENTS = {
  /** visitor → server: site settings, the open conversation and its messages. */
  sessionInit: 'session:init',
  /** visitor → server: the open conversation, created if there is none. */
  conversationOpen: 'conversation:open',
  /** both → server: a message with the client's own id; acked after commit. */
  messageSend: 'message:send',
  /** both → server: every message after a `seq`. */
  messagesSync: 'messages:sync',
  /** visitor → server: "Talk to a person". */
  conversationHandoff: 'conversation:handoff',
  /** visitor → server: the last bot answer did not help (counts as a miss). */
  botNotHelpful: 'bot:not-helpful',
  /** visitor → server: 1–5 rating with an optional comment. */
  conversationRate: 'conversation:rate',
  /** visitor → server: the page the visitor is on. */
  pageView: 'page:view',
  /** visitor → server: e-mail me this conversation's transcript (issue 10, mail). */
  mailTranscript: 'mail:transcript',
  /** agent → server: watch a conversation's timeline (join its room). */
  conversationWatch: 'conversation:watch',
  conversationUnwatch: 'conversation:unwatch',
  /** agent → server: take over (atomic: one of several agents wins). */
  conversationTake: 'conversation:take',
  conversationReturn: 'conversation:return',
  conversationResolve: 'conversation:resolve',
  /** Issue 17 — agent → server: this console shows (or stopped showing) the conversation list. */
  listsShow: 'lists:show',
  /** server → clients: a committed message. */
  messageNew: 'message:new',
  /** server → visitor: its conversation changed (state, agent, queue). */
  conversationState: 'conversation:state',
  /** server → agents: a conversation changed (lists, badges); message previews only to consoles showing the list, and to the assignee. */
  conversationUpdated: 'conversation:updated',
  /** server → client: this session ended (logout, disabled agent, revoked token). */
  sessionEnded: 'session:ended',
  // Issue 10 (presence)
  /** agent → server: the agent sets their status (online / away, automatic or chosen). */
  presenceSet: 'presence:set',
  /** server → agents: an agent's presence changed. */
  presenceChanged: 'presence:changed',
  // Issue 14 (routing)
  /** agent → server: hand a conversation to another agent or a team, with an optional private note. */
  conversationTransfer: 'conversation:transfer',
  /** server → agent: a conversation was transferred to you or to a team of yours. */
  conversationTransferred: 'conversation:transferred',
  /** server → visitors: the number of available agents of their site changed. */
  siteAvailability: 'site:availability',
  /** Issue 10 — visitor → server: the leave-a-message form (name, e-mail, message, extra answers). */
  offlineMessage: 'offline:message',
  // Issue 13 (typing, read receipts)
  /** both → server: typing or stopped (throttled by the client, budgeted by the server; never stored). */
  typingSet: 'typing:set',
  /** server → clients: the other side is typing or stopped (agents may get the visitor's draft). */
  typingChanged: 'typing:changed',
  /** both → server: the sender has seen the conversation up to a `seq`. */
  readMark: 'read:mark',
  /** server → clients: a stored read position moved (the reader's other tabs, the other side). */
  readChanged: 'read:changed',
  /** Issue 13 — visitor → server: the widget's language changed (`setLocale`): bot answers and system messages follow. */
  localeSet: 'locale:set',
  /** Issue 12 (contacts): identify, logout, delete my history; `contact:updated` to agents. */
  ...CONTACT_EVENTS,
} as const;

export type EventName = (typeof EVENTS)[keyof typeof EVENTS];

export type SessionInitResult = {
  site: WidgetSite;
  conversation: VisitorConversation | null;
  messages: Message[];
  /** Issue 13: the conversation's read positions (absent from older servers). */
  reads?: ReadSummary;
};
/** Issue 10: the conversation, now an offline message, and the visitor's message as stored. */
export type OfflineMessageResult = {
  conversation: VisitorConversation;
  message: Message;
  duplicate: boolean;
};
export type OpenResult = { conversation: VisitorConversation; messages: Message[] };
export type SendResult = { message: Message; duplicate: boolean };
export type SyncResult<C> = {
  conversation: C;
  messages: Message[];
  hasMore: boolean;
  /** Issue 13: the conversation's read positions (the visitor's, the furthest agent's). */
  reads?: ReadSummary;
  /** Issue 13, agents only: the asking agent's own read position. */
  ownRead?: number;
};
export type WatchResult = {
  conversation: AgentConversation;
  messages: Message[];
  hasMore: boolean;
  reads?: ReadSummary;
  ownRead?: number;
};

export type VisitorClientEvents = {
  [EVENTS.sessionInit]: (input: { locale?: string; timeZone?: string }, ack: Ack<SessionInitResult>) => void;
  [EVENTS.conversationOpen]: (input: OpenConversationInput, ack: Ack<OpenResult>) => void;
  [EVENTS.messageSend]: (input: SendVisitorMessageInput, ack: Ack<SendResult>) => void;
  [EVENTS.messagesSync]: (input: SyncInput, ack: Ack<SyncResult<VisitorConversation>>) => void;
  [EVENTS.conversationHandoff]: (input: ConversationRefInput, ack: Ack<VisitorConversation>) => void;
  [EVENTS.botNotHelpful]: (input: ConversationRefInput, ack: Ack<VisitorConversation>) => void;
  [EVENTS.conversationRate]: (input: RateInput, ack: Ack<VisitorConversation>) => void;
  [EVENTS.pageView]: (input: PageViewInput, ack: Ack<null>) => void;
  /** Issue 10. */
  [EVENTS.offlineMessage]: (input: OfflineMessageInput, ack: Ack<OfflineMessageResult>) => void;
  // E-mail as a channel (issue 10, mail):
  [EVENTS.mailTranscript]: (input: MailTranscriptInput, ack: Ack<null>) => void;
  /** Issue 13. */
  [EVENTS.typingSet]: (input: TypingSetInput, ack: Ack<null>) => void;
  [EVENTS.readMark]: (input: ReadMarkInput, ack: Ack<ReadPosition>) => void;
  [EVENTS.localeSet]: (input: LocaleSetInput, ack: Ack<null>) => void;
  // Issue 12 (contacts):
  [EVENTS.contactIdentify]: (input: IdentifyPayload, ack: Ack<IdentifyResult>) => void;
  [EVENTS.contactLogout]: (input: Record<string, never>, ack: Ack<null>) => void;
  [EVENTS.contactDeleteHistory]: (input: Record<string, never>, ack: Ack<DeleteHistoryResult>) => void;
};

export type VisitorServerEvents = {
  [EVENTS.messageNew]: (message: Message) => void;
  [EVENTS.conversationState]: (conversation: VisitorConversation) => void;
  [EVENTS.sessionEnded]: (reason: { code: string }) => void;
  /** Issue 10 (presence). */
  [EVENTS.siteAvailability]: (availability: SiteAvailability) => void;
  /** Issue 13. */
  [EVENTS.typingChanged]: (notice: TypingNotice) => void;
  [EVENTS.readChanged]: (position: ReadPosition) => void;
};

export type AgentClientEvents = {
  [EVENTS.conversationWatch]: (input: ConversationRefInput, ack: Ack<WatchResult>) => void;
  [EVENTS.conversationUnwatch]: (input: ConversationRefInput, ack: Ack<null>) => void;
  [EVENTS.messageSend]: (input: SendAgentMessageInput, ack: Ack<SendResult>) => void;
  [EVENTS.messagesSync]: (input: SyncInput, ack: Ack<SyncResult<AgentConversation>>) => void;
  [EVENTS.conversationTake]: (input: ConversationRefInput, ack: Ack<AgentConversation>) => void;
  [EVENTS.conversationReturn]: (input: ConversationRefInput, ack: Ack<AgentConversation>) => void;
  [EVENTS.conversationResolve]: (input: ConversationRefInput, ack: Ack<AgentConversation>) => void;
  /** Issue 17: join or leave the list previews of the agent's sites. */
  [EVENTS.listsShow]: (input: ListsShowInput, ack: Ack<null>) => void;
  /** Issue 10 (presence): acked with the agent's status as stored. */
  [EVENTS.presenceSet]: (input: PresenceSetInput, ack: Ack<AgentPresence>) => void;
  /** Issue 14 (routing). */
  [EVENTS.conversationTransfer]: (input: TransferInput, ack: Ack<AgentConversation>) => void;
  /** Issue 13. */
  [EVENTS.typingSet]: (input: TypingSetInput, ack: Ack<null>) => void;
  [EVENTS.readMark]: (input: ReadMarkInput, ack: Ack<ReadPosition>) => void;
};

export type AgentServerEvents = {
  [EVENTS.messageNew]: (message: Message) => void;
  [EVENTS.conversationUpdated]: (conversation: AgentConversation) => void;
  [EVENTS.sessionEnded]: (reason: { code: string }) => void;
  /** Issue 10 (presence). */
  [EVENTS.presenceChanged]: (presence: AgentPresence) => void;
  /** Issue 14 (routing). */
  [EVENTS.conversationTransferred]: (notice: TransferNotice) => void;
  /** Issue 13. */
  [EVENTS.typingChanged]: (notice: TypingNotice) => void;
  [EVENTS.readChanged]: (position: ReadPosition) => void;
  /** Issue 12: a contact of one of the agent's sites changed. */
  [EVENTS.contactUpdated]: (change: ContactUpdated) => void;
};

/** What the host page passes to `Frontdesk('identify', …)` (checked by `IdentifySchema`). */
export type IdentifyPayload = {
  userId: string;
  userHash?: string;
  email?: string;
  name?: string;
  phone?: string;
  attributes?: Record<string, string | number | boolean>;
};

/** What an event's ack carries: `AckData<VisitorClientEvents['message:send']>` is `SendResult`. */
export type AckData<F> = F extends (input: never, ack: Ack<infer T>) => void ? T : never;

/** REST URLs for the clients: the patterns of `ROUTES` (what the server registers), filled in. */
export const API = {
  visitorSessions: ROUTES.visitorSessions,
  login: ROUTES.login,
  logout: ROUTES.logout,
  me: ROUTES.me,
  conversations: ROUTES.conversations,
  conversation: (id: string) => fillRoute(ROUTES.conversation, { id }),
  /** FAQ entries of a site (GET: `{ faqs, overlaps }`). */
  faqs: (siteId: string) => fillRoute(ROUTES.faqs, { siteId }),
  /** One entry (PUT: create or replace, DELETE). */
  faq: (siteId: string, faqId: string) => fillRoute(ROUTES.faq, { siteId, faqId }),
  /** POST `{ text, lang? }`: what the bot would answer. */
  faqTry: (siteId: string) => fillRoute(ROUTES.faqTry, { siteId }),
  /** GET: the bot's open misses, grouped by similarity. */
  unanswered: (siteId: string) => fillRoute(ROUTES.unanswered, { siteId }),
  /** POST `{ messageIds, faqId? }`: take misses off the list. */
  unansweredDismiss: (siteId: string) => fillRoute(ROUTES.unansweredDismiss, { siteId }),
  /** GET: agents' replies after a handoff, offered as FAQ examples or new entries. */
  agentAnswers: (siteId: string) => fillRoute(ROUTES.agentAnswers, { siteId }),
  /** POST `{ conversationId }`: take one off the list. */
  agentAnswersDismiss: (siteId: string) => fillRoute(ROUTES.agentAnswersDismiss, { siteId }),
  /** GET / PUT the site's bot settings (handoff policy). */
  botSettings: (siteId: string) => fillRoute(ROUTES.botSettings, { siteId }),
  sites: ROUTES.sites,
  site: (siteId: string) => fillRoute(ROUTES.site, { siteId }),
  siteLogo: (siteId: string) => fillRoute(ROUTES.siteLogo, { siteId }),
  agents: ROUTES.agents,
  agent: (agentId: string) => fillRoute(ROUTES.agent, { agentId }),
  agentPassword: (agentId: string) => fillRoute(ROUTES.agentPassword, { agentId }),
  mePassword: ROUTES.mePassword,
  meAvatar: ROUTES.meAvatar,
  siteLoader: (siteKey: string) => fillRoute(ROUTES.siteLoader, { siteKey }),
  widgetPreview: ROUTES.widgetPreview,
  health: ROUTES.health,
  /** Issue 10: GET / PUT a site's offline settings. */
  offlineSettings: (siteId: string) => fillRoute(ROUTES.offlineSettings, { siteId }),
  // E-mail as a channel (issue 10, mail):
  mailOutbox: ROUTES.mailOutbox,
  mailResend: (mailId: string) => fillRoute(ROUTES.mailResend, { mailId }),
  mailLinkExchange: ROUTES.mailLinkExchange,
  mailLink: (token: string) => fillRoute(ROUTES.mailLink, { token }),
  // Attachments (issue 13): the query strings are built by `attachmentQuery`.
  visitorAttachments: (conversationId: string) => fillRoute(ROUTES.visitorAttachments, { conversationId }),
  visitorAttachment: (attachmentId: string) => fillRoute(ROUTES.visitorAttachment, { attachmentId }),
  agentAttachments: (id: string) => fillRoute(ROUTES.agentAttachments, { id }),
  agentAttachment: (attachmentId: string) => fillRoute(ROUTES.agentAttachment, { attachmentId }),
  attachmentSettings: (siteId: string) => fillRoute(ROUTES.attachmentSettings, { siteId }),
  // Issue 14 (routing):
  routing: (siteId: string) => fillRoute(ROUTES.routing, { siteId }),
  agentCapacity: (siteId: string, agentId: string) => fillRoute(ROUTES.agentCapacity, { siteId, agentId }),
  teams: (siteId: string) => fillRoute(ROUTES.teams, { siteId }),
  team: (siteId: string, teamId: string) => fillRoute(ROUTES.team, { siteId, teamId }),
  // Issue 14 (agent tools):
  cannedResponses: (siteId: string) => fillRoute(ROUTES.cannedResponses, { siteId }),
  cannedResponse: (siteId: string, cannedId: string) =>
    fillRoute(ROUTES.cannedResponse, { siteId, cannedId }),
  meAttention: ROUTES.meAttention,
} as const;

/** Issue 13: the query string of an attachment upload or download (`?site=…&clientId=…`). */
export function attachmentQuery(
  params: Partial<Record<'site' | 'clientId' | 'name' | 'variant', string>>,
): string {
  const pairs = Object.entries(params)
    .filter((pair): pair is [string, string] => pair[1] !== undefined)
    .map(([key, value]) => `${key}=${encodeURIComponent(value)}`);
  return pairs.length ? `?${pairs.join('&')}` : '';
}

/** Where the server serves the built clients. */
export const PATHS = {
  loader: '/widget.js',
  widgetAssets: '/widget/',
  console: '/console',
  demo: '/demo',
  /** The demo shop's embed code (`afterLoadEmbedScript`), a file under the demo's strict CSP. */
  demoEmbed: '/demo/assets/embed.js',
} as const;
