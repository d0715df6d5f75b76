/**
 * Issue 15 part B: the public API's contacts (create, deduplicated; on the timeline as the token;
 * `contact.updated` delivered), shared canned responses and reports, over HTTP against a real
 * server — scope (a read token cannot write), another site's token, a revoked token, bad input.
 */
import {
  API,
  API_ADMIN_ROUTES,
  API_V1_ROUTES,
  type CannedResponse,
  type Contact,
  fillRoute,
  WEBHOOK_HEADERS,
} from '@frontdesk/shared';
import { REPORT_API } from '@frontdesk/shared/reports';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SITE_SETTINGS } from '../sites/settings.ts';
import { type Harness, openConversation, startHarness } from '../testing/harness.ts';
import { startWebhookReceiver, type WebhookReceiver } from '../testing/webhook-receiver.ts';

let h: Harness;
let receiver: WebhookReceiver;
let admin: string;
let agent: string;
let readToken: string;
let writeToken: string;
let otherSiteToken: string;

async function login(account: { email: string; password: string }): Promise<string> {
  const res = await fetch(h.url + API.login, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: h.origin },
    body: JSON.stringify(account),
  });
  expect(res.status).toBe(200);
  return (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

function consoleCall(method: string, path: string, cookie: string, body?: unknown) {
  return fetch(h.url + path, {
    method,
    headers: { origin: h.origin, cookie, ...(body !== undefined && { 'content-type': 'application/json' }) },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
}

function api(method: string, path: string, token: string, body?: unknown) {
  return fetch(h.url + path, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body !== undefined && { 'content-type': 'application/json' }),
    },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
}

async function json<T>(res: Response, status: number): Promise<T> {
  const text = await res.text();
  expect(res.status, text).toBe(status);
  return (text ? JSON.parse(text) : null) as T;
}

async function createToken(siteId: string, scope: 'read' | 'write', name: string) {
  return json<{ token: { id: string }; secret: string }>(
    await consoleCall('POST', API_ADMIN_ROUTES.tokens, admin, { siteId, name, scope }),
    201,
  );
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
  h = await startHarness({ webhooks: { intervalMs: 3_600_000 } });
  receiver = await startWebhookReceiver();
  admin = await login(await h.createAgent('Admin', 'admin'));
  agent = await login(await h.createAgent('Anna'));
  readToken = (await createToken(h.site.id, 'read', 'CRM reader')).secret;
  writeToken = (await createToken(h.site.id, 'write', 'CRM sync')).secret;
  const other = await h.storage.createSite({
    key: `other-${Date.now()}`,
    name: 'Other',
    allowedOrigins: [],
    settings: DEFAULT_SITE_SETTINGS,
  });
  otherSiteToken = (await createToken(other.id, 'write', 'other site')).secret;
});
afterAll(async () => {
  await h.close();
  await receiver.close();
});

type Upserted = { contact: Contact; created: boolean };

describe('API contacts: create and update', () => {
  it('creates a verified contact, finds it again by user id and by its e-mail, never by an e-mail a visitor typed', async () => {
    const first = await json<Upserted>(
      await api('POST', API_V1_ROUTES.contacts, writeToken, {
        userId: 'crm-1001',
        email: 'ada@example.com',
        name: 'Ada Lovelace',
        attributes: { plan: { type: 'string', value: 'Pro' } },
        tags: ['VIP'],
      }),
      200,
    );
    expect(first).toMatchObject({
      created: true,
      contact: {
        siteId: h.site.id,
        identity: 'verified',
        userId: 'crm-1001',
        name: 'Ada Lovelace',
        email: 'ada@example.com',
        tags: ['vip'],
        attributes: [{ key: 'plan', type: 'string', value: 'Pro' }],
      },
    });
    const id = first.contact.id;
    const again = await json<Upserted>(
      await api('POST', API_V1_ROUTES.contacts, writeToken, { userId: 'crm-1001', phone: '+48 600 100 200' }),
      200,
    );
    expect(again).toMatchObject({
      created: false,
      contact: { id, phone: '+48 600 100 200', name: 'Ada Lovelace' },
    });
    const byEmail = await json<Upserted>(
      await api('POST', API_V1_ROUTES.contacts, writeToken, { email: 'ADA@example.com', name: 'Ada L.' }),
      200,
    );
    expect(byEmail).toMatchObject({ created: false, contact: { id, name: 'Ada L.' } });
    // A visitor typed someone's e-mail into a form: that proves nothing, a new contact is made.
    const v = await h.newVisitor();
    const opened = await openConversation(h, v.socket);
    const visitorId = (await h.storage.getConversation(opened.conversation.id))?.visitorId ?? '';
    await h.storage.updateContactFields(visitorId, { email: 'grace@example.com' });
    const grace = await json<Upserted>(
      await api('POST', API_V1_ROUTES.contacts, writeToken, { email: 'grace@example.com', name: 'Grace' }),
      200,
    );
    expect(grace.created).toBe(true);
    expect(grace.contact.id).not.toBe(visitorId);
    expect((await h.storage.getContact(h.site.id, visitorId))?.name).toBeNull();
    // Changes through the API are on the timeline as "by API token <name>".
    const timeline = await h.storage.listTimeline(id, null, 50);
    expect(timeline.length).toBeGreaterThan(3);
    for (const entry of timeline)
      expect(entry.actor).toEqual({ type: 'api_token', id: expect.any(String), name: 'CRM sync' });
    expect(timeline.map((e) => e.change)).toContainEqual({
      kind: 'identified',
      identity: 'verified',
      userId: 'crm-1001',
    });
  });

  it('PATCH writes as the token too; a read token cannot write; bad bodies are refused; another site is not found', async () => {
    const { contact } = await json<Upserted>(
      await api('POST', API_V1_ROUTES.contacts, writeToken, { userId: 'crm-2002' }),
      200,
    );
    const path = fillRoute(API_V1_ROUTES.contact, { contactId: contact.id });
    await json(await api('PATCH', path, writeToken, { name: 'Patched' }), 200);
    const [latest] = await h.storage.listTimeline(contact.id, null, 1);
    expect(latest).toMatchObject({
      actor: { type: 'api_token', name: 'CRM sync' },
      change: { kind: 'field', field: 'name', to: 'Patched' },
    });
    const denied = await json<{ error: { code: string } }>(
      await api('POST', API_V1_ROUTES.contacts, readToken, { userId: 'crm-3003' }),
      403,
    );
    expect(denied.error.code).toBe('forbidden');
    expect(await h.storage.findVerifiedContact(h.site.id, 'crm-3003')).toBeNull();
    for (const body of [
      {},
      { name: 'No key' },
      { userId: '' },
      { email: 'not-an-email' },
      { userId: 'x', extra: 1 },
    ])
      expect((await api('POST', API_V1_ROUTES.contacts, writeToken, body)).status, JSON.stringify(body)).toBe(
        400,
      );
    await json(await api('GET', path, otherSiteToken), 404);
    await json(await api('PATCH', path, otherSiteToken, { name: 'Hijack' }), 404);
    // The other site's token makes its own contact for the same user id, never touching this one.
    const theirs = await json<Upserted>(
      await api('POST', API_V1_ROUTES.contacts, otherSiteToken, { userId: 'crm-2002' }),
      200,
    );
    expect(theirs.created).toBe(true);
    expect(theirs.contact.id).not.toBe(contact.id);
  });

  it('a created or updated contact is delivered as contact.updated', async () => {
    const settings = fillRoute(API_ADMIN_ROUTES.webhookSettings, { siteId: h.site.id });
    await json(await consoleCall('PUT', settings, admin, { allowPrivate: true }), 200);
    await json(
      await consoleCall('POST', API_ADMIN_ROUTES.webhooks, admin, {
        siteId: h.site.id,
        url: `${receiver.url}/contacts`,
        events: ['contact.updated'],
      }),
      201,
    );
    const { contact } = await json<Upserted>(
      await api('POST', API_V1_ROUTES.contacts, writeToken, { userId: 'crm-4004', name: 'Hook' }),
      200,
    );
    const sent = await until(
      async () => {
        await h.webhooks.runDue();
        return receiver.received.filter((r) => r.path === '/contacts');
      },
      (r) => r.length > 0,
    );
    expect(sent[0]?.headers[WEBHOOK_HEADERS.event]).toBe('contact.updated');
    expect(JSON.parse(sent[0]?.body ?? '{}')).toMatchObject({
      event: 'contact.updated',
      siteId: h.site.id,
      data: { contactId: contact.id },
    });
  });
});

const canned = (over: Record<string, unknown> = {}) => ({
  lang: 'en',
  title: 'Shipping times',
  shortcut: 'ship',
  body: 'Hi {{visitor.name|there}}, we ship in 2 days.',
  ...over,
});

describe('API canned responses', () => {
  it("lists, reads, creates, replaces and deletes the site's shared ones; personal ones stay private", async () => {
    const personal = await json<{ response: CannedResponse }>(
      await consoleCall(
        'POST',
        API.cannedResponses(h.site.id),
        agent,
        canned({ scope: 'personal', shortcut: 'anna' }),
      ),
      201,
    );
    const { response } = await json<{ response: CannedResponse }>(
      await api('POST', API_V1_ROUTES.cannedResponses, writeToken, canned({ shortcut: ' Ship ' })),
      201,
    );
    expect(response).toMatchObject({ scope: 'site', ownerId: null, shortcut: 'ship', siteId: h.site.id });
    const listed = await json<{ responses: CannedResponse[] }>(
      await api('GET', API_V1_ROUTES.cannedResponses, readToken),
      200,
    );
    expect(listed.responses.map((r) => r.id)).toContain(response.id);
    expect(listed.responses.map((r) => r.id)).not.toContain(personal.response.id);
    expect(listed.responses.every((r) => r.scope === 'site')).toBe(true);
    // The console's agents see the API's response as one of the site's shared ones.
    const forAnna = await json<{ responses: CannedResponse[] }>(
      await consoleCall('GET', API.cannedResponses(h.site.id), agent),
      200,
    );
    expect(forAnna.responses.map((r) => r.id)).toContain(response.id);

    const one = fillRoute(API_V1_ROUTES.cannedResponse, { cannedId: response.id });
    expect(await json(await api('GET', one, readToken), 200)).toEqual({ response });
    const secret = fillRoute(API_V1_ROUTES.cannedResponse, { cannedId: personal.response.id });
    await json(await api('GET', secret, readToken), 404);
    await json(await api('PUT', secret, writeToken, canned()), 404);
    await json(await api('DELETE', secret, writeToken), 404);
    const replaced = await json<{ response: CannedResponse }>(
      await api('PUT', one, writeToken, canned({ lang: 'pl', title: 'Czas wysyłki' })),
      200,
    );
    expect(replaced.response).toMatchObject({
      id: response.id,
      lang: 'pl',
      title: 'Czas wysyłki',
      scope: 'site',
    });
    await json(await api('GET', one, otherSiteToken), 404);
    await json(await api('DELETE', one, otherSiteToken), 404);
    await json(await api('DELETE', one, readToken), 403);
    expect((await api('DELETE', one, writeToken)).status).toBe(204);
    await json(await api('GET', one, readToken), 404);
  });

  it('A3 refuses a scope, unknown keys, a bad shortcut, an empty title; a read token cannot write', async () => {
    for (const body of [
      canned({ scope: 'personal' }),
      canned({ extra: 1 }),
      canned({ shortcut: 'two words' }),
      canned({ title: '  ' }),
      [canned()],
    ])
      await json(await api('POST', API_V1_ROUTES.cannedResponses, writeToken, body), 400);
    await json(await api('POST', API_V1_ROUTES.cannedResponses, readToken, canned()), 403);
  });
});

describe('API reports', () => {
  it("answers the console's figures for the token's site; a bad range is refused", async () => {
    await openConversation(h, (await h.newVisitor()).socket);
    const today = new Date().toISOString().slice(0, 10);
    const range = { from: '2026-01-01', to: today < '2026-01-01' ? '2026-01-01' : today };
    const query = `?from=${range.from}&to=${range.to}`;
    const fromApi = await json<{ siteId: string; summary: { conversations: number } }>(
      await api('GET', API_V1_ROUTES.reports + query, readToken),
      200,
    );
    const fromConsole = await json(await consoleCall('GET', REPORT_API.report(h.site.id, range), admin), 200);
    expect(fromApi).toEqual(fromConsole);
    expect(fromApi.siteId).toBe(h.site.id);
    const theirs = await json<{ siteId: string }>(
      await api('GET', API_V1_ROUTES.reports + query, otherSiteToken),
      200,
    );
    expect(theirs.siteId).not.toBe(h.site.id);
    for (const bad of [
      '',
      '?from=2026-01-01',
      '?from=2026-02-30&to=2026-03-01',
      '?from=2026-03-02&to=2026-03-01',
      '?from=2024-01-01&to=2026-01-01',
    ])
      await json(await api('GET', API_V1_ROUTES.reports + bad, readToken), 400);
  });

  it('a revoked token reads nothing any more', async () => {
    const { token, secret } = await createToken(h.site.id, 'read', 'short-lived');
    await json(await api('GET', API_V1_ROUTES.cannedResponses, secret), 200);
    await json(
      await consoleCall('DELETE', fillRoute(API_ADMIN_ROUTES.token, { tokenId: token.id }), admin),
      200,
    );
    for (const path of [
      API_V1_ROUTES.cannedResponses,
      `${API_V1_ROUTES.reports}?from=2026-01-01&to=2026-01-02`,
    ])
      await json(await api('GET', path, secret), 401);
  });
});
