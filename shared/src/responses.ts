/**
 * Runtime schemas for what the server sends back: HTTP response bodies, socket acks and pushed events.
 * Clients read every reply through these at the edge, so nothing past it holds JSON of an unchecked
 * shape. Unlike the inbound schemas (`schemas.ts`) they are lenient about additions: unknown keys are
 * dropped, so a newer server adding a field does not break an older console. Kept out of the package
 * index: only clients that validate replies (the console) pull in the validator.
 */
import * as v from 'valibot';
import { ATTACHMENT_MIMES } from './attachments.ts';
import { OFFLINE_REASONS } from './availability.ts';
import { CONVERSATION_STATES, HANDOFF_REASONS } from './conversation-state.ts';
import { LOCALES } from './i18n/locale.ts';
import { PRESENCE_STATUSES } from './presence.ts';

const Locale = v.picklist(LOCALES);
const text = v.string();
const nullableText = v.nullable(v.string());
const count = v.pipe(v.number(), v.integer(), v.minValue(0));

// Messages

export const SYSTEM_EVENT_NAMES = [
  'queued',
  'assigned',
  'returned_to_bot',
  'resolved',
  'reopened',
  // Issue 10 (presence)
  'abandoned',
  'requeued',
  // Issue 10.
  'offline_message',
  // E-mail as a channel (issue 10, mail):
  'mail_sent',
  'mail_failed',
  // Issue 14 (routing):
  'transferred',
  'released',
] as const;
export const AUTHORS = ['visitor', 'bot', 'agent', 'system'] as const;
export const MESSAGE_KINDS = ['text', 'note', 'event', 'attachment'] as const;

const QuickReplySchema = v.variant('type', [
  v.object({ type: v.literal('faq'), label: text, faqId: text }),
  v.object({ type: v.literal('handoff'), label: text }),
  v.object({ type: v.literal('text'), label: text }),
]);

const FaqMatchSchema = v.object({ faqId: text, question: text, score: v.number() });

const BotMatchSchema = v.object({
  outcome: v.picklist(['answer', 'clarify', 'miss', 'intent']),
  intent: v.optional(text),
  faqId: v.optional(text),
  question: v.optional(text),
  score: v.number(),
  candidates: v.optional(v.array(FaqMatchSchema)),
});

const MessageMetaSchema = v.object({
  quickReplies: v.optional(v.array(QuickReplySchema)),
  event: v.optional(
    v.object({
      name: v.picklist(SYSTEM_EVENT_NAMES),
      reason: v.optional(v.picklist(HANDOFF_REASONS)),
      agentName: v.optional(text),
      // Issue 10.
      offlineReason: v.optional(v.picklist(OFFLINE_REASONS)),
      // E-mail as a channel (issue 10, mail):
      recipient: v.optional(text),
      error: v.optional(text),
      // Issue 14 (routing):
      teamName: v.optional(text),
    }),
  ),
  bot: v.optional(BotMatchSchema),
  faqId: v.optional(text),
  // Issue 13.
  attachment: v.optional(
    v.object({
      id: text,
      name: text,
      mime: v.picklist(ATTACHMENT_MIMES),
      kind: v.picklist(['image', 'file']),
      size: count,
      width: v.nullable(count),
      height: v.nullable(count),
    }),
  ),
});

/** Issue 13: an agent's avatar (see `AgentAvatar`). */
export const AgentAvatarSchema = v.object({ color: nullableText, url: nullableText });

export const MessageSchema = v.object({
  id: text,
  conversationId: text,
  seq: count,
  clientId: nullableText,
  author: v.picklist(AUTHORS),
  authorName: nullableText,
  kind: v.picklist(MESSAGE_KINDS),
  body: text,
  meta: v.nullable(MessageMetaSchema),
  createdAt: text,
  // Issue 13: an agent reply's author avatar (absent from an older server or another author).
  avatar: v.optional(v.nullable(AgentAvatarSchema)),
  // Issue 17: the writing agent, on a live agent message to agents (see `Message.authorId`).
  authorId: v.optional(text),
});

// Conversations and agents

export const AgentConversationSchema = v.object({
  id: text,
  siteId: text,
  state: v.picklist(CONVERSATION_STATES),
  agentId: nullableText,
  agentName: nullableText,
  visitor: v.object({ id: text, name: nullableText, email: nullableText, verified: v.boolean() }),
  locale: Locale,
  lastSeq: count,
  lastMessage: v.nullable(v.object({ author: v.picklist(AUTHORS), body: text, createdAt: text })),
  page: v.nullable(v.object({ url: text, title: text })),
  userAgent: nullableText,
  rating: v.nullable(v.number()),
  ratingComment: nullableText,
  handoffReason: v.nullable(v.picklist(HANDOFF_REASONS)),
  queuedAt: nullableText,
  createdAt: text,
  updatedAt: text,
  resolvedAt: nullableText,
  // Issue 10: an offline message (absent from an older server = a live chat).
  offline: v.optional(
    v.nullable(
      v.object({
        at: text,
        reason: v.picklist(OFFLINE_REASONS),
        answers: v.array(v.object({ fieldId: text, label: text, value: text })),
      }),
    ),
  ),
});

