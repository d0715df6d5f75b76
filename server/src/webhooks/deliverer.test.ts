/**
 * Issue 15: webhook deliveries against a receiver started here on 127.0.0.1, on real storage, with
 * a fake clock (the day of retries passes without waiting): signature, retry after a 500, give-up
 * after the schedule, SSRF refusal at delivery time, no redirects, one sender among several nodes.
 */
import { API_LIMITS, WEBHOOK_HEADERS, type WebhookEvent } from '@frontdesk/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../kernel/logger.ts';
import { DEFAULT_SITE_SETTINGS } from '../sites/settings.ts';
import { openSqliteStorage } from '../storage/sqlite.ts';
import type { Storage } from '../storage/types.ts';
import { startWebhookReceiver, type WebhookReceiver } from '../testing/webhook-receiver.ts';
import { nextAttemptAt, WebhookDeliverer } from './deliverer.ts';
import { verifySignature } from './signing.ts';

let storage: Storage;
let receiver: WebhookReceiver;
const logger = createLogger('silent');

beforeAll(async () => {
  storage = openSqliteStorage(':memory:');
  await storage.migrate();
  receiver = await startWebhookReceiver();
});
afterAll(async () => {
  await receiver.close();
  await storage.close();
});

async function setup(options: { allowPrivate?: boolean; path?: string; events?: WebhookEvent[] } = {}) {
  const site = await storage.createSite({
    key: `s-${Math.random().toString(36).slice(2)}`,
    name: 'Shop',
    allowedOrigins: [],
    settings: DEFAULT_SITE_SETTINGS,
  });
  await storage.setAllowPrivate(site.id, options.allowPrivate ?? true);
  const hook = {
    id: `w-${Math.random().toString(36).slice(2)}`,
    siteId: site.id,
    url: `${receiver.url}${options.path ?? '/hook'}`,
    events: options.events ?? (['message.created'] as WebhookEvent[]),
    secret: 'whsec_test_secret',
    createdAt: new Date().toISOString(),
  };
  // Stored directly: registration would refuse 127.0.0.1 for a site that does not allow it.
  await storage.insertWebhook(hook);
  let now = Date.parse('2026-03-01T12:00:00.000Z');
  const clock = { now: () => now, advance: (ms: number) => (now += ms) };
  const deliverer = new WebhookDeliverer({ store: storage, clock: clock.now, logger });
  return { site, hook, clock, deliverer };
}

const hits = (path: string) => receiver.received.filter((r) => r.path === path);

