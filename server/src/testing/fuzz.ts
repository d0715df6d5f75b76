/**
 * Property-based inputs for the boundary (fast-check): arbitrary JSON as a client can send it, with
 * the keys attackers like, and mutations of valid payloads. One valid example per inbound schema.
 */
import { type AgentClientEvents, EVENTS, type VisitorClientEvents } from '@frontdesk/shared';
import fc from 'fast-check';

/** Keys that have broken other parsers: prototype pollution and query-operator injection. */
const NASTY_KEYS = ['__proto__', 'constructor', 'prototype', '$regex', '$ne', '$where', 'toString', ''];

const key = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom(...NASTY_KEYS));

/** JSON numbers a parser can produce, huge and odd ones included (`1e400` parses to Infinity). */
const number = fc.oneof(
  fc.double(),
  fc.integer(),
  fc.constantFrom(0, -0, 1e21, 1e308, -1e308, 2 ** 53 + 2, Number.MAX_VALUE, JSON.parse('1e400') as number),
);

const scalar = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  number,
  fc.string({ maxLength: 40 }),
  fc.constantFrom('', ' ', '\u0000', 'x'.repeat(6000), '<script>', '../..'),
);

/** Any value JSON can carry (socket.io and HTTP bodies are JSON), nasty keys included. */
export const jsonish: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalar,
    fc.array(tie('value'), { maxLength: 5 }),
    fc.dictionary(key, tie('value'), { maxKeys: 6 }),
  ),
})).value;

/** Through JSON and back, as the server receives it (JSON.parse makes `__proto__` an own key). */
export const overTheWire = (value: unknown): unknown => {
  const text = JSON.stringify(value);
  return text === undefined ? undefined : JSON.parse(text);
};

/** A valid payload with one thing changed: a field replaced, removed or added, or the whole wrapped. */
export function mutated(example: Record<string, unknown>): fc.Arbitrary<unknown> {
  const fields = Object.keys(example);
  // An example without fields (an empty object) has none to replace or remove.
  const perField =
    fields.length === 0
      ? []
      : [
          fc
            .tuple(fc.constantFrom(...fields), jsonish)
            .map(([field, value]) => ({ ...example, [field]: value })),
          fc.constantFrom(...fields).map((field) => {
            const { [field]: _removed, ...rest } = example;
            return rest;
          }),
        ];
  const inner = JSON.stringify(example).slice(1, -1);
  return fc.oneof(
    ...perField,
    fc.tuple(key, jsonish).map(([extra, value]) => overTheWire({ ...example, [extra]: value })),
    fc.constant(JSON.parse(`{${inner}${inner ? ',' : ''}"__proto__":{"polluted":true}}`)),
    fc.constant([example]),
    fc.constant(JSON.stringify(example)),
  );
}

/** Arbitrary JSON or a mutation of `example`, as received. */
export const payloadFor = (example: Record<string, unknown>) =>
  fc.oneof(jsonish.map(overTheWire), mutated(example));

const message = { conversationId: 'c_1', clientId: 'abcdefgh12', body: 'hello' };
const page = { url: 'https://shop.example/a', title: 'A' };

/** A valid input for every object schema exported by `@frontdesk/shared/schemas`. */
const reportSummary = {
  conversations: 2,
  botSessions: 2,
  deflected: 1,
  handoffs: 1,
  missed: 0,
  abandoned: 0,
  firstResponse: { count: 1, median: 120, p90: 120 },
  resolution: { count: 1, median: 600, p90: 600 },
  csat: { count: 1, average: 5 },
};