export const AgentProfileSchema = v.object({
  id: text,
  email: text,
  name: text,
  role: v.picklist(['admin', 'agent']),
  sites: v.array(v.object({ id: text, name: text, key: text })),
  // Issue 9: optional, so a server that does not send them yet is still read (absent = none / false).
  avatarColor: v.optional(nullableText),
  avatarUrl: v.optional(nullableText),
  mustChangePassword: v.optional(v.boolean()),
});

// FAQ authoring

export const FaqEntrySchema = v.object({
  id: text,
  lang: Locale,
  question: text,
  examples: v.array(text),
  answer: text,
  tags: v.array(text),
  updatedAt: text,
});

export const FaqOverlapSchema = v.object({
  faqId: text,
  example: text,
  matchedFaqId: text,
  matchedScore: v.number(),
  ownScore: v.number(),
});

export const TryResultSchema = v.object({
  outcome: v.picklist(['answer', 'clarify', 'miss', 'intent']),
  intent: nullableText,
  lang: Locale,
  matches: v.array(FaqMatchSchema),
});

export const UnansweredGroupSchema = v.object({
  key: text,
  lang: Locale,
  count,
  sample: text,
  items: v.array(v.object({ messageId: text, conversationId: text, text, createdAt: text })),
  suggestions: v.array(FaqMatchSchema),
});

export const AgentAnswerSchema = v.object({
  conversationId: text,
  lang: Locale,
  question: text,
  answer: text,
  createdAt: text,
  guess: v.nullable(FaqMatchSchema),
});
/** `GET agent-answers`. */
export const AgentAnswersReplySchema = v.object({ answers: v.array(AgentAnswerSchema) });

export const BotSettingsReplySchema = v.object({
  botMissesBeforeHandoff: v.number(),
  escalationPhrases: v.array(text),
  answerThreshold: v.nullable(v.number()),
});

// HTTP response bodies (`API` paths)

/** `POST login`, `GET me`. */
export const AgentReplySchema = v.object({ agent: AgentProfileSchema });
/** `GET conversations?state&limit`. */
export const ConversationListReplySchema = v.object({
  conversations: v.array(AgentConversationSchema),
  /** Issue 13: the asking agent's read position per listed conversation (none: 0). */
  ownReads: v.optional(v.record(v.string(), count)),
});
/** `GET conversations/:id`. */
export const ConversationDetailReplySchema = v.object({
  conversation: AgentConversationSchema,
  messages: v.array(MessageSchema),
});
/** `GET faqs`. */
export const FaqListReplySchema = v.object({
  faqs: v.array(FaqEntrySchema),
  overlaps: v.array(FaqOverlapSchema),
});
/** `PUT faq`. */
export const FaqReplySchema = v.object({ faq: FaqEntrySchema });
/** `GET unanswered`. */
export const UnansweredReplySchema = v.object({ groups: v.array(UnansweredGroupSchema) });
/** Mutations with nothing to return (logout, delete, dismiss). */
export const OkReplySchema = v.object({ ok: v.literal(true) });

// Sites and agents (admin)

const perLocale = <S extends v.GenericSchema>(schema: S) =>
  v.object(
    Object.fromEntries(LOCALES.map((locale) => [locale, v.optional(schema)])) as Record<
      (typeof LOCALES)[number],
      v.OptionalSchema<S, undefined>
    >,
  );

export const SiteAppearanceReplySchema = v.object({
  color: text,
  position: v.picklist(['right', 'left']),
  launcherLabel: perLocale(text),
  title: perLocale(text),
  subtitle: perLocale(text),
  greeting: perLocale(text),
  quickReplies: perLocale(v.array(QuickReplySchema)),
  logoUrl: nullableText,
  titleFlash: v.optional(v.boolean(), false),
  sound: v.optional(v.boolean(), false),
  sneakPeek: v.optional(v.boolean(), false),
});

export const SiteSummarySchema = v.object({
  id: text,
  key: text,
  name: text,
  archived: v.boolean(),
  createdAt: text,
});

/** Business hours (issue 10). */
export const BusinessHoursReplySchema = v.object({
  timeZone: text,
  weekly: v.array(v.object({ day: v.picklist([0, 1, 2, 3, 4, 5, 6]), open: text, close: text })),
  closedDates: v.array(text),
});

