/**
 * Issue 14: schemas of the replies the console reads about canned responses and attention
 * preferences (`@frontdesk/shared/canned-replies`).
 */
import * as v from 'valibot';
import { CANNED_SCOPES, type CannedResponse } from './canned.ts';
import { AttentionPrefsSchema } from './canned-schemas.ts';
import { LocaleSchema } from './schemas.ts';

export const CannedResponseSchema = v.object({
  id: v.string(),
  siteId: v.string(),
  scope: v.picklist(CANNED_SCOPES),
  ownerId: v.nullable(v.string()),
  lang: LocaleSchema,
  title: v.string(),
  shortcut: v.string(),
  body: v.string(),
  updatedAt: v.string(),
}) satisfies v.GenericSchema<unknown, CannedResponse>;

/** Replies the console reads. */
export const CannedListReplySchema = v.object({ responses: v.array(CannedResponseSchema) });
export const CannedReplySchema = v.object({ response: CannedResponseSchema });
export const AttentionReplySchema = v.object({ attention: v.object(AttentionPrefsSchema.entries) });
