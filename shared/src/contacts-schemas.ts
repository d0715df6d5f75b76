/**
 * Contacts (issue 12): schemas of every inbound contact payload, socket and HTTP. Reached as
 * `@frontdesk/shared/contacts-schemas`, outside the package index, like `schemas.ts`.
 */
import * as v from 'valibot';
import {
  ATTRIBUTE_KEY_PATTERN,
  CONTACT_LIMITS,
  ISO_DATE_PATTERN,
  normalizeTag,
  TAG_PATTERN,
} from './contacts.ts';
import { PHONE_PATTERN } from './offline.ts';
import { EmailSchema, PersonNameSchema, record } from './schemas.ts';

/** True for `{…}` from JSON; false for arrays and class instances (valibot's objects accept them). */
const isPlainObject = (input: unknown): input is Record<string, unknown> => {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return false;
  const proto: unknown = Object.getPrototypeOf(input);
  return proto === Object.prototype || proto === null;
};

const NO_CONTROL = /^[^\p{Cc}\u2028\u2029\u202a-\u202e\u2066-\u2069]*$/u;

export const AttributeKeySchema = v.pipe(
  v.string(),
  v.regex(ATTRIBUTE_KEY_PATTERN, 'must be 1–40 letters, digits, "_", "-" or ".", starting with a letter'),
);

const attributeString = v.pipe(
  v.string(),
  v.maxLength(CONTACT_LIMITS.attributeValueMaxLength, 'attribute value is too long'),
  v.regex(NO_CONTROL, 'attribute value contains control characters'),
);
const finiteNumber = v.pipe(v.number(), v.finite(), v.minValue(-1e15), v.maxValue(1e15));
const isoDate = v.pipe(
  v.string(),
  v.regex(ISO_DATE_PATTERN, 'must be an ISO date'),
  v.check((text) => !Number.isNaN(Date.parse(text)), 'must be a real date'),
);

const attributesBounded = <T extends Record<string, unknown>>(what: string) =>
  v.check<T, string>(
    (entries) => Object.keys(entries).length <= CONTACT_LIMITS.attributesMax,
    `at most ${CONTACT_LIMITS.attributesMax} ${what}`,
  );

export const PhoneSchema = v.pipe(
  v.string(),
  v.trim(),
  v.maxLength(CONTACT_LIMITS.phoneMaxLength, 'phone is too long'),
  v.regex(PHONE_PATTERN, 'must be a phone number'),
);

export const UserIdSchema = v.pipe(
  v.string(),
  v.trim(),
  v.nonEmpty('userId is empty'),
  v.maxLength(CONTACT_LIMITS.userIdMaxLength, 'userId is too long'),
  v.regex(NO_CONTROL, 'userId contains control characters'),
);

/** `Frontdesk('identify', …)`: values from the host page; dates as ISO strings. */
export const IdentifySchema = record({
  userId: UserIdSchema,
  /** Hex HMAC-SHA256(userId, site secret). Any short string is accepted here: a wrong one is refused by verification. */
  userHash: v.optional(v.pipe(v.string(), v.maxLength(128, 'userHash is too long'))),
  email: v.optional(EmailSchema),
  name: v.optional(PersonNameSchema),
  phone: v.optional(PhoneSchema),
  attributes: v.optional(
    v.pipe(
      v.record(AttributeKeySchema, v.union([attributeString, finiteNumber, v.boolean()])),
      attributesBounded('attributes'),
    ),
  ),
});
export type IdentifyInput = v.InferOutput<typeof IdentifySchema>;

/** Inputs without fields (logout, delete my history): an empty object, nothing else. */
export const EmptySchema = record({});
export type EmptyInput = v.InferOutput<typeof EmptySchema>;

export const AttributeValueSchema = v.variant('type', [
  v.strictObject({ type: v.literal('string'), value: attributeString }),
  v.strictObject({ type: v.literal('number'), value: finiteNumber }),
  v.strictObject({ type: v.literal('boolean'), value: v.boolean() }),
  v.strictObject({ type: v.literal('date'), value: isoDate }),
]);

