/**
 * Runtime schemas for every inbound payload (socket and HTTP). Handlers parse with these before any
 * service sees the data; unknown keys are rejected, so `__proto__` and friends never get through,
 * and every object schema is built with `record`, which refuses arrays and other non-plain objects.
 * Kept out of the package index so the widget bundle does not pull in the validator.
 */
import * as v from 'valibot';
import { ATTACHMENT_MIMES, ATTACHMENT_VARIANTS } from './attachments.ts';
import { OFFLINE_REASONS } from './availability.ts';
import { hasTextContrast, normalizeHexColor } from './contrast.ts';
import { CONVERSATION_STATES } from './conversation-state.ts';
import {
  canonicalTimeZone,
  type HoursProblem,
  parseLocalDate,
  parseTimeOfDay,
  WEEKDAYS,
  weeklyProblems,
} from './hours.ts';
import { LOCALES } from './i18n/locale.ts';
import { markdownProblemText } from './i18n/markdown.ts';
import { LIMITS } from './limits.ts';
import { markdownProblem } from './markdown-complexity.ts';
import { PRE_CHAT_FIELD_TYPES } from './offline.ts';
import { type OriginProblem, parseAllowedOrigin } from './origins.ts';
import { CHOSEN_PRESENCE_STATUSES } from './presence.ts';
import { WIDGET_POSITIONS } from './sites.ts';

/** True for `{…}` from JSON (or a null-prototype object); false for arrays, dates, maps, class instances. */
const isPlainObject = (input: unknown): input is Record<string, unknown> => {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return false;
  const proto: unknown = Object.getPrototypeOf(input);
  return proto === Object.prototype || proto === null;
};

const PlainObjectSchema = v.custom<Record<string, unknown>>(isPlainObject, 'must be an object');

/**
 * A strict object schema that refuses arrays: valibot's object schemas accept anything of
 * `typeof 'object'`, so `[]` would pass a schema whose keys are all optional. Keeps `entries`
 * so other schemas can reuse single fields.
 */
export const record = <const E extends v.ObjectEntries>(entries: E) => {
  const object = v.strictObject(entries);
  return Object.assign(v.pipe(PlainObjectSchema, object), { entries: object.entries });
};

export const IdSchema = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be an id'));
export const ClientIdSchema = v.pipe(
  v.string(),
  v.regex(/^[A-Za-z0-9_-]{8,64}$/, 'must be 8–64 letters, digits, "-" or "_"'),
);
export const SiteKeySchema = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{4,64}$/, 'must be a site key'));
/** A visitor token as the server mints it: 32 random bytes, base64url (43 characters). */
export const VisitorTokenSchema = v.pipe(
  v.string(),
  v.regex(/^[A-Za-z0-9_-]{43}$/, 'must be a visitor token'),
);
export const LocaleSchema = v.picklist(LOCALES);
const Seq = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(Number.MAX_SAFE_INTEGER));

export const BodySchema = v.pipe(
  v.string(),
  v.maxLength(LIMITS.messageMaxLength * 2, 'message is too long'),
  v.trim(),
  v.nonEmpty('message is empty'),
  v.maxLength(LIMITS.messageMaxLength, 'message is too long'),
);

/**
 * A body that will be rendered as Markdown (agent messages and notes, FAQ answers) must stay within
 * the renderers' limits; the message names the limit ("nested too deeply …"). Visitor bodies are
 * always shown as text, so they are not checked.
 */
const markdownWithinLimits = v.check<string, (issue: v.CheckIssue<string>) => string>(
  (body) => markdownProblem(body) === null,
  (issue) => {
    const problem = markdownProblem(issue.input);
    return problem ? markdownProblemText(problem, 'en') : 'too complex to format';
  },
);

export const SessionInitSchema = record({
  locale: v.optional(v.pipe(v.string(), v.nonEmpty(), v.maxLength(LIMITS.localeMaxLength))),
  /** Issue 12: the browser's IANA time zone (the contact's location); an unknown zone is ignored. */
  timeZone: v.optional(v.pipe(v.string(), v.maxLength(LIMITS.timeZoneMaxLength))),
});

