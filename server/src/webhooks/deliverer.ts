/**
 * The webhook queue (issue 15): every event becomes one stored delivery per subscribed webhook, and
 * a loop on an injected clock sends what is due. A failed attempt (no answer, not 2xx, refused by the
 * SSRF guard) waits the next delay of `API_LIMITS.webhookRetryDelaysMs` (about a day in all), then
 * the delivery is marked failed. Several nodes may run the loop: each attempt is claimed by a
 * conditional update of its row, so exactly one node sends it (a stuck claim lapses after `LEASE_MS`).
 */
import { API_LIMITS, WEBHOOK_HEADERS, type WebhookEvent } from '@frontdesk/shared';
import type { Logger } from '../kernel/logger.ts';
import { checkTarget, type Resolve, systemResolve } from './address-guard.ts';
import { type PostTarget, postJson, type SendResult } from './sender.ts';
import { signature } from './signing.ts';
import type { DeliveryRecord, WebhooksStore } from './store.ts';

const LEASE_MS = 2 * 60_000;
const iso = (ms: number) => new Date(ms).toISOString();

/** After `attempts` failed attempts, the next one's time, or null: give up. Pure. */
export function nextAttemptAt(
  attempts: number,
  failedAt: number,
  delaysMs: readonly number[] = API_LIMITS.webhookRetryDelaysMs,
): number | null {
  const delay = delaysMs[attempts - 1];
  return delay === undefined ? null : failedAt + delay;
}

export type WebhookDelivererDeps = {
  store: WebhooksStore;
  /** Milliseconds since the epoch; tests pass a fake clock (no real waiting). */
  clock: () => number;
  logger: Logger;
  resolve?: Resolve;
  send?: (target: PostTarget, headers: Record<string, string>, body: string) => Promise<SendResult>;
  delaysMs?: readonly number[];
};

export class WebhookDeliverer {
  private timer: ReturnType<typeof setInterval> | null = null;
  private running: Promise<number> | null = null;

  constructor(private readonly deps: WebhookDelivererDeps) {}

  /** Stores one delivery per webhook of the site that picked `event`. */
  enqueue(siteId: string, event: WebhookEvent, data: unknown): Promise<DeliveryRecord[]> {
    return this.enqueueWith(siteId, event, () => data);
  }

  /** As `enqueue`, the data built only when a webhook of the site wants the event (most sites have none). */
  async enqueueWith(siteId: string, event: WebhookEvent, build: () => unknown): Promise<DeliveryRecord[]> {
    const hooks = (await this.deps.store.listWebhooks([siteId])).filter((h) => h.events.includes(event));
    if (hooks.length === 0) return [];
    const at = iso(this.deps.clock());
    const body = JSON.stringify({ event, siteId, createdAt: at, data: build() });
    return Promise.all(
      hooks.map((h) => this.deps.store.insertDelivery({ webhookId: h.id, event, body, at })),
    );
  }

  /** Sends every delivery due now; how many were attempted. One run at a time per node. */
  runDue(limit = 50): Promise<number> {
    this.running ??= this.sendDue(limit).finally(() => {
      this.running = null;
    });
    return this.running;
  }

  start(intervalMs = 5_000): void {
    this.timer = setInterval(() => {
      this.runDue().catch((error: unknown) => this.deps.logger.error({ err: error }, 'webhook run failed'));
    }, intervalMs);
    this.timer.unref?.();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  private async sendDue(limit: number): Promise<number> {
    const { store, clock } = this.deps;
    const due = await store.listDueDeliveries(iso(clock()), limit);
    let attempted = 0;
    for (const delivery of due) {
      if (!(await store.claimDelivery(delivery.id, delivery.attempts, iso(clock() + LEASE_MS)))) continue;
      attempted += 1;
      await this.attempt(delivery, delivery.attempts + 1);
    }
    return attempted;
  }

  private async attempt(delivery: DeliveryRecord, attempts: number): Promise<void> {
    const { store, clock } = this.deps;
    const hook = await store.getWebhook(delivery.webhookId);
    if (!hook) return;
    const started = performance.now();
    let result: SendResult | null = null;
    let error: string | null = null;
    try {
      const url = new URL(hook.url);
      // Checked again now: DNS may have changed since registration, and so may the site's setting.
      const target = await checkTarget(
        url,
        await store.getAllowPrivate(hook.siteId),
        this.deps.resolve ?? systemResolve,
      );
      const timestamp = Math.floor(clock() / 1000);
      result = await (this.deps.send ?? postJson)(
        { url, ...target },
        {
          [WEBHOOK_HEADERS.signature]: signature(hook.secret, timestamp, delivery.body),
          [WEBHOOK_HEADERS.event]: delivery.event,
          [WEBHOOK_HEADERS.delivery]: delivery.id,
        },
        delivery.body,
      );
      if (result.status < 200 || result.status > 299) error = `HTTP ${result.status}`;
    } catch (err) {
      error = (err instanceof Error ? err.message : String(err)).slice(0, 500);
    }
    const durationMs = performance.now() - started;
    const delivered = error === null;
    const next = delivered ? null : nextAttemptAt(attempts, clock(), this.deps.delaysMs);
    await store.recordAttempt(delivery.id, {
      delivered,
      status: result?.status ?? null,
      durationMs,
      response: result?.response ?? null,
      error,
      at: iso(clock()),
      nextAttemptAt: next === null ? null : iso(next),
    });
    if (!delivered)
      this.deps.logger.warn(
        { deliveryId: delivery.id, webhookId: hook.id, attempts, error, retry: next !== null },
        'webhook not delivered',
      );
  }
}