export const SiteDetailSchema = v.object({
  ...SiteSummarySchema.entries,
  allowedOrigins: v.array(text),
  defaultLocale: v.nullable(Locale),
  appearance: SiteAppearanceReplySchema,
  /** Issue 10 (presence). */
  abandonAfterMinutes: v.optional(v.number()),
  hours: v.optional(v.nullable(BusinessHoursReplySchema)),
  // E-mail as a channel (issue 10, mail):
  notifyAgentsOfOfflineMessages: v.boolean(),
});

export const AgentAccountSchema = v.object({
  id: text,
  email: text,
  name: text,
  role: v.picklist(['admin', 'agent']),
  disabled: v.boolean(),
  sites: v.array(v.object({ id: text, name: text, key: text })),
  avatarColor: nullableText,
  avatarUrl: nullableText,
  mustChangePassword: v.boolean(),
  createdAt: text,
});

/** `GET sites`. */
export const SiteListReplySchema = v.object({ sites: v.array(SiteSummarySchema) });
/** `POST sites`, `GET/PATCH site`, `PUT/DELETE siteLogo`. */
export const SiteReplySchema = v.object({ site: SiteDetailSchema });
/** Issue 10: `GET/PUT offlineSettings`. */
const PreChatLabelSchema = perLocale(text);
/** Issue 13: a site's attachment limits. */
export const AttachmentSettingsReplySchema = v.object({
  enabled: v.boolean(),
  maxBytes: count,
  maxPerConversation: count,
  allowedTypes: v.array(v.picklist(ATTACHMENT_MIMES)),
});

export const OfflineSettingsReplySchema = v.object({
  longWaitMinutes: v.nullable(v.number()),
  fields: v.array(
    v.object({
      id: text,
      type: v.picklist(['text', 'multiline', 'phone', 'choice']),
      label: PreChatLabelSchema,
      required: v.boolean(),
      options: v.optional(v.array(v.object({ id: text, label: PreChatLabelSchema }))),
    }),
  ),
});

/** `GET agents`. */
export const AgentListReplySchema = v.object({ agents: v.array(AgentAccountSchema) });
/** `POST agents`, `PATCH agent`; `password` only when the server generated one (shown once). */
export const AgentAccountReplySchema = v.object({ agent: AgentAccountSchema, password: v.optional(text) });
/** `POST agentPassword`: the generated password, when none was given. */
export const PasswordReplySchema = v.object({ ok: v.literal(true), password: v.optional(text) });

// Socket acks and events (`/agent`)

export const SendResultSchema = v.object({ message: MessageSchema, duplicate: v.boolean() });
/** Issue 13: read positions (absent from older servers). */
export const ReadSummarySchema = v.object({ visitor: count, agent: count });
export const AgentSyncResultSchema = v.object({
  conversation: AgentConversationSchema,
  messages: v.array(MessageSchema),
  hasMore: v.boolean(),
  reads: v.optional(ReadSummarySchema),
  ownRead: v.optional(count),
});
/** Issue 13: `read:changed` and the `read:mark` ack. */
export const ReadPositionSchema = v.object({
  conversationId: text,
  reader: v.picklist(['visitor', 'agent']),
  agentId: nullableText,
  seq: count,
  readAt: text,
});
/** Issue 13: `typing:changed`. */
export const TypingNoticeSchema = v.object({
  conversationId: text,
  author: v.picklist(['visitor', 'agent']),
  name: nullableText,
  typing: v.boolean(),
  draft: v.optional(v.string()),
});
export const SessionEndedSchema = v.object({ code: text });

/** Issue 10 (presence): `presence:changed` and the `presence:set` ack. */
export const AgentPresenceSchema = v.object({ agentId: text, status: v.picklist(PRESENCE_STATUSES) });

/** `value` read by `schema`, or `undefined` when it does not fit (the caller decides what that means). */
export const parseWith =
  <S extends v.GenericSchema>(schema: S) =>
  (value: unknown): v.InferOutput<S> | undefined => {
    const result = v.safeParse(schema, value);
    return result.success ? result.output : undefined;
  };

// E-mail as a channel (issue 10, mail): the outbox as admins see it.

export const MailOutboxEntrySchema = v.object({
  id: text,
  conversationId: nullableText,
  kind: v.picklist(['reply', 'transcript', 'agent_notice']),
  recipient: text,
  subject: text,
  text: text,
  status: v.picklist(['pending', 'sent', 'failed', 'unconfigured']),
  attempts: count,
  nextAttemptAt: nullableText,
  lastError: nullableText,
  createdAt: text,
  sentAt: nullableText,
});
export type MailOutboxEntry = v.InferOutput<typeof MailOutboxEntrySchema>;
export const MailOutboxReplySchema = v.object({
  configured: v.boolean(),
  mail: v.array(MailOutboxEntrySchema),
});
export type MailOutbox = v.InferOutput<typeof MailOutboxReplySchema>;
export const MailResendReplySchema = v.object({ mail: MailOutboxEntrySchema });

export type ResponseSchema = v.GenericSchema;