export const SCHEMA_EXAMPLES = {
  SessionInitSchema: { locale: 'en' },
  PageViewSchema: page,
  OpenConversationSchema: { locale: 'pl', page, fresh: true },
  SendVisitorMessageSchema: { ...message, quickReply: { type: 'faq', faqId: 'returns' } },
  SendAgentMessageSchema: { ...message, kind: 'note' },
  SyncSchema: { conversationId: 'c_1', afterSeq: 3 },
  ConversationRefSchema: { conversationId: 'c_1' },
  RateSchema: { conversationId: 'c_1', rating: 5, comment: 'thanks' },
  VisitorSessionSchema: { siteKey: 'demo' },
  LoginSchema: { email: 'ann@example.com', password: 'a long password' },
  NewAgentSchema: { email: 'ann@example.com', name: 'Ann', password: 'a long password', role: 'agent' },
  ConversationListQuerySchema: { state: 'queued', limit: '50' },
  MessagesQuerySchema: { after: '10' },
  FaqInputSchema: { lang: 'en', question: 'Q?', examples: ['q'], answer: 'A.', tags: ['t'] },
  FaqTrySchema: { text: 'how much is delivery', lang: 'en' },
  UnansweredDismissSchema: { messageIds: ['m_1'], faqId: 'returns' },
  AgentAnswerDismissSchema: { conversationId: 'c_1' },
  BotSettingsSchema: { botMissesBeforeHandoff: 2, escalationPhrases: ['human'], answerThreshold: null },
  SiteAppearanceSchema: {
    color: '#1f5fbf',
    position: 'left',
    launcherLabel: { en: 'Chat with us', pl: 'Napisz do nas' },
    title: { en: 'Acme' },
    subtitle: {},
    greeting: { en: 'Hi! How can we help?' },
    quickReplies: { en: [{ type: 'handoff', label: 'Talk to a person' }] },
  },
  SiteCreateSchema: { name: 'Acme shop', allowedOrigins: ['https://shop.example'], defaultLocale: 'en' },
  SitePatchSchema: { name: 'Acme', allowedOrigins: ['https://*.acme.example'], archived: false },
  AgentCreateSchema: { email: 'ann@example.com', name: 'Ann', role: 'agent', siteIds: ['s1'] },
  AgentPatchSchema: { name: 'Ann B', role: 'admin', siteIds: ['s1', 's2'], disabled: true },
  AgentPasswordResetSchema: { password: 'a long new password' },
  ProfilePatchSchema: { name: 'Ann', avatarColor: '#aa3355' },
  PasswordChangeSchema: { currentPassword: 'old one', newPassword: 'a long new password' },
  // Issue 10 (presence)
  PresenceSetSchema: { status: 'away', auto: true },
  // Issue 10.
  OfflineMessageSchema: {
    ...message,
    name: 'Ann',
    email: 'ann@example.com',
    reason: 'nobody_online',
    answers: { order: 'A-17' },
  },
  OfflineSettingsSchema: {
    longWaitMinutes: 15,
    fields: [{ id: 'order', type: 'text', label: { en: 'Order number' }, required: true }],
  },
  // Business hours (issue 10).
  BusinessHoursSchema: {
    timeZone: 'Europe/Warsaw',
    weekly: [{ day: 1, open: '09:00', close: '17:00' }],
    closedDates: ['2026-12-24'],
  },
  // E-mail as a channel (issue 10, mail):
  MailLinkExchangeSchema: { token: 'a.b.c.d' },
  MailTranscriptSchema: { conversationId: 'c1', email: 'me@example.com' },
  // Issue 13:
  TypingSetSchema: { conversationId: 'c1', typing: true, draft: 'Where is my' },
  ReadMarkSchema: { conversationId: 'c1', seq: 1 },
  LocaleSetSchema: { locale: 'pl' },
  // Issue 17:
  ListsShowSchema: { showing: true },
  // Issue 13 (attachments): an upload's and a download's query string, a site's file limits.
  AttachmentUploadQuerySchema: { site: 'demo', clientId: 'abcdefgh12', name: 'photo.jpg' },
  AttachmentReadQuerySchema: { site: 'demo', variant: 'thumb' },
  AttachmentSettingsSchema: {
    enabled: true,
    maxBytes: 10 * 1024 * 1024,
    maxPerConversation: 20,
    allowedTypes: ['image/png', 'application/pdf'],
  },
  // Issue 12 (contacts, `@frontdesk/shared/contacts-schemas`):
  IdentifySchema: {
    userId: 'user-1',
    userHash: 'a'.repeat(64),
    email: 'ann@example.com',
    name: 'Ann',
    phone: '+48 600 100 200',
    attributes: { plan: 'pro', seats: 3, trial: false, signedUpAt: '2026-01-31' },
  },
  EmptySchema: {},
  ContactPatchSchema: {
    name: 'Ann',
    email: null,
    phone: '+48 600 100 200',
    attributes: { set: { plan: { type: 'string', value: 'pro' } }, remove: ['old'] },
    tags: { add: ['vip'], remove: ['lead'] },
  },
  ContactListQuerySchema: { q: 'ann', tag: 'vip', cursor: 'abc', limit: '50' },
  // Issue 15 (the public API creates contacts):
  ContactCreateSchema: {
    userId: 'u-42',
    email: 'ann@example.com',
    name: 'Ann',
    phone: '+48 600 100 200',
    attributes: { plan: { type: 'string', value: 'pro' } },
    tags: ['vip'],
  },
  ContactTimelineQuerySchema: { cursor: 'abc' },
  ContactNoteSchema: { body: 'Prefers e-mail.' },
  EraseSchema: { confirmation: 'a.b.c' },
  PrivacySettingsSchema: { retentionMonths: 24 },
  // Issue 14 (routing, `@frontdesk/shared/routing-schemas`):
  RoutingSettingsSchema: { mode: 'auto', defaultCapacity: 3, offlineReturnMinutes: 5 },
  AgentCapacitySchema: { capacity: 4 },
  TeamInputSchema: { name: 'Billing', agentIds: ['a1', 'a2'] },
  TransferSchema: { conversationId: 'c1', to: { type: 'agent', agentId: 'a2' }, note: 'Wants a refund.' },
  // Issue 14 (`@frontdesk/shared/canned-schemas`):
  CannedInputSchema: {
    scope: 'site',
    lang: 'pl',
    title: 'Zwrot',
    shortcut: 'zwrot',
    body: 'Dzień dobry {{visitor.name|}}!',
  },
  // Issue 15 (a site's shared canned response through the API: no scope):
  ApiCannedInputSchema: {
    lang: 'en',
    title: 'Refund',
    shortcut: 'refund',
    body: 'Hello {{visitor.name|there}}!',
  },
  AttentionPrefsSchema: { sound: true, desktop: false, title: true },
  // Issue 14 (find things, `@frontdesk/shared/search-schemas`):
  SearchQuerySchema: {
    q: 'zwrot',
    state: 'resolved',
    site: 's_1',
    agent: 'none',
    tag: 'vip',
    rating: '5',
    from: '2026-01-01',
    to: '2026-01-31',
    cursor: 'abc',
    limit: '25',
  },
  SavedFiltersSchema: { q: 'refund', tag: 'vip', rating: 4 },
  SavedViewSchema: { name: 'VIP refunds', filters: { q: 'refund', tag: 'vip', rating: 4 } },
  ConversationTagSchema: { tag: 'vip' },
  ConversationTagQuerySchema: { tag: 'vip' },
  TagSuggestQuerySchema: { prefix: 'vi' },
  // Issue 15 (reports): the query, and the report as API clients check it.
  ReportQuerySchema: { from: '2026-01-05', to: '2026-01-11', team: 'team-1' },
  ReportSchema: {
    siteId: 's_1',
    timeZone: 'Europe/Warsaw',
    range: { from: '2026-01-05', to: '2026-01-11' },
    previousRange: { from: '2025-12-29', to: '2026-01-04' },
    summary: reportSummary,
    previous: reportSummary,
    byDay: [{ day: '2026-01-05', conversations: 2 }],
    heatmap: [[0, 2]],
    handoffReasons: [{ reason: 'visitor', count: 1 }],
    csatDistribution: [{ rating: 5, count: 1 }],
    comments: [{ conversationId: 'c_1', rating: 5, comment: 'Great', at: '2026-01-05T08:30:00.000Z' }],
    agents: [
      {
        agentId: 'a_1',
        name: 'Ada',
        assigned: 1,
        resolved: 1,
        firstResponse: { count: 1, median: 120, p90: 120 },
        csat: { count: 1, average: 5 },
      },
    ],
    teams: [
      {
        teamId: 'team-1',
        name: 'Sales',
        members: 2,
        assigned: 1,
        resolved: 1,
        firstResponse: { count: 1, median: 120, p90: 120 },
        resolution: { count: 1, median: 600, p90: 600 },
        csat: { count: 1, average: 5 },
      },
    ],
    team: null,
    missedQuestions: [{ text: 'where is my parcel', count: 2, lastAt: '2026-01-11T22:59:59.000Z' }],
  },
  // Issue 15 (public API, webhooks, `@frontdesk/shared/api-schemas`):
  ApiTokenCreateSchema: { siteId: 'site-1', name: 'CRM sync', scope: 'write' },
  WebhookCreateSchema: {
    siteId: 'site-1',
    url: 'https://crm.example/hooks/frontdesk',
    events: ['conversation.created', 'message.created'],
  },
  WebhookSettingsSchema: { allowPrivate: false },
  ApiConversationListQuerySchema: { state: 'queued', cursor: 'abc', limit: '50' },
  ApiMessageListQuerySchema: { cursor: 'abc', limit: '100' },
  ApiMessageInputSchema: {
    body: 'Your order ships today.',
    kind: 'text',
    clientId: 'crm-0001',
    authorName: 'CRM',
  },
  ApiFaqCreateSchema: {
    id: 'shipping',
    lang: 'en',
    question: 'How long does shipping take?',
    examples: ['delivery time'],
    answer: 'Two to three days.',
    tags: ['shipping'],
  },
} satisfies Record<string, Record<string, unknown>>;