export const PageViewSchema = record({
  url: v.pipe(v.string(), v.maxLength(LIMITS.urlMaxLength), v.url()),
  title: v.pipe(v.string(), v.maxLength(LIMITS.titleMaxLength)),
});
export type PageViewInput = v.InferOutput<typeof PageViewSchema>;

export const OpenConversationSchema = record({
  locale: v.optional(LocaleSchema),
  page: v.optional(PageViewSchema),
  /** Start a new conversation when the current one is resolved. */
  fresh: v.optional(v.boolean()),
});
export type OpenConversationInput = v.InferOutput<typeof OpenConversationSchema>;

const QuickReplyChoiceSchema = v.pipe(
  PlainObjectSchema,
  v.variant('type', [
    v.strictObject({ type: v.literal('faq'), faqId: IdSchema }),
    v.strictObject({ type: v.literal('handoff') }),
  ]),
);

export const SendVisitorMessageSchema = record({
  conversationId: IdSchema,
  clientId: ClientIdSchema,
  body: BodySchema,
  quickReply: v.optional(QuickReplyChoiceSchema),
});
export type SendVisitorMessageInput = v.InferOutput<typeof SendVisitorMessageSchema>;

export const SendAgentMessageSchema = record({
  conversationId: IdSchema,
  clientId: ClientIdSchema,
  body: v.pipe(BodySchema, markdownWithinLimits),
  kind: v.optional(v.picklist(['text', 'note'])),
});
export type SendAgentMessageInput = v.InferOutput<typeof SendAgentMessageSchema>;

export const SyncSchema = record({ conversationId: IdSchema, afterSeq: Seq });
export type SyncInput = v.InferOutput<typeof SyncSchema>;

export const ConversationRefSchema = record({ conversationId: IdSchema });
export type ConversationRefInput = v.InferOutput<typeof ConversationRefSchema>;

/** Issue 17: the console shows the conversation list (`true`) or not (another page, a phone showing one conversation). */
export const ListsShowSchema = record({ showing: v.boolean() });
export type ListsShowInput = v.InferOutput<typeof ListsShowSchema>;

/** Issue 13: "I have seen everything up to `seq`" (clamped to the conversation's last seq by the server). */
export const ReadMarkSchema = record({ conversationId: IdSchema, seq: Seq });
export type ReadMarkInput = v.InferOutput<typeof ReadMarkSchema>;
/** Issue 13: the visitor's language, changed by the host page (`Frontdesk('setLocale', …)`). */
export const LocaleSetSchema = record({ locale: LocaleSchema });
export type LocaleSetInput = v.InferOutput<typeof LocaleSetSchema>;

/** Issue 13: typing or stopped; the visitor's draft only matters with the site's sneak peek on. */
export const TypingSetSchema = record({
  conversationId: IdSchema,
  typing: v.boolean(),
  draft: v.optional(v.pipe(v.string(), v.maxLength(LIMITS.typingDraftMaxLength))),
});
export type TypingSetInput = v.InferOutput<typeof TypingSetSchema>;

export const RateSchema = record({
  conversationId: IdSchema,
  rating: v.pipe(v.number(), v.integer(), v.minValue(LIMITS.ratingMin), v.maxValue(LIMITS.ratingMax)),
  comment: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(LIMITS.ratingCommentMaxLength))),
});
export type RateInput = v.InferOutput<typeof RateSchema>;

// HTTP bodies and queries

export const VisitorSessionSchema = record({ siteKey: SiteKeySchema });
export type VisitorSessionInput = v.InferOutput<typeof VisitorSessionSchema>;

export const EmailSchema = v.pipe(
  v.string(),
  v.trim(),
  v.toLowerCase(),
  v.maxLength(LIMITS.emailMaxLength),
  v.email(),
);

export const LoginSchema = record({
  email: EmailSchema,
  password: v.pipe(v.string(), v.minLength(1), v.maxLength(LIMITS.passwordMaxLength)),
});
export type LoginInput = v.InferOutput<typeof LoginSchema>;

/** A new password: long enough to resist guessing, short enough to hash cheaply. */
export const PasswordSchema = v.pipe(
  v.string(),
  v.minLength(LIMITS.passwordMinLength, `must be at least ${LIMITS.passwordMinLength} characters`),
  v.maxLength(LIMITS.passwordMaxLength),
);

