/** Issue 15: the storage port of webhooks — endpoints, the per-site setting and the delivery queue. */
import type { WebhookEvent } from '@frontdesk/shared';

export type WebhookRecord = {
  id: string;
  siteId: string;
  url: string;
  events: WebhookEvent[];
  secret: string;
  createdAt: string;
};

export type DeliveryStatus = 'pending' | 'delivered' | 'failed';

export type DeliveryRecord = {
  id: string;
  webhookId: string;
  event: WebhookEvent;
  body: string;
  status: DeliveryStatus;
  attempts: number;
  nextAttemptAt: string | null;
  lastStatus: number | null;
  lastDurationMs: number | null;
  lastResponse: string | null;
  lastError: string | null;
  createdAt: string;
  deliveredAt: string | null;
};

/** What one attempt left behind; `nextAttemptAt` null with `delivered: false` = given up. */
export type AttemptOutcome = {
  delivered: boolean;
  status: number | null;
  durationMs: number;
  response: string | null;
  error: string | null;
  at: string;
  nextAttemptAt: string | null;
};

export type WebhooksStore = {
  insertWebhook(hook: WebhookRecord): Promise<void>;
  getWebhook(id: string): Promise<WebhookRecord | null>;
  listWebhooks(siteIds: readonly string[]): Promise<WebhookRecord[]>;
  deleteWebhook(id: string): Promise<boolean>;
  getAllowPrivate(siteId: string): Promise<boolean>;
  setAllowPrivate(siteId: string, allow: boolean): Promise<void>;
  insertDelivery(delivery: {
    webhookId: string;
    event: WebhookEvent;
    body: string;
    at: string;
  }): Promise<DeliveryRecord>;
  getDelivery(id: string): Promise<DeliveryRecord | null>;
  listDeliveries(webhookId: string, limit: number): Promise<DeliveryRecord[]>;
  listDueDeliveries(now: string, limit: number): Promise<DeliveryRecord[]>;
  /** Takes a due delivery for one attempt (another node's claim wins the race): true when taken. */
  claimDelivery(id: string, attempts: number, leaseUntil: string): Promise<boolean>;
  recordAttempt(id: string, outcome: AttemptOutcome): Promise<void>;
  /** A delivered or failed one, queued again from scratch; null when unknown or still pending. */
  resendDelivery(id: string, now: string): Promise<DeliveryRecord | null>;
};