/** A valid payload of every inbound socket event (the conversation id is filled in by the caller). */
export const VISITOR_EVENT_EXAMPLES = {
  [EVENTS.sessionInit]: SCHEMA_EXAMPLES.SessionInitSchema,
  [EVENTS.conversationOpen]: SCHEMA_EXAMPLES.OpenConversationSchema,
  [EVENTS.messageSend]: message,
  [EVENTS.messagesSync]: SCHEMA_EXAMPLES.SyncSchema,
  [EVENTS.conversationHandoff]: SCHEMA_EXAMPLES.ConversationRefSchema,
  [EVENTS.botNotHelpful]: SCHEMA_EXAMPLES.ConversationRefSchema,
  [EVENTS.conversationRate]: SCHEMA_EXAMPLES.RateSchema,
  [EVENTS.pageView]: page,
  [EVENTS.offlineMessage]: SCHEMA_EXAMPLES.OfflineMessageSchema,
  [EVENTS.mailTranscript]: SCHEMA_EXAMPLES.MailTranscriptSchema,
  [EVENTS.typingSet]: SCHEMA_EXAMPLES.TypingSetSchema,
  [EVENTS.readMark]: SCHEMA_EXAMPLES.ReadMarkSchema,
  [EVENTS.localeSet]: SCHEMA_EXAMPLES.LocaleSetSchema,
  // Issue 12 (contacts):
  [EVENTS.contactIdentify]: { userId: 'user-1', name: 'Ann', attributes: { plan: 'pro', seats: 3 } },
  [EVENTS.contactLogout]: {},
  [EVENTS.contactDeleteHistory]: {},
} satisfies { [E in keyof VisitorClientEvents]: Record<string, unknown> };