export const NewAgentSchema = record({
  email: EmailSchema,
  name: v.pipe(v.string(), v.trim(), v.nonEmpty(), v.maxLength(LIMITS.nameMaxLength)),
  password: PasswordSchema,
  role: v.optional(v.picklist(['admin', 'agent']), 'agent'),
});
export type NewAgentInput = v.InferOutput<typeof NewAgentSchema>;

export const ConversationListQuerySchema = record({
  state: v.optional(v.picklist(CONVERSATION_STATES)),
  limit: v.optional(
    v.pipe(v.string(), v.regex(/^\d{1,3}$/), v.transform(Number), v.minValue(1), v.maxValue(200)),
  ),
});
export type ConversationListQuery = v.InferOutput<typeof ConversationListQuerySchema>;

export const MessagesQuerySchema = record({
  after: v.optional(v.pipe(v.string(), v.regex(/^\d{1,15}$/), v.transform(Number))),
});

// FAQ authoring and bot settings (admin routes)

/** An FAQ entry id: lower-case letters, digits, "_" and "-". */
export const FaqIdSchema = v.pipe(
  v.string(),
  v.regex(/^[a-z0-9_-]{1,64}$/, 'must be 1–64 lower-case letters, digits, "_" or "-"'),
);

const faqText = (max: number, what: string) =>
  v.pipe(v.string(), v.trim(), v.nonEmpty(`${what} is empty`), v.maxLength(max, `${what} is too long`));

export const FaqInputSchema = record({
  lang: LocaleSchema,
  question: faqText(LIMITS.faqQuestionMaxLength, 'question'),
  examples: v.pipe(
    v.array(faqText(LIMITS.faqQuestionMaxLength, 'example')),
    v.maxLength(LIMITS.faqExamplesMax, 'too many examples'),
  ),
  answer: v.pipe(faqText(LIMITS.faqAnswerMaxLength, 'answer'), markdownWithinLimits),
  tags: v.pipe(
    v.array(faqText(LIMITS.faqTagMaxLength, 'tag')),
    v.maxLength(LIMITS.faqTagsMax, 'too many tags'),
  ),
});
export type FaqInputParsed = v.InferOutput<typeof FaqInputSchema>;

export const FaqTrySchema = record({ text: BodySchema, lang: v.optional(LocaleSchema) });
export type FaqTryInput = v.InferOutput<typeof FaqTrySchema>;

export const UnansweredDismissSchema = record({
  messageIds: v.pipe(
    v.array(IdSchema),
    v.minLength(1, 'no messages'),
    v.maxLength(LIMITS.dismissMax, 'too many messages'),
  ),
  faqId: v.optional(FaqIdSchema),
});
export type UnansweredDismissInput = v.InferOutput<typeof UnansweredDismissSchema>;

/** `POST agent-answers/dismiss`: take one conversation's suggested answer off the list. */
export const AgentAnswerDismissSchema = record({ conversationId: IdSchema });
export type AgentAnswerDismissInput = v.InferOutput<typeof AgentAnswerDismissSchema>;

export const BotSettingsSchema = record({
  botMissesBeforeHandoff: v.pipe(
    v.number(),
    v.integer(),
    v.minValue(LIMITS.botMissesBeforeHandoffMin),
    v.maxValue(LIMITS.botMissesBeforeHandoffMax),
  ),
  escalationPhrases: v.pipe(
    v.array(faqText(LIMITS.escalationPhraseMaxLength, 'phrase')),
    v.maxLength(LIMITS.escalationPhrasesMax, 'too many phrases'),
  ),
  answerThreshold: v.nullable(
    v.pipe(v.number(), v.minValue(LIMITS.answerThresholdMin), v.maxValue(LIMITS.answerThresholdMax)),
  ),
});
export type BotSettingsInput = v.InferOutput<typeof BotSettingsSchema>;

// Sites and agents (admin routes) and the signed-in agent's own profile

const ORIGIN_PROBLEMS: Record<OriginProblem, string> = {
  not_a_url: 'must be an origin such as https://shop.example',
  scheme: 'must start with https:// or http://',
  has_path: 'must be an origin only, without a path, query or #',
  has_credentials: 'must not contain a user name or password',
  wildcard: 'a wildcard must be the first label of a domain, as in https://*.shop.example',
};

