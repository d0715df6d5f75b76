/** An in-memory API-token and webhook store for component tests (issue 15): admins only, as on the server. */
import type { AckResult, AgentProfile, ErrorCode } from '@frontdesk/shared';
import type { ApiAccessApi, ApiToken, Webhook, WebhookDelivery } from '../api-access/api.ts';

export type MemoryApiAccess = ApiAccessApi & {
  tokens: ApiToken[];
  webhooks: Webhook[];
  deliveries: WebhookDelivery[];
  allowPrivate: Record<string, boolean>;
};

const fail = <T>(code: ErrorCode): AckResult<T> => ({ ok: false, error: { code, message: code } });
const ok = <T>(data: T): AckResult<T> => ({ ok: true, data });
const NOW = '2026-03-01T10:00:00.000Z';

export function createMemoryApiAccess(agent: AgentProfile): MemoryApiAccess {
  let n = 0;
  const admin = agent.role === 'admin';
  const api: MemoryApiAccess = {
    tokens: [],
    webhooks: [],
    deliveries: [],
    allowPrivate: {},
    async listApiTokens() {
      return admin ? ok(api.tokens.map((x) => ({ ...x }))) : fail('forbidden');
    },
    async createApiToken(input) {
      if (!admin) return fail('forbidden');
      n += 1;
      const token: ApiToken = {
        id: `tok${String(n).padStart(13, '0')}`,
        siteId: input.siteId,
        name: input.name,
        scope: input.scope,
        createdAt: NOW,
        lastUsedAt: null,
        revokedAt: null,
      };
      api.tokens.unshift(token);
      return ok({ token, secret: `fdk_${token.id}_${'s'.repeat(43)}` });
    },
    async revokeApiToken(tokenId) {
      const token = api.tokens.find((x) => x.id === tokenId);
      if (!admin) return fail('forbidden');
      if (!token) return fail('not_found');
      token.revokedAt ??= NOW;
      return ok({ ...token });
    },
    async listWebhooks() {
      if (!admin) return fail('forbidden');
      return ok({ webhooks: api.webhooks.map((x) => ({ ...x })), allowPrivate: { ...api.allowPrivate } });
    },
    async createWebhook(input) {
      if (!admin) return fail('forbidden');
      n += 1;
      const hook: Webhook = { id: `hook-${n}`, ...input, secret: `whsec_${n}`, createdAt: NOW };
      api.webhooks.push(hook);
      return ok(hook);
    },
    async removeWebhook(webhookId) {
      const before = api.webhooks.length;
      api.webhooks = api.webhooks.filter((x) => x.id !== webhookId);
      return api.webhooks.length < before ? ok(null) : fail('not_found');
    },
    async listDeliveries(webhookId) {
      return ok(api.deliveries.filter((d) => d.webhookId === webhookId));
    },
    async resendDelivery(deliveryId) {
      const d = api.deliveries.find((x) => x.id === deliveryId);
      if (!d) return fail('not_found');
      if (d.status === 'pending') return fail('invalid_state');
      Object.assign(d, { status: 'pending', attempts: 0, nextAttemptAt: NOW, lastError: null });
      return ok({ ...d });
    },
    async setWebhookAllowPrivate(siteId, allowPrivate) {
      if (!admin) return fail('forbidden');
      api.allowPrivate[siteId] = allowPrivate;
      return ok(allowPrivate);
    },
  };
  return api;
}
