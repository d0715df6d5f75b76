/**
 * Issue 14 (agent tools): schemas of the canned-response and attention-preference payloads, inbound. Reached as `@frontdesk/shared/canned-schemas`, outside the package index.
 */
import * as v from 'valibot';
import type { AttentionPrefs } from './attention.ts';
import { CANNED_LIMITS, CANNED_SCOPES, CANNED_SHORTCUT_PATTERN } from './canned.ts';
import { LocaleSchema, record } from './schemas.ts';

const text = (max: number, label: string) =>
  v.pipe(v.string(), v.trim(), v.nonEmpty(`${label} is empty`), v.maxLength(max, `${label} is too long`));

export const CannedIdSchema = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be an id'));

/** A canned response as an agent saves it (an admin for `site`, anyone for `personal`). */
export const CannedInputSchema = record({
  scope: v.picklist(CANNED_SCOPES),
  lang: LocaleSchema,
  title: text(CANNED_LIMITS.titleMaxLength, 'title'),
  shortcut: v.pipe(
    v.string(),
    v.trim(),
    v.toLowerCase(),
    v.regex(CANNED_SHORTCUT_PATTERN, 'shortcut: 1–32 lower-case letters, digits or "-"'),
  ),
  body: text(CANNED_LIMITS.bodyMaxLength, 'body'),
});

export const AttentionPrefsSchema = record({
  sound: v.boolean(),
  desktop: v.boolean(),
  title: v.boolean(),
}) satisfies v.GenericSchema<unknown, AttentionPrefs>;