export const TagSchema = v.pipe(
  v.string(),
  v.maxLength(CONTACT_LIMITS.tagMaxLength * 2, 'tag is too long'),
  v.transform(normalizeTag),
  v.regex(TAG_PATTERN, 'must be 1–40 lower-case letters, digits, spaces, "_", "-" or "."'),
);

const tagList = v.pipe(v.array(TagSchema), v.maxLength(CONTACT_LIMITS.tagsMax, 'too many tags'));

/** PATCH a contact: null clears a field; attributes and tags change by key. */
export const ContactPatchSchema = record({
  name: v.optional(v.nullable(PersonNameSchema)),
  email: v.optional(v.nullable(EmailSchema)),
  phone: v.optional(v.nullable(PhoneSchema)),
  attributes: v.optional(
    record({
      set: v.optional(
        v.pipe(
          v.record(
            AttributeKeySchema,
            v.pipe(
              v.custom<Record<string, unknown>>(isPlainObject, 'must be an object'),
              AttributeValueSchema,
            ),
          ),
          attributesBounded('attributes'),
        ),
      ),
      remove: v.optional(
        v.pipe(v.array(AttributeKeySchema), v.maxLength(CONTACT_LIMITS.attributesMax, 'too many keys')),
      ),
    }),
  ),
  tags: v.optional(record({ add: v.optional(tagList), remove: v.optional(tagList) })),
});
export type ContactPatchInput = v.InferOutput<typeof ContactPatchSchema>;

/**
 * Issue 15: `POST /api/v1/contacts` — a contact from the site's own systems (a CRM), found again by
 * `userId` (the host page's user id) or else by `email` (see `decideApiContact`); one of them is needed.
 */
export const ContactCreateSchema = record({
  userId: v.optional(UserIdSchema),
  email: v.optional(EmailSchema),
  name: v.optional(PersonNameSchema),
  phone: v.optional(PhoneSchema),
  attributes: ContactPatchSchema.entries.attributes.wrapped.entries.set,
  tags: v.optional(tagList),
});
export type ContactCreateInput = v.InferOutput<typeof ContactCreateSchema>;

const cursor = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,300}$/, 'must be a cursor'));

/** The Contacts page's query: text (name, e-mail, attribute value; `key:value` for one attribute), tag, page. */
export const ContactListQuerySchema = record({
  q: v.optional(
    v.pipe(
      v.string(),
      v.trim(),
      v.maxLength(CONTACT_LIMITS.searchMaxLength, 'search is too long'),
      v.regex(NO_CONTROL, 'search contains control characters'),
    ),
  ),
  tag: v.optional(TagSchema),
  cursor: v.optional(cursor),
  limit: v.optional(
    v.pipe(
      v.string(),
      v.regex(/^\d{1,3}$/),
      v.transform(Number),
      v.minValue(1),
      v.maxValue(CONTACT_LIMITS.pageSizeMax),
    ),
  ),
});
export type ContactListQuery = v.InferOutput<typeof ContactListQuerySchema>;

export const ContactTimelineQuerySchema = record({ cursor: v.optional(cursor) });

export const ContactNoteSchema = record({
  body: v.pipe(
    v.string(),
    v.maxLength(CONTACT_LIMITS.noteMaxLength * 2, 'note is too long'),
    v.trim(),
    v.nonEmpty('note is empty'),
    v.maxLength(CONTACT_LIMITS.noteMaxLength, 'note is too long'),
  ),
});
export type ContactNoteInput = v.InferOutput<typeof ContactNoteSchema>;

export const EraseSchema = record({
  confirmation: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_.-]{1,300}$/, 'must be a confirmation token')),
});
export type EraseInput = v.InferOutput<typeof EraseSchema>;

export const PrivacySettingsSchema = record({
  retentionMonths: v.nullable(
    v.pipe(
      v.number(),
      v.integer(),
      v.minValue(CONTACT_LIMITS.retentionMonthsMin),
      v.maxValue(CONTACT_LIMITS.retentionMonthsMax),
    ),
  ),
});
export type PrivacySettingsInput = v.InferOutput<typeof PrivacySettingsSchema>;