/** One allowed origin, canonicalised (`https://Shop.Example/` → `https://shop.example`). */
export const AllowedOriginSchema = v.pipe(
  v.string(),
  v.maxLength(LIMITS.urlMaxLength),
  v.rawTransform(({ dataset, addIssue, NEVER }) => {
    const parsed = parseAllowedOrigin(dataset.value);
    if (parsed.ok) return parsed.origin;
    addIssue({ message: `${dataset.value.trim() || '(empty)'}: ${ORIGIN_PROBLEMS[parsed.problem]}` });
    return NEVER;
  }),
);

export const AllowedOriginsSchema = v.pipe(
  v.array(AllowedOriginSchema),
  v.maxLength(LIMITS.allowedOriginsMax, `at most ${LIMITS.allowedOriginsMax} origins`),
  v.transform((origins) => [...new Set(origins)]),
);

/** A brand colour: `#rgb` or `#rrggbb` with readable text on it, stored as `#rrggbb`. */
export const BrandColorSchema = v.pipe(
  v.string(),
  v.rawTransform(({ dataset, addIssue, NEVER }) => {
    const color = normalizeHexColor(dataset.value);
    if (!color) {
      addIssue({ message: 'must be a colour such as #2563eb' });
      return NEVER;
    }
    if (!hasTextContrast(color)) {
      addIssue({
        message:
          'has too little contrast with white and with black text (needs 4.5:1); pick a darker or lighter shade',
      });
      return NEVER;
    }
    return color;
  }),
);

/** An avatar colour: any `#rgb`/`#rrggbb` (initials are drawn in a readable colour on it). */
export const AvatarColorSchema = v.pipe(
  v.string(),
  v.rawTransform(({ dataset, addIssue, NEVER }) => {
    const color = normalizeHexColor(dataset.value);
    if (color) return color;
    addIssue({ message: 'must be a colour such as #2563eb' });
    return NEVER;
  }),
);

const shortText = (max: number, what: string) =>
  v.pipe(v.string(), v.trim(), v.nonEmpty(`${what} is empty`), v.maxLength(max, `${what} is too long`));

const perLocale = <S extends v.GenericSchema>(schema: S) =>
  record(
    Object.fromEntries(LOCALES.map((locale) => [locale, v.optional(schema)])) as Record<
      (typeof LOCALES)[number],
      v.OptionalSchema<S, undefined>
    >,
  );

const QuickReplyInputSchema = v.variant('type', [
  // Strict objects: a variant needs object schemas, and an array has no `type` to match anyway.
  v.strictObject({
    type: v.literal('faq'),
    label: shortText(LIMITS.quickReplyLabelMaxLength, 'label'),
    faqId: FaqIdSchema,
  }),
  v.strictObject({ type: v.literal('handoff'), label: shortText(LIMITS.quickReplyLabelMaxLength, 'label') }),
  v.strictObject({ type: v.literal('text'), label: shortText(LIMITS.quickReplyLabelMaxLength, 'label') }),
]);

export const SiteAppearanceSchema = record({
  color: BrandColorSchema,
  position: v.picklist(WIDGET_POSITIONS),
  launcherLabel: perLocale(shortText(LIMITS.launcherLabelMaxLength, 'launcher label')),
  title: perLocale(shortText(LIMITS.headerTitleMaxLength, 'title')),
  subtitle: perLocale(shortText(LIMITS.headerSubtitleMaxLength, 'subtitle')),
  greeting: perLocale(v.pipe(shortText(LIMITS.greetingMaxLength, 'greeting'), markdownWithinLimits)),
  quickReplies: perLocale(
    v.pipe(v.array(QuickReplyInputSchema), v.maxLength(LIMITS.quickRepliesMax, 'too many quick replies')),
  ),
  titleFlash: v.optional(v.boolean(), false),
  sound: v.optional(v.boolean(), false),
  sneakPeek: v.optional(v.boolean(), false),
});
export type SiteAppearanceInput = v.InferOutput<typeof SiteAppearanceSchema>;

const SiteNameSchema = shortText(LIMITS.siteNameMaxLength, 'name');