describe('webhook deliveries', () => {
  it('only to webhooks that picked the event; signed over "<timestamp>.<body>"', async () => {
    const { site, hook, clock, deliverer } = await setup({ path: '/signed' });
    expect(await deliverer.enqueue(site.id, 'contact.updated', { contactId: 'c1' })).toEqual([]);
    const [queued] = await deliverer.enqueue(site.id, 'message.created', { text: 'hi' });
    expect(await deliverer.runDue()).toBe(1);
    const [got] = hits('/signed');
    expect(got).toBeDefined();
    const header = String(got?.headers[WEBHOOK_HEADERS.signature]);
    expect(verifySignature(hook.secret, header, got?.body ?? '', Math.floor(clock.now() / 1000))).toBe(true);
    expect(verifySignature('whsec_other', header, got?.body ?? '', Math.floor(clock.now() / 1000))).toBe(
      false,
    );
    expect(got?.headers[WEBHOOK_HEADERS.event]).toBe('message.created');
    expect(got?.headers[WEBHOOK_HEADERS.delivery]).toBe(queued?.id);
    expect(JSON.parse(got?.body ?? '{}')).toMatchObject({
      event: 'message.created',
      siteId: site.id,
      data: { text: 'hi' },
    });
    expect(await storage.getDelivery(queued?.id ?? '')).toMatchObject({
      status: 'delivered',
      attempts: 1,
      lastStatus: 200,
      lastResponse: 'thanks',
      lastError: null,
    });
  });

  it('retries after a 500 once the first delay has passed, not before', async () => {
    const { site, clock, deliverer } = await setup({ path: '/retry' });
    receiver.answer([500]);
    const [queued] = await deliverer.enqueue(site.id, 'message.created', {});
    await deliverer.runDue();
    const failed = await storage.getDelivery(queued?.id ?? '');
    expect(failed).toMatchObject({ status: 'pending', attempts: 1, lastStatus: 500, lastError: 'HTTP 500' });
    expect(failed?.nextAttemptAt).toBe(
      new Date(clock.now() + (API_LIMITS.webhookRetryDelaysMs[0] ?? 0)).toISOString(),
    );
    expect(await deliverer.runDue()).toBe(0);
    clock.advance(API_LIMITS.webhookRetryDelaysMs[0] ?? 0);
    expect(await deliverer.runDue()).toBe(1);
    expect(await storage.getDelivery(queued?.id ?? '')).toMatchObject({ status: 'delivered', attempts: 2 });
    expect(hits('/retry')).toHaveLength(2);
  });

  it('gives up after the schedule (about a day) and is then marked failed', async () => {
    const { site, clock, deliverer } = await setup({ path: '/down' });
    const delays = API_LIMITS.webhookRetryDelaysMs;
    receiver.answer(Array(delays.length + 5).fill(503));
    const started = clock.now();
    const [queued] = await deliverer.enqueue(site.id, 'message.created', {});
    for (let i = 0; i <= delays.length; i += 1) {
      expect(await deliverer.runDue()).toBe(1);
      clock.advance(delays[i] ?? 0);
    }
    expect(await deliverer.runDue()).toBe(0);
    const given = await storage.getDelivery(queued?.id ?? '');
    expect(given).toMatchObject({
      status: 'failed',
      attempts: delays.length + 1,
      nextAttemptAt: null,
      lastStatus: 503,
    });
    expect(hits('/down')).toHaveLength(delays.length + 1);
    const span = delays.reduce((a, b) => a + b, 0);
    expect(span).toBeGreaterThanOrEqual(20 * 3600_000);
    expect(span).toBeLessThanOrEqual(26 * 3600_000);
    expect(clock.now() - started).toBeGreaterThanOrEqual(span);
    receiver.answer([]);
  });

  it('refuses a loopback target at delivery time unless the site allows private addresses', async () => {
    const { site, deliverer } = await setup({ path: '/private', allowPrivate: false });
    const [queued] = await deliverer.enqueue(site.id, 'message.created', {});
    await deliverer.runDue();
    expect(hits('/private')).toHaveLength(0);
    const refused = await storage.getDelivery(queued?.id ?? '');
    expect(refused).toMatchObject({ status: 'pending', lastStatus: null });
    expect(refused?.lastError).toMatch(/private, loopback or link-local/);
  });

  it('refuses a name that resolves to a private address at delivery (DNS changed after registration)', async () => {
    const { site, hook, deliverer: _d, clock } = await setup({ path: '/rebind', allowPrivate: false });
    await storage.deleteWebhook(hook.id);
    await storage.insertWebhook({ ...hook, id: `${hook.id}-dns`, url: 'http://hooks.example.test/rebind' });
    const deliverer = new WebhookDeliverer({
      store: storage,
      clock: clock.now,
      logger,
      resolve: async () => [{ address: '169.254.169.254', family: 4 }],
    });
    const [queued] = await deliverer.enqueue(site.id, 'message.created', {});
    await deliverer.runDue();
    expect((await storage.getDelivery(queued?.id ?? ''))?.lastError).toMatch(/private/);
  });

  it('does not follow redirects: a 302 is a failed attempt and the new location is never called', async () => {
    const { site, deliverer } = await setup({ path: '/redirect' });
    receiver.answer([302]);
    const [queued] = await deliverer.enqueue(site.id, 'message.created', {});
    await deliverer.runDue();
    expect(await storage.getDelivery(queued?.id ?? '')).toMatchObject({ status: 'pending', lastStatus: 302 });
    expect(hits('/moved')).toHaveLength(0);
  });

  it('two nodes running the queue at once send each delivery once', async () => {
    const { site, clock } = await setup({ path: '/nodes' });
    const a = new WebhookDeliverer({ store: storage, clock: clock.now, logger });
    const b = new WebhookDeliverer({ store: storage, clock: clock.now, logger });
    for (let i = 0; i < 5; i += 1) await a.enqueue(site.id, 'message.created', { i });
    const [ranA, ranB] = await Promise.all([a.runDue(), b.runDue()]);
    expect((ranA ?? 0) + (ranB ?? 0)).toBe(5);
    expect(hits('/nodes')).toHaveLength(5);
  });

  it('the schedule: one delay per failed attempt, then none', () => {
    expect(nextAttemptAt(1, 0, [10, 20])).toBe(10);
    expect(nextAttemptAt(2, 5, [10, 20])).toBe(25);
    expect(nextAttemptAt(3, 5, [10, 20])).toBeNull();
  });
});
