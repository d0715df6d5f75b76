/**
 * Issue 15 (public API, webhooks): schemas of every inbound payload of the public API and of the
 * console's token and webhook pages, and of what they answer. The OpenAPI document is generated
 * from these (`server/src/api/openapi.ts`), so it cannot drift. Reached as
 * `@frontdesk/shared/api-schemas`, outside the package index.
 */
import * as v from 'valibot';
import { API_LIMITS, API_SCOPES, WEBHOOK_EVENTS } from './api.ts';
import { CannedInputSchema } from './canned-schemas.ts';
import { CONVERSATION_STATES } from './conversation-state.ts';
import {
  BodySchema,
  ClientIdSchema,
  FaqIdSchema,
  FaqInputSchema,
  IdSchema,
  PersonNameSchema,
  record,
} from './schemas.ts';

/** An opaque page cursor, as a previous page's `nextCursor` gave it. */
export const CursorSchema = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,300}$/, 'must be a cursor'));

/** `?limit=`: 1 … `pageSizeMax` (a query string: digits). */
export const PageLimitSchema = v.pipe(
  v.string(),
  v.regex(/^\d{1,4}$/, 'must be a number'),
  v.transform(Number),
  v.minValue(1, 'must be at least 1'),
  v.maxValue(API_LIMITS.pageSizeMax, `must be at most ${API_LIMITS.pageSizeMax}`),
);

// Console: tokens and webhooks (admins, cookie session)

export const ApiTokenCreateSchema = record({
  siteId: IdSchema,
  name: v.pipe(
    v.string(),
    v.trim(),
    v.nonEmpty('name is empty'),
    v.maxLength(API_LIMITS.tokenNameMaxLength, 'name is too long'),
  ),
  scope: v.picklist(API_SCOPES),
});
export type ApiTokenCreateInput = v.InferOutput<typeof ApiTokenCreateSchema>;

export const WebhookUrlSchema = v.pipe(
  v.string(),
  v.trim(),
  v.maxLength(API_LIMITS.webhookUrlMaxLength, 'URL is too long'),
  v.url('must be a URL'),
  v.regex(/^https?:\/\//i, 'must be an http or https URL'),
);

export const WebhookCreateSchema = record({
  siteId: IdSchema,
  url: WebhookUrlSchema,
  events: v.pipe(v.array(v.picklist(WEBHOOK_EVENTS)), v.minLength(1, 'pick at least one event')),
});
export type WebhookCreateInput = v.InferOutput<typeof WebhookCreateSchema>;

export const WebhookSettingsSchema = record({ allowPrivate: v.boolean() });
export type WebhookSettingsInput = v.InferOutput<typeof WebhookSettingsSchema>;

// Public API (`Authorization: Bearer fdk_…`)

export const ApiConversationListQuerySchema = record({
  state: v.optional(v.picklist(CONVERSATION_STATES)),
  cursor: v.optional(CursorSchema),
  limit: v.optional(PageLimitSchema),
});
export type ApiConversationListQuery = v.InferOutput<typeof ApiConversationListQuerySchema>;

export const ApiMessageListQuerySchema = record({
  cursor: v.optional(CursorSchema),
  limit: v.optional(PageLimitSchema),
});
export type ApiMessageListQuery = v.InferOutput<typeof ApiMessageListQuerySchema>;

/** A message from an integration: a reply the visitor sees (`text`) or a note only agents see. */
export const ApiMessageInputSchema = record({
  body: BodySchema,
  kind: v.optional(v.picklist(['text', 'note'])),
  /** Retries with the same `clientId` return the first message instead of a second one. */
  clientId: v.optional(ClientIdSchema),
  /** Shown as the author; default: the token's name. */
  authorName: v.optional(PersonNameSchema),
});
export type ApiMessageInput = v.InferOutput<typeof ApiMessageInputSchema>;

/** `POST /api/v1/faqs`: a new entry, its id chosen by the caller. */
export const ApiFaqCreateSchema = record({ id: FaqIdSchema, ...FaqInputSchema.entries });
export type ApiFaqCreateInput = v.InferOutput<typeof ApiFaqCreateSchema>;

/** A shared canned response through the API (a token manages its site's shared ones, never personal ones). */
const { scope: _scope, ...cannedEntries } = CannedInputSchema.entries;
export const ApiCannedInputSchema = record(cannedEntries);
export type ApiCannedInput = v.InferOutput<typeof ApiCannedInputSchema>;
