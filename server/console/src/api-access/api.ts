/** Issue 15: API tokens and webhooks over HTTP (admins): list, create, revoke or remove, the delivery log, resend. */
import { type AckResult, API_ADMIN_ROUTES, fillRoute } from '@frontdesk/shared';
import {
  type ApiToken,
  ApiTokenCreatedSchema,
  ApiTokenListSchema,
  ApiTokenReplySchema,
  type Webhook,
  WebhookAllowPrivateReplySchema,
  type WebhookDelivery,
  WebhookDeliveryListSchema,
  WebhookDeliveryReplySchema,
  type WebhookList,
  WebhookListSchema,
  WebhookReplySchema,
} from '@frontdesk/shared/api-responses';
import type { ApiTokenCreateInput, WebhookCreateInput } from '@frontdesk/shared/api-schemas';
import { parseWith } from '@frontdesk/shared/responses';
import { type Http, nothing } from '../shared/http.ts';

export type { ApiToken, Webhook, WebhookDelivery, WebhookList };

export type ApiAccessApi = {
  listApiTokens(): Promise<AckResult<ApiToken[]>>;
  createApiToken(input: ApiTokenCreateInput): Promise<AckResult<{ token: ApiToken; secret: string }>>;
  revokeApiToken(tokenId: string): Promise<AckResult<ApiToken>>;
  listWebhooks(): Promise<AckResult<WebhookList>>;
  createWebhook(input: WebhookCreateInput): Promise<AckResult<Webhook>>;
  removeWebhook(webhookId: string): Promise<AckResult<null>>;
  listDeliveries(webhookId: string): Promise<AckResult<WebhookDelivery[]>>;
  resendDelivery(deliveryId: string): Promise<AckResult<WebhookDelivery>>;
  setWebhookAllowPrivate(siteId: string, allowPrivate: boolean): Promise<AckResult<boolean>>;
};

const readTokens = parseWith(ApiTokenListSchema);
const readCreated = parseWith(ApiTokenCreatedSchema);
const readToken = parseWith(ApiTokenReplySchema);
const readHooks = parseWith(WebhookListSchema);
const readHook = parseWith(WebhookReplySchema);
const readDeliveries = parseWith(WebhookDeliveryListSchema);
const readDelivery = parseWith(WebhookDeliveryReplySchema);
const readAllow = parseWith(WebhookAllowPrivateReplySchema);

export const createApiAccessApi = (http: Http): ApiAccessApi => ({
  listApiTokens: () => http.get(API_ADMIN_ROUTES.tokens, (b) => readTokens(b)?.tokens),
  createApiToken: (input) => http.send('POST', API_ADMIN_ROUTES.tokens, input, readCreated),
  revokeApiToken: (tokenId) =>
    http.send(
      'DELETE',
      fillRoute(API_ADMIN_ROUTES.token, { tokenId }),
      undefined,
      (b) => readToken(b)?.token,
    ),
  listWebhooks: () => http.get(API_ADMIN_ROUTES.webhooks, readHooks),
  createWebhook: (input) => http.send('POST', API_ADMIN_ROUTES.webhooks, input, (b) => readHook(b)?.webhook),
  removeWebhook: (webhookId) =>
    http.send('DELETE', fillRoute(API_ADMIN_ROUTES.webhook, { webhookId }), undefined, nothing),
  listDeliveries: (webhookId) =>
    http.get(
      fillRoute(API_ADMIN_ROUTES.webhookDeliveries, { webhookId }),
      (b) => readDeliveries(b)?.deliveries,
    ),
  resendDelivery: (deliveryId) =>
    http.send(
      'POST',
      fillRoute(API_ADMIN_ROUTES.deliveryResend, { deliveryId }),
      {},
      (b) => readDelivery(b)?.delivery,
    ),
  setWebhookAllowPrivate: (siteId, allowPrivate) =>
    http.send(
      'PUT',
      fillRoute(API_ADMIN_ROUTES.webhookSettings, { siteId }),
      { allowPrivate },
      (b) => readAllow(b)?.allowPrivate,
    ),
});