export const SiteCreateSchema = record({
  name: SiteNameSchema,
  allowedOrigins: v.optional(AllowedOriginsSchema, []),
  defaultLocale: v.optional(v.nullable(LocaleSchema), null),
});
export type SiteCreateInput = v.InferOutput<typeof SiteCreateSchema>;

// Business hours (issue 10): a real IANA zone, HH:MM intervals with open < close, no overlaps on a day,
// real calendar dates, bounded lists (LIMITS.hours*).

export const TimeZoneSchema = v.pipe(
  v.string(),
  v.maxLength(LIMITS.timeZoneMaxLength, 'time zone is too long'),
  v.rawTransform(({ dataset, addIssue, NEVER }) => {
    const zone = canonicalTimeZone(dataset.value);
    if (zone) return zone;
    addIssue({ message: `${dataset.value || '(empty)'}: not a known time zone` });
    return NEVER;
  }),
);

const timeOfDay = (what: string, latest: number) =>
  v.pipe(
    v.string(),
    v.check((text) => {
      const minutes = parseTimeOfDay(text);
      return minutes !== null && minutes <= latest;
    }, `${what} must be a time HH:MM`),
  );

const HoursIntervalSchema = record({
  day: v.picklist(WEEKDAYS),
  open: timeOfDay('opening time', 1439),
  close: timeOfDay('closing time', 1440),
});

/** The schema's words for a schedule problem (the console has its own, in both languages). */
function weeklyProblemText(problem: HoursProblem): string {
  const span = (i: { open: string; close: string }) => `${i.open}–${i.close}`;
  switch (problem.type) {
    case 'too_many':
      return `day ${problem.day}: at most ${problem.max} intervals`;
    case 'time':
      return `day ${problem.day}: ${span(problem.interval)} is not a time range`;
    case 'order':
      return `day ${problem.day}: ${span(problem.interval)} closes before it opens`;
    case 'overlap':
      return `day ${problem.day}: ${span(problem.other)} and ${span(problem.interval)} overlap`;
  }
}

export const BusinessHoursSchema = record({
  timeZone: TimeZoneSchema,
  weekly: v.pipe(
    v.array(HoursIntervalSchema),
    v.maxLength(LIMITS.hoursIntervalsPerDayMax * 7, 'too many intervals'),
    v.rawCheck(({ dataset, addIssue }) => {
      if (!dataset.typed) return;
      const [problem] = weeklyProblems(dataset.value, LIMITS.hoursIntervalsPerDayMax);
      if (problem) addIssue({ message: weeklyProblemText(problem) });
    }),
  ),
  closedDates: v.pipe(
    v.array(
      v.pipe(
        v.string(),
        v.check((d) => parseLocalDate(d) !== null, 'must be a date YYYY-MM-DD'),
      ),
    ),
    v.maxLength(LIMITS.hoursClosedDatesMax, `at most ${LIMITS.hoursClosedDatesMax} closed dates`),
    v.transform((dates) => [...new Set(dates)].sort()),
  ),
});
export type BusinessHoursInput = v.InferOutput<typeof BusinessHoursSchema>;

/** A change to a site: only the fields given change; the appearance (without the logo) is replaced whole. */
export const SitePatchSchema = record({
  name: v.optional(SiteNameSchema),
  allowedOrigins: v.optional(AllowedOriginsSchema),
  defaultLocale: v.optional(v.nullable(LocaleSchema)),
  appearance: v.optional(SiteAppearanceSchema),
  archived: v.optional(v.boolean()),
  /** Issue 10 (presence): minutes without its visitor before a queued conversation is abandoned. */
  abandonAfterMinutes: v.optional(
    v.pipe(
      v.number(),
      v.integer(),
      v.minValue(LIMITS.abandonAfterMinutesMin),
      v.maxValue(LIMITS.abandonAfterMinutesMax),
    ),
  ),
  /** Business hours (issue 10): replaced whole; null = no schedule. */
  hours: v.optional(v.nullable(BusinessHoursSchema)),
  // E-mail as a channel (issue 10, mail):
  notifyAgentsOfOfflineMessages: v.optional(v.boolean()),
});
export type SitePatchInput = v.InferOutput<typeof SitePatchSchema>;

