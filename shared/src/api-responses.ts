/**
 * Issue 15 (public API, webhooks): runtime schemas of what the token and webhook pages and the
 * public API answer (the console reads replies through them; the OpenAPI document is generated
 * from them). Reached as `@frontdesk/shared/api-responses`, outside the package index.
 */
import * as v from 'valibot';
import { API_SCOPES, WEBHOOK_EVENTS } from './api.ts';

const text = v.string();
const nullableText = v.nullable(v.string());
const count = v.pipe(v.number(), v.integer(), v.minValue(0));

export const ApiTokenSchema = v.object({
  id: text,
  siteId: text,
  name: text,
  scope: v.picklist(API_SCOPES),
  createdAt: text,
  lastUsedAt: nullableText,
  revokedAt: nullableText,
});
export const ApiTokenListSchema = v.object({ tokens: v.array(ApiTokenSchema) });
/** The token itself comes back once, at creation; only its hash is kept. */
export const ApiTokenCreatedSchema = v.object({ token: ApiTokenSchema, secret: text });

export const WebhookSchema = v.object({
  id: text,
  siteId: text,
  url: text,
  events: v.array(v.picklist(WEBHOOK_EVENTS)),
  /** The signing secret (admins copy it into their receiver). */
  secret: text,
  createdAt: text,
});
export const WebhookDeliverySchema = v.object({
  id: text,
  webhookId: text,
  event: v.picklist(WEBHOOK_EVENTS),
  status: v.picklist(['pending', 'delivered', 'failed']),
  attempts: count,
  nextAttemptAt: nullableText,
  lastStatus: v.nullable(count),
  lastDurationMs: v.nullable(count),
  lastResponse: nullableText,
  lastError: nullableText,
  createdAt: text,
  deliveredAt: nullableText,
});
export const WebhookListSchema = v.object({
  webhooks: v.array(WebhookSchema),
  allowPrivate: v.record(v.string(), v.boolean()),
});
export const WebhookDeliveryListSchema = v.object({ deliveries: v.array(WebhookDeliverySchema) });

export const ApiSiteSchema = v.object({
  id: text,
  key: text,
  name: text,
  allowedOrigins: v.array(text),
  archived: v.boolean(),
  createdAt: text,
});

export const apiPage = <T extends v.GenericSchema>(item: T) =>
  v.object({ items: v.array(item), nextCursor: nullableText });

export const ApiErrorSchema = v.object({
  ok: v.literal(false),
  error: v.object({ code: text, message: text, retryAfter: v.optional(count) }),
});

// Replies of the console's token and webhook routes
export const ApiTokenReplySchema = v.object({ token: ApiTokenSchema });
export const WebhookReplySchema = v.object({ webhook: WebhookSchema });
export const WebhookDeliveryReplySchema = v.object({ delivery: WebhookDeliverySchema });
export const WebhookAllowPrivateReplySchema = v.object({ allowPrivate: v.boolean() });

export type ApiToken = v.InferOutput<typeof ApiTokenSchema>;
export type Webhook = v.InferOutput<typeof WebhookSchema>;
export type WebhookDelivery = v.InferOutput<typeof WebhookDeliverySchema>;
export type WebhookList = v.InferOutput<typeof WebhookListSchema>;
