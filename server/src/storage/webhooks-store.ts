/** Issue 15: `WebhooksStore` over Kysely (`webhooks`, `webhook_deliveries`, `webhook_settings`). */
import { randomUUID } from 'node:crypto';
import type { WebhookEvent } from '@frontdesk/shared';
import type { Selectable } from 'kysely';
import type { DeliveryRecord, WebhookRecord, WebhooksStore } from '../webhooks/store.ts';
import type { WebhookDeliveryTable, WebhookTable } from './api-schema.ts';
import { type Db, run } from './db.ts';
import { durableQueue } from './durable-queue.ts';
import { WEBHOOKS_OF_SITE } from './hot-sql.ts';

const toHook = (row: Selectable<WebhookTable>): WebhookRecord => ({
  id: row.id,
  siteId: row.site_id,
  url: row.url,
  events: JSON.parse(row.events) as WebhookEvent[],
  secret: row.secret,
  createdAt: row.created_at,
});

const toDelivery = (row: Selectable<WebhookDeliveryTable>): DeliveryRecord => ({
  id: row.id,
  webhookId: row.webhook_id,
  event: row.event as WebhookEvent,
  body: row.body,
  status: row.status,
  attempts: Number(row.attempts),
  nextAttemptAt: row.next_attempt_at,
  lastStatus: row.last_status === null ? null : Number(row.last_status),
  lastDurationMs: row.last_duration_ms === null ? null : Number(row.last_duration_ms),
  lastResponse: row.last_response,
  lastError: row.last_error,
  createdAt: row.created_at,
  deliveredAt: row.delivered_at,
});

export function kyselyWebhooksStore(db: Db): WebhooksStore {
  const queue = durableQueue(db, 'webhook_deliveries');
  return {
    async insertWebhook(hook) {
      await db
        .insertInto('webhooks')
        .values({
          id: hook.id,
          site_id: hook.siteId,
          url: hook.url,
          events: JSON.stringify(hook.events),
          secret: hook.secret,
          created_at: hook.createdAt,
        })
        .execute();
    },
    async getWebhook(id) {
      const row = await db.selectFrom('webhooks').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toHook(row) : null;
    },
    async listWebhooks(siteIds) {
      if (siteIds.length === 0) return [];
      // One site is the hot path (every stored message asks): a prepared statement, no query builder.
      if (siteIds.length === 1)
        return (await run<Selectable<WebhookTable>>(db, WEBHOOKS_OF_SITE, siteIds)).map(toHook);
      const rows = await db
        .selectFrom('webhooks')
        .selectAll()
        .where('site_id', 'in', siteIds)
        .orderBy('created_at', 'asc')
        .orderBy('id', 'asc')
        .execute();
      return rows.map(toHook);
    },
    async deleteWebhook(id) {
      const result = await db.deleteFrom('webhooks').where('id', '=', id).executeTakeFirst();
      return Number(result.numDeletedRows) === 1;
    },
    async getAllowPrivate(siteId) {
      const row = await db
        .selectFrom('webhook_settings')
        .select('allow_private')
        .where('site_id', '=', siteId)
        .executeTakeFirst();
      return Number(row?.allow_private ?? 0) === 1;
    },
    async setAllowPrivate(siteId, allow) {
      await db
        .insertInto('webhook_settings')
        .values({ site_id: siteId, allow_private: allow ? 1 : 0 })
        .onConflict((oc) => oc.column('site_id').doUpdateSet({ allow_private: allow ? 1 : 0 }))
        .execute();
    },
    async insertDelivery(input) {
      const row: Selectable<WebhookDeliveryTable> = {
        id: randomUUID(),
        webhook_id: input.webhookId,
        event: input.event,
        body: input.body,
        status: 'pending',
        attempts: 0,
        next_attempt_at: input.at,
        last_status: null,
        last_duration_ms: null,
        last_response: null,
        last_error: null,
        created_at: input.at,
        delivered_at: null,
      };
      await db.insertInto('webhook_deliveries').values(row).execute();
      return toDelivery(row);
    },
    async getDelivery(id) {
      const row = await db
        .selectFrom('webhook_deliveries')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst();
      return row ? toDelivery(row) : null;
    },
    async listDeliveries(webhookId, limit) {
      const rows = await db
        .selectFrom('webhook_deliveries')
        .selectAll()
        .where('webhook_id', '=', webhookId)
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .execute();
      return rows.map(toDelivery);
    },
    async listDueDeliveries(now, limit) {
      return (await queue.due(now, limit)).map(toDelivery);
    },
    claimDelivery: (id, attempts, leaseUntil) => queue.claim(id, attempts, leaseUntil),
    async recordAttempt(id, outcome) {
      await db
        .updateTable('webhook_deliveries')
        .set({
          status: outcome.delivered ? 'delivered' : outcome.nextAttemptAt === null ? 'failed' : 'pending',
          next_attempt_at: outcome.delivered ? null : outcome.nextAttemptAt,
          last_status: outcome.status,
          last_duration_ms: Math.round(outcome.durationMs),
          last_response: outcome.response,
          last_error: outcome.error,
          delivered_at: outcome.delivered ? outcome.at : null,
        })
        .where('id', '=', id)
        .execute();
    },
    async resendDelivery(id, now) {
      const result = await db
        .updateTable('webhook_deliveries')
        .set({ status: 'pending', attempts: 0, next_attempt_at: now, last_error: null })
        .where('id', '=', id)
        .where('status', 'in', ['delivered', 'failed'])
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) return null;
      return this.getDelivery(id);
    },
  };
}
