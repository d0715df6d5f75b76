/**
 * Contacts (issue 12): runtime schemas for what the server sends back about contacts, read by the
 * console at its edge (like `responses.ts`: lenient about added keys, strict about the ones it
 * uses). Reached as `@frontdesk/shared/contacts-responses`, outside the package index.
 */
import * as v from 'valibot';
import { CONTACT_FIELDS, IDENTITY_STATES } from './contacts.ts';
import { CONVERSATION_STATES } from './conversation-state.ts';
import { LOCALES } from './i18n/locale.ts';

const text = v.string();
const nullableText = v.nullable(v.string());
const count = v.pipe(v.number(), v.integer(), v.minValue(0));

const AttributeSchema = v.variant('type', [
  v.object({ key: text, type: v.literal('string'), value: text }),
  v.object({ key: text, type: v.literal('number'), value: v.number() }),
  v.object({ key: text, type: v.literal('boolean'), value: v.boolean() }),
  v.object({ key: text, type: v.literal('date'), value: text }),
]);

export const ContactNoteSchema = v.object({
  id: text,
  body: text,
  authorId: nullableText,
  authorName: nullableText,
  createdAt: text,
});

const ContactConversationSchema = v.object({
  id: text,
  state: v.picklist(CONVERSATION_STATES),
  agentName: nullableText,
  rating: v.nullable(v.number()),
  ratingComment: nullableText,
  lastMessageAt: nullableText,
  createdAt: text,
  resolvedAt: nullableText,
  offline: v.boolean(),
});

export const ContactSummarySchema = v.object({
  id: text,
  siteId: text,
  name: nullableText,
  email: nullableText,
  identity: v.picklist(IDENTITY_STATES),
  userId: nullableText,
  location: nullableText,
  tags: v.array(text),
  firstSeenAt: text,
  lastSeenAt: text,
  conversationCount: count,
  erased: v.boolean(),
});

export const ContactSchema = v.object({
  ...ContactSummarySchema.entries,
  phone: nullableText,
  locale: v.nullable(v.picklist(LOCALES)),
  timeZone: nullableText,
  browser: nullableText,
  os: nullableText,
  attributes: v.array(AttributeSchema),
  notes: v.array(ContactNoteSchema),
  trail: v.array(v.object({ url: text, title: text, at: text })),
  conversations: v.array(ContactConversationSchema),
});

const ActorSchema = v.variant('type', [
  v.object({ type: v.literal('agent'), id: text, name: text }),
  v.object({ type: v.literal('visitor') }),
  v.object({ type: v.literal('host_page') }),
  v.object({ type: v.literal('system') }),
  v.object({ type: v.literal('api_token'), id: text, name: text }),
]);

const ChangeSchema = v.variant('kind', [
  v.object({
    kind: v.literal('field'),
    field: v.picklist(CONTACT_FIELDS),
    from: nullableText,
    to: nullableText,
  }),
  v.object({ kind: v.literal('attribute'), key: text, from: nullableText, to: nullableText }),
  v.object({ kind: v.literal('tag_added'), tag: text }),
  v.object({ kind: v.literal('tag_removed'), tag: text }),
  v.object({ kind: v.literal('note_added'), noteId: text }),
  v.object({ kind: v.literal('identified'), identity: v.picklist(['verified', 'unverified']), userId: text }),
  v.object({ kind: v.literal('merged'), fromContactId: text, conversations: count }),
  v.object({ kind: v.literal('history_deleted'), conversations: count }),
  v.object({ kind: v.literal('erased') }),
]);

export const ContactTimelineEntrySchema = v.object({
  id: text,
  at: text,
  actor: ActorSchema,
  change: ChangeSchema,
});

const page = <T extends v.GenericSchema>(item: T) =>
  v.object({ items: v.array(item), nextCursor: nullableText });

export const ContactPageSchema = page(ContactSummarySchema);
export const ContactTimelinePageSchema = page(ContactTimelineEntrySchema);

export const EraseConfirmationSchema = v.object({ confirmation: text, expiresAt: text });
export const EraseResultSchema = v.object({ erasedAt: text, conversations: count, messages: count });

/** `contact:updated` to a site's agents: which contact to load again. */
export const ContactUpdatedSchema = v.object({ siteId: text, contactId: text });

/** A site's retention period in months; null: conversations are kept. */
export const PrivacySettingsResponseSchema = v.object({
  retentionMonths: v.nullable(v.pipe(v.number(), v.integer(), v.minValue(1))),
});

export const IdentitySettingsSchema = v.object({
  secret: v.optional(nullableText, null),
  rotatedAt: v.optional(nullableText, null),
});
