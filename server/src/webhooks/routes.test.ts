/**
 * Issue 15: webhooks through the server — an admin registers one (a private address is refused
 * until the site allows it), a visitor's conversation produces signed deliveries of the picked
 * events, the log shows them, and "Resend" sends one again.
 */
import { API, API_ADMIN_ROUTES, API_V1_ROUTES, EVENTS, fillRoute, WEBHOOK_HEADERS } from '@frontdesk/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, clientId, type Harness, openConversation, startHarness } from '../testing/harness.ts';
import { startWebhookReceiver, type WebhookReceiver } from '../testing/webhook-receiver.ts';
import { verifySignature } from './signing.ts';

let h: Harness;
let receiver: WebhookReceiver;
let admin: string;
let agentCookie: string;

async function login(email: string, password: string): Promise<string> {
  const res = await fetch(h.url + API.login, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: h.origin },
    body: JSON.stringify({ email, password }),
  });
  return (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

function consoleCall(method: string, path: string, cookie: string, body?: unknown) {
  return fetch(h.url + path, {
    method,
    headers: { origin: h.origin, cookie, ...(body !== undefined && { 'content-type': 'application/json' }) },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
}

/** Polls (no fixed sleep) until `check` holds. */
async function until<T>(read: () => Promise<T>, check: (value: T) => boolean): Promise<T> {
  for (let i = 0; i < 400; i += 1) {
    const value = await read();
    if (check(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('condition never held');
}

beforeAll(async () => {
  // The loop's own timer is made long: the test runs the queue itself.
  h = await startHarness({ webhooks: { intervalMs: 3_600_000 } });
  receiver = await startWebhookReceiver();
  const a = await h.createAgent('Admin', 'admin');
  admin = await login(a.email, a.password);
  const g = await h.createAgent('Agent');
  agentCookie = await login(g.email, g.password);
});
afterAll(async () => {
  await h.close();
  await receiver.close();
});

describe('webhooks', () => {
  it('registration refuses private addresses until an admin allows them for the site; agents may not register', async () => {
    const body = { siteId: h.site.id, url: `${receiver.url}/hook`, events: ['message.created'] };
    const refused = await consoleCall('POST', API_ADMIN_ROUTES.webhooks, admin, body);
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ error: { code: 'bad_request' } });
    for (const url of ['http://169.254.169.254/latest', 'http://[::1]:8080/', 'ftp://example.com/'])
      expect(
        (await consoleCall('POST', API_ADMIN_ROUTES.webhooks, admin, { ...body, url })).status,
        url,
      ).toBe(400);
    expect((await consoleCall('POST', API_ADMIN_ROUTES.webhooks, agentCookie, body)).status).toBe(403);
    const settings = fillRoute(API_ADMIN_ROUTES.webhookSettings, { siteId: h.site.id });
    expect((await consoleCall('PUT', settings, agentCookie, { allowPrivate: true })).status).toBe(403);
    expect((await consoleCall('PUT', settings, admin, { allowPrivate: true })).status).toBe(200);
    const created = await consoleCall('POST', API_ADMIN_ROUTES.webhooks, admin, body);
    expect(created.status).toBe(201);
  });

  it('a conversation produces signed deliveries of the picked events; the log shows them; Resend sends again', async () => {
    const created = await consoleCall('POST', API_ADMIN_ROUTES.webhooks, admin, {
      siteId: h.site.id,
      url: `${receiver.url}/flow`,
      events: ['conversation.created', 'message.created', 'conversation.queued', 'rating.created'],
    });
    const { webhook } = (await created.json()) as { webhook: { id: string; secret: string } };
    expect(webhook.secret).toMatch(/^whsec_/);
    const v = await h.newVisitor();
    const { conversation } = await openConversation(h, v.socket);
    await call(v.socket, EVENTS.messageSend, {
      conversationId: conversation.id,
      clientId: clientId(),
      body: 'Where is my order?',
    });
    await call(v.socket, EVENTS.conversationHandoff, { conversationId: conversation.id });
    const deliveries = fillRoute(API_ADMIN_ROUTES.webhookDeliveries, { webhookId: webhook.id });
    const log = async () =>
      (
        (await (await consoleCall('GET', deliveries, admin)).json()) as {
          deliveries: { id: string; event: string; status: string; lastStatus: number | null }[];
        }
      ).deliveries;
    await until(log, (d) => d.some((x) => x.event === 'conversation.queued'));
    // Events queued in the background after that one are sent by a later run.
    const logged = await until(
      async () => {
        await h.webhooks.runDue();
        return log();
      },
      (d) => d.every((x) => x.status === 'delivered'),
    );
    expect(logged.every((d) => d.lastStatus === 200)).toBe(true);
    const sent = receiver.received.filter((r) => r.path === '/flow');
    const events = sent.map((r) => r.headers[WEBHOOK_HEADERS.event]);
    expect(events).toContain('conversation.created');
    expect(events).toContain('message.created');
    expect(events).toContain('conversation.queued');
    expect(events).not.toContain('contact.updated');
    for (const r of sent)
      expect(
        verifySignature(
          webhook.secret,
          String(r.headers[WEBHOOK_HEADERS.signature]),
          r.body,
          (Date.now() / 1000) | 0,
        ),
      ).toBe(true);
    const visitorMessage = sent.find(
      (r) => r.headers[WEBHOOK_HEADERS.event] === 'message.created' && r.body.includes('Where is my order?'),
    );
    expect(JSON.parse(visitorMessage?.body ?? '{}')).toMatchObject({
      event: 'message.created',
      data: {
        conversation: { id: conversation.id },
        message: { author: 'visitor', body: 'Where is my order?' },
      },
    });

    const first = logged[0];
    const resent = await consoleCall(
      'POST',
      fillRoute(API_ADMIN_ROUTES.deliveryResend, { deliveryId: first?.id ?? '' }),
      admin,
      {},
    );
    expect(resent.status).toBe(200);
    expect(await resent.json()).toMatchObject({ delivery: { status: 'pending', attempts: 0 } });
    const before = receiver.received.length;
    await h.webhooks.runDue();
    expect(receiver.received.length).toBe(before + 1);
    expect(receiver.received.at(-1)?.headers[WEBHOOK_HEADERS.delivery]).toBe(first?.id);
  });

  it("message.created never carries an agent's private note (nor does any other event)", async () => {
    const created = await consoleCall('POST', API_ADMIN_ROUTES.webhooks, admin, {
      siteId: h.site.id,
      url: `${receiver.url}/notes`,
      events: ['message.created', 'conversation.created', 'conversation.queued'],
    });
    expect(created.status).toBe(201);
    const token = (await (
      await consoleCall('POST', API_ADMIN_ROUTES.tokens, admin, {
        siteId: h.site.id,
        name: 'notes',
        scope: 'write',
      })
    ).json()) as { secret: string };
    const v = await h.newVisitor();
    const { conversation } = await openConversation(h, v.socket);
    await call(v.socket, EVENTS.conversationHandoff, { conversationId: conversation.id });
    const messages = fillRoute(API_V1_ROUTES.conversationMessages, { conversationId: conversation.id });
    const post = (body: unknown) =>
      fetch(h.url + messages, {
        method: 'POST',
        headers: { authorization: `Bearer ${token.secret}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    expect((await post({ body: 'SECRET-NOTE: refund was refused', kind: 'note' })).status).toBe(201);
    // A reply after the note: once its delivery is queued, the note's would have been queued before it.
    expect((await post({ body: 'PUBLIC-REPLY: we are on it' })).status).toBe(201);
    const sent = await until(
      async () => {
        await h.webhooks.runDue();
        return receiver.received.filter((r) => r.path === '/notes');
      },
      (r) => r.some((x) => x.body.includes('PUBLIC-REPLY')),
    );
    await h.webhooks.runDue();
    const all = receiver.received.filter((r) => r.path === '/notes');
    expect(sent.length).toBeGreaterThan(0);
    expect(all.some((r) => r.body.includes('PUBLIC-REPLY'))).toBe(true);
    expect(all.filter((r) => r.body.includes('SECRET-NOTE'))).toEqual([]);
    const stored = await h.storage.listMessages(conversation.id, 0, 100);
    expect(stored.some((m) => m.kind === 'note' && m.body.startsWith('SECRET-NOTE'))).toBe(true);
  });
});