export const AGENT_EVENT_EXAMPLES = {
  [EVENTS.conversationWatch]: SCHEMA_EXAMPLES.ConversationRefSchema,
  [EVENTS.conversationUnwatch]: SCHEMA_EXAMPLES.ConversationRefSchema,
  [EVENTS.messageSend]: SCHEMA_EXAMPLES.SendAgentMessageSchema,
  [EVENTS.messagesSync]: SCHEMA_EXAMPLES.SyncSchema,
  [EVENTS.conversationTake]: SCHEMA_EXAMPLES.ConversationRefSchema,
  [EVENTS.conversationReturn]: SCHEMA_EXAMPLES.ConversationRefSchema,
  [EVENTS.conversationResolve]: SCHEMA_EXAMPLES.ConversationRefSchema,
  [EVENTS.presenceSet]: SCHEMA_EXAMPLES.PresenceSetSchema,
  [EVENTS.conversationTransfer]: SCHEMA_EXAMPLES.TransferSchema,
  [EVENTS.typingSet]: SCHEMA_EXAMPLES.TypingSetSchema,
  [EVENTS.readMark]: SCHEMA_EXAMPLES.ReadMarkSchema,
  [EVENTS.listsShow]: SCHEMA_EXAMPLES.ListsShowSchema,
} satisfies { [E in keyof AgentClientEvents]: Record<string, unknown> };