const AgentNameSchema = shortText(LIMITS.nameMaxLength, 'name');
const AgentRoleSchema = v.picklist(['admin', 'agent']);
const SiteIdsSchema = v.pipe(
  v.array(IdSchema),
  v.maxLength(LIMITS.allowedOriginsMax * 10, 'too many sites'),
  v.transform((ids) => [...new Set(ids)]),
);

/** An admin adds an agent: the password is generated (and shown once) unless given. */
export const AgentCreateSchema = record({
  email: EmailSchema,
  name: AgentNameSchema,
  role: v.optional(AgentRoleSchema, 'agent'),
  siteIds: SiteIdsSchema,
  password: v.optional(PasswordSchema),
});
export type AgentCreateInput = v.InferOutput<typeof AgentCreateSchema>;

export const AgentPatchSchema = record({
  name: v.optional(AgentNameSchema),
  role: v.optional(AgentRoleSchema),
  siteIds: v.optional(SiteIdsSchema),
  disabled: v.optional(v.boolean()),
});
export type AgentPatchInput = v.InferOutput<typeof AgentPatchSchema>;

export const AgentPasswordResetSchema = record({ password: v.optional(PasswordSchema) });
export type AgentPasswordResetInput = v.InferOutput<typeof AgentPasswordResetSchema>;

/** The signed-in agent's own name and avatar colour. */
export const ProfilePatchSchema = record({
  name: v.optional(AgentNameSchema),
  avatarColor: v.optional(v.nullable(AvatarColorSchema)),
});
export type ProfilePatchInput = v.InferOutput<typeof ProfilePatchSchema>;

export const PasswordChangeSchema = record({
  currentPassword: v.pipe(v.string(), v.minLength(1), v.maxLength(LIMITS.passwordMaxLength)),
  newPassword: PasswordSchema,
});
export type PasswordChangeInput = v.InferOutput<typeof PasswordChangeSchema>;

// Issue 10 (presence)
/** An agent's status: `auto` when the console set it after idle time (it returns to online on activity). */
export const PresenceSetSchema = record({
  status: v.picklist(CHOSEN_PRESENCE_STATUSES),
  auto: v.optional(v.boolean()),
});
export type PresenceSetInput = v.InferOutput<typeof PresenceSetSchema>;
// Issue 10: offline messages (the widget's leave-a-message form) and the site's offline settings.

/**
 * A name a person typed: no control characters (so "a\r\nBcc: x@y" can never become a mail
 * header), no line or paragraph separators, no bidirectional overrides that would disguise it.
 */
export const PersonNameSchema = v.pipe(
  v.string(),
  v.maxLength(LIMITS.nameMaxLength * 2, 'name is too long'),
  v.trim(),
  v.nonEmpty('name is empty'),
  v.maxLength(LIMITS.nameMaxLength, 'name is too long'),
  v.regex(/^[^\p{Cc}\u2028\u2029\u202a-\u202e\u2066-\u2069]*$/u, 'name contains control characters'),
);

/** A pre-chat field's id: starts with a letter, so it can never be `__proto__` or the like. */
export const PreChatFieldIdSchema = v.pipe(
  v.string(),
  v.regex(/^[a-z][a-z0-9-]{0,39}$/, 'must be 1–40 lower-case letters, digits or "-", starting with a letter'),
);

export const OfflineAnswersSchema = v.pipe(
  PlainObjectSchema,
  v.record(
    PreChatFieldIdSchema,
    v.pipe(v.string(), v.maxLength(LIMITS.preChatAnswerMaxLength, 'answer is too long')),
  ),
  v.check((answers) => Object.keys(answers).length <= LIMITS.preChatFieldsMax, 'too many answers'),
);

export const OfflineMessageSchema = record({
  conversationId: IdSchema,
  /** The visitor message's own id: a retry with it stores nothing twice. */
  clientId: ClientIdSchema,
  name: PersonNameSchema,
  email: EmailSchema,
  body: BodySchema,
  /** Why the widget offered the form (shown to agents; the server keeps no opinion of its own). */
  reason: v.picklist(OFFLINE_REASONS),
  answers: v.optional(OfflineAnswersSchema, {}),
});
export type OfflineMessageInput = v.InferOutput<typeof OfflineMessageSchema>;
export type OfflineMessageParsed = v.InferOutput<typeof OfflineMessageSchema>;

