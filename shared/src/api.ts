/**
 * Issue 15 (public API, webhooks): the names both ends share — token scopes and prefix, webhook
 * events and signature headers, and the API's limits. Written once, here.
 */

/** `read`: GET only; `write`: every method. */
export const API_SCOPES = ['read', 'write'] as const;
export type ApiScope = (typeof API_SCOPES)[number];

/** Every API token starts with this, so a leaked one is recognisable (secret scanners, logs). */
export const API_TOKEN_PREFIX = 'fdk_';

export const WEBHOOK_EVENTS = [
  'conversation.created',
  'conversation.queued',
  'conversation.assigned',
  'conversation.resolved',
  'message.created',
  'rating.created',
  'contact.updated',
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

/** The headers of every webhook delivery (documented in docs/API.md). */
export const WEBHOOK_HEADERS = {
  /** `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`. */
  signature: 'x-frontdesk-signature',
  event: 'x-frontdesk-event',
  delivery: 'x-frontdesk-delivery',
} as const;

export const API_LIMITS = {
  /** Page size of list endpoints: default and most. */
  pageSizeDefault: 50,
  pageSizeMax: 200,
  tokenNameMaxLength: 100,
  tokensPerSiteMax: 50,
  webhooksPerSiteMax: 20,
  webhookUrlMaxLength: 2048,
  /** Requests per token: a bucket of this size refilled over `tokenWindowMs`. */
  tokenRequests: 120,
  tokenWindowMs: 60_000,
  /** One delivery attempt may take this long (connect to last byte). */
  webhookTimeoutMs: 10_000,
  /** Characters of the receiver's answer kept in the delivery log. */
  webhookResponseExcerpt: 500,
  /** Waits between attempts; the last one falls about a day after the first. */
  webhookRetryDelaysMs: [
    60_000,
    5 * 60_000,
    15 * 60_000,
    60 * 60_000,
    3 * 60 * 60_000,
    6 * 60 * 60_000,
    14 * 60 * 60_000,
  ] as readonly number[],
  /** Deliveries shown per webhook in the console's log. */
  deliveryLogSize: 50,
} as const;

/**
 * The public API's paths (Bearer token; see `ROUTES` for the console's cookie API). A request with
 * an API token is answered by these routes only; the site is the token's own.
 */
export const API_V1_ROUTES = {
  openapi: '/api/v1/openapi.json',
  reference: '/api/v1/reference',
  site: '/api/v1/site',
  conversations: '/api/v1/conversations',
  conversation: '/api/v1/conversations/:conversationId',
  conversationMessages: '/api/v1/conversations/:conversationId/messages',
  conversationResolve: '/api/v1/conversations/:conversationId/resolve',
  contacts: '/api/v1/contacts',
  contact: '/api/v1/contacts/:contactId',
  faqs: '/api/v1/faqs',
  faq: '/api/v1/faqs/:faqId',
  cannedResponses: '/api/v1/canned-responses',
  cannedResponse: '/api/v1/canned-responses/:cannedId',
  reports: '/api/v1/reports',
} as const;

/** The console's pages for tokens and webhooks (admins, cookie session). */
export const API_ADMIN_ROUTES = {
  tokens: '/api/v1/admin/api-tokens',
  token: '/api/v1/admin/api-tokens/:tokenId',
  webhooks: '/api/v1/admin/webhooks',
  webhook: '/api/v1/admin/webhooks/:webhookId',
  webhookDeliveries: '/api/v1/admin/webhooks/:webhookId/deliveries',
  deliveryResend: '/api/v1/admin/webhook-deliveries/:deliveryId/resend',
  webhookSettings: '/api/v1/admin/sites/:siteId/webhook-settings',
} as const;