const preChatLabel = perLocale(shortText(LIMITS.preChatLabelMaxLength, 'label'));
const hasSomeLabel = (label: Record<string, string | undefined>) =>
  Object.values(label).some((text) => text !== undefined);

const PreChatFieldSchema = v.pipe(
  PlainObjectSchema,
  v.strictObject({
    id: PreChatFieldIdSchema,
    type: v.picklist(PRE_CHAT_FIELD_TYPES),
    label: preChatLabel,
    required: v.boolean(),
    options: v.optional(
      v.pipe(
        v.array(v.pipe(PlainObjectSchema, v.strictObject({ id: PreChatFieldIdSchema, label: preChatLabel }))),
        v.maxLength(LIMITS.preChatOptionsMax, 'too many options'),
      ),
    ),
  }),
  v.check((field) => hasSomeLabel(field.label), 'a question needs a label in at least one language'),
  v.check(
    (field) => (field.type === 'choice') === (field.options !== undefined && field.options.length > 0),
    'a choice needs options, and only a choice has them',
  ),
  v.check(
    (field) => (field.options ?? []).every((option) => hasSomeLabel(option.label)),
    'an option needs a label in at least one language',
  ),
  v.check(
    (field) =>
      new Set((field.options ?? []).map((option) => option.id)).size === (field.options ?? []).length,
    'two options have the same id',
  ),
);

/** PUT body of a site's offline settings (admin). */
export const OfflineSettingsSchema = record({
  longWaitMinutes: v.nullable(
    v.pipe(
      v.number(),
      v.integer(),
      v.minValue(LIMITS.longWaitMinutesMin),
      v.maxValue(LIMITS.longWaitMinutesMax),
    ),
  ),
  fields: v.pipe(
    v.array(PreChatFieldSchema),
    v.maxLength(LIMITS.preChatFieldsMax, `at most ${LIMITS.preChatFieldsMax} questions`),
    v.check(
      (fields) => new Set(fields.map((f) => f.id)).size === fields.length,
      'two questions have the same id',
    ),
  ),
});
export type OfflineSettingsInput = v.InferOutput<typeof OfflineSettingsSchema>;
// E-mail as a channel (issue 10, mail):

/** A signed conversation link from a reply e-mail (checked by the server, only shaped here). */
export const MailLinkExchangeSchema = record({
  token: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_.-]{1,200}$/, 'must be a link token')),
});
export type MailLinkExchangeInput = v.InferOutput<typeof MailLinkExchangeSchema>;

/** The visitor asks for their conversation's transcript (to the e-mail given, else the one known). */
export const MailTranscriptSchema = record({
  conversationId: IdSchema,
  email: v.optional(EmailSchema),
});
export type MailTranscriptInput = v.InferOutput<typeof MailTranscriptSchema>;

export type Schema = v.GenericSchema;
export { v };

// Attachments (issue 13): the query strings of an upload and a download (the file is the raw body).
const AttachmentNameSchema = v.pipe(v.string(), v.maxLength(255));
export const AttachmentUploadQuerySchema = record({
  site: v.optional(SiteKeySchema),
  clientId: ClientIdSchema,
  name: v.optional(AttachmentNameSchema),
});
export type AttachmentUploadQuery = v.InferOutput<typeof AttachmentUploadQuerySchema>;
export const AttachmentReadQuerySchema = record({
  site: v.optional(SiteKeySchema),
  variant: v.optional(v.picklist(ATTACHMENT_VARIANTS)),
});
/** A stored attachment's id: 16 random bytes, base64url. */
export const AttachmentIdSchema = v.pipe(
  v.string(),
  v.regex(/^[A-Za-z0-9_-]{22}$/, 'must be an attachment id'),
);
/** A site's attachment settings as an admin sets them. */
export const AttachmentSettingsSchema = record({
  enabled: v.boolean(),
  maxBytes: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(LIMITS.attachmentMaxBytesCeiling)),
  maxPerConversation: v.pipe(
    v.number(),
    v.integer(),
    v.minValue(1),
    v.maxValue(LIMITS.attachmentsPerConversationMax),
  ),
  allowedTypes: v.pipe(v.array(v.picklist(ATTACHMENT_MIMES)), v.maxLength(ATTACHMENT_MIMES.length)),
});
