/**
 * Issue 15: the public API over HTTP against a real server — tokens (scope, revoked, wrong site,
 * cookie vs token both ways), cursor pagination, the error body, the per-token budget.
 */
import { API, API_ADMIN_ROUTES, API_V1_ROUTES, fillRoute, RATE_LIMITS } from '@frontdesk/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SITE_SETTINGS } from '../sites/settings.ts';
import { type Harness, openConversation, startHarness } from '../testing/harness.ts';

let h: Harness;
let admin: string;
let agentCookie: string;
let readToken: string;
let writeToken: string;
let otherSiteToken: string;

async function login(email: string, password: string): Promise<string> {
  const res = await fetch(h.url + API.login, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: h.origin },
    body: JSON.stringify({ email, password }),
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

function api(
  method: string,
  path: string,
  token: string,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  return fetch(h.url + path, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body !== undefined && { 'content-type': 'application/json' }),
      ...headers,
    },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
}

async function createToken(siteId: string, scope: 'read' | 'write', name = `token ${scope}`) {
  const res = await consoleCall('POST', API_ADMIN_ROUTES.tokens, admin, { siteId, name, scope });
  expect(res.status).toBe(201);
  return (await res.json()) as { token: { id: string; name: string }; secret: string };
}

beforeAll(async () => {
  h = await startHarness();
  const a = await h.createAgent('Admin', 'admin');
  admin = await login(a.email, a.password);
  const g = await h.createAgent('Agent');
  agentCookie = await login(g.email, g.password);
  readToken = (await createToken(h.site.id, 'read')).secret;
  writeToken = (await createToken(h.site.id, 'write')).secret;
  const other = await h.storage.createSite({
    key: `other-${Date.now()}`,
    name: 'Other',
    allowedOrigins: [],
    settings: DEFAULT_SITE_SETTINGS,
  });
  otherSiteToken = (await createToken(other.id, 'write')).secret;
});
afterAll(async () => {
  await h.close();
});

describe('API tokens', () => {
  it('are created by admins only, shown once, listed without the secret', async () => {
    const created = await createToken(h.site.id, 'read', 'Shown once');
    expect(created.secret).toMatch(/^fdk_[a-z0-9]{16}_[A-Za-z0-9_-]{43}$/);
    const list = await consoleCall('GET', API_ADMIN_ROUTES.tokens, admin);
    const text = await list.text();
    expect(text).toContain('Shown once');
    expect(text).not.toContain(created.secret.slice(21));
    const stored = await h.storage.getApiToken(created.token.id);
    expect(stored?.secretHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored)).not.toContain(created.secret.slice(21));
    const denied = await consoleCall('POST', API_ADMIN_ROUTES.tokens, agentCookie, {
      siteId: h.site.id,
      name: 'x',
      scope: 'read',
    });
    expect(denied.status).toBe(403);
  });

  it('answer the site with a token, record its last use, and refuse a missing or wrong one', async () => {
    const res = await api('GET', API_V1_ROUTES.site, readToken);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { site: { id: string } }).site.id).toBe(h.site.id);
    const tokens = (await (await consoleCall('GET', API_ADMIN_ROUTES.tokens, admin)).json()) as {
      tokens: { name: string; lastUsedAt: string | null }[];
    };
    expect(tokens.tokens.find((t) => t.name === 'token read')?.lastUsedAt).not.toBeNull();
    const wrong = await api('GET', API_V1_ROUTES.site, `${readToken.slice(0, -2)}xx`);
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    // No token at all: the console's routes answer, and they have no such path.
    expect((await fetch(h.url + API_V1_ROUTES.site)).status).toBe(404);
  });

  it('a read token cannot write (403); a revoked token is refused (401)', async () => {
    const faq = { id: 'scope-test', lang: 'en', question: 'Q?', examples: [], answer: 'A.', tags: [] };
    const denied = await api('POST', API_V1_ROUTES.faqs, readToken, faq);
    expect(denied.status).toBe(403);
    expect(await denied.json()).toMatchObject({ error: { code: 'forbidden' } });
    const { token, secret } = await createToken(h.site.id, 'write', 'to revoke');
    expect((await api('GET', API_V1_ROUTES.site, secret)).status).toBe(200);
    const revoked = await consoleCall(
      'DELETE',
      fillRoute(API_ADMIN_ROUTES.token, { tokenId: token.id }),
      admin,
    );
    expect(revoked.status).toBe(200);
    expect(
      ((await revoked.json()) as { token: { revokedAt: string | null } }).token.revokedAt,
    ).not.toBeNull();
    const after = await api('GET', API_V1_ROUTES.site, secret);
    expect(after.status).toBe(401);
  });

  it("a token of another site sees none of this site's conversations", async () => {
    const v = await h.newVisitor();
    const opened = await openConversation(h, v.socket);
    const own = await api(
      'GET',
      fillRoute(API_V1_ROUTES.conversation, { conversationId: opened.conversation.id }),
      readToken,
    );
    expect(own.status).toBe(200);
    const foreign = await api(
      'GET',
      fillRoute(API_V1_ROUTES.conversation, { conversationId: opened.conversation.id }),
      otherSiteToken,
    );
    expect(foreign.status).toBe(404);
    const list = (await (await api('GET', API_V1_ROUTES.conversations, otherSiteToken)).json()) as {
      items: unknown[];
    };
    expect(list.items).toEqual([]);
  });

  it('cookies never work on the public API, and tokens never on the console API', async () => {
    // The console session on a public-API path: no such console route.
    expect((await consoleCall('GET', API_V1_ROUTES.contacts, admin)).status).toBe(404);
    expect((await consoleCall('GET', API_V1_ROUTES.site, admin)).status).toBe(404);
    // A token on a console path (who am I): answered by the public API, which has no such route.
    const me = await api('GET', API.me, writeToken);
    expect(me.status).toBe(404);
    // A token and the console cookie together: the token decides, the cookie is ignored.
    const both = await api('GET', API_V1_ROUTES.contacts, readToken, undefined, { cookie: admin });
    expect(both.status).toBe(200);
    const both2 = await api('GET', API.me, `${readToken.slice(0, -2)}xx`, undefined, { cookie: admin });
    expect(both2.status).toBe(401);
    // A token sent as the session cookie is no session.
    const asCookie = await consoleCall('GET', API.me, `${admin.split('=')[0]}=${writeToken}`);
    expect(asCookie.status).toBe(401);
    // A token in another header or in the query string is no token.
    const inQuery = await fetch(`${h.url}${API_V1_ROUTES.site}?access_token=${writeToken}`);
    expect(inQuery.status).toBe(404);
  });
});

describe('API conversations and pagination', () => {
  it('pages every conversation once with opaque cursors; limit is bounded', async () => {
    for (let i = 0; i < 4; i += 1) await openConversation(h, (await h.newVisitor()).socket);
    const all = await h.storage.listConversationPage({ siteId: h.site.id, after: null, limit: 1000 });
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = `?limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const res = await api('GET', API_V1_ROUTES.conversations + query, readToken);
      expect(res.status).toBe(200);
      const page = (await res.json()) as { items: { id: string }[]; nextCursor: string | null };
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((c) => c.id));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor && pages < 100);
    expect(seen).toEqual(all.map((c) => c.id));
    expect(new Set(seen).size).toBe(seen.length);
    for (const bad of ['?limit=0', '?limit=201', '?limit=x', '?cursor=not-a-cursor', '?state=open']) {
      const res = await api('GET', API_V1_ROUTES.conversations + bad, readToken);
      expect(res.status, bad).toBe(400);
      expect(await res.json()).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    }
  });

  it('reads messages by page, posts a note and a reply, resolves', async () => {
    const v = await h.newVisitor();
    const opened = await openConversation(h, v.socket);
    const id = opened.conversation.id;
    const messages = fillRoute(API_V1_ROUTES.conversationMessages, { conversationId: id });
    // While the bot has it, only notes.
    const reply = await api('POST', messages, writeToken, { body: 'Hello from the CRM' });
    expect(reply.status).toBe(409);
    expect(await reply.json()).toMatchObject({ error: { code: 'invalid_state' } });
    const note = await api('POST', messages, writeToken, {
      body: 'Order #12 is late',
      kind: 'note',
      clientId: 'crm-note-0001',
    });
    expect(note.status).toBe(201);
    const again = await api('POST', messages, writeToken, {
      body: 'Order #12 is late',
      kind: 'note',
      clientId: 'crm-note-0001',
    });
    expect(await again.json()).toMatchObject({ duplicate: true });
    await api('POST', messages, writeToken, { body: 'Refund sent', kind: 'note', authorName: 'Billing bot' });
    const first = (await (await api('GET', `${messages}?limit=1`, readToken)).json()) as {
      items: { seq: number; body: string }[];
      nextCursor: string;
    };
    expect(first.items).toHaveLength(1);
    const restRes = await api('GET', `${messages}?cursor=${first.nextCursor}`, readToken);
    const restBody = await restRes.text();
    expect(restRes.status, restBody).toBe(200);
    const rest = JSON.parse(restBody) as {
      items: { seq: number; body: string; kind: string; authorName: string }[];
    };
    expect(rest.items.every((m) => m.seq > (first.items[0]?.seq ?? 0))).toBe(true);
    expect(first.items[0]).toMatchObject({
      body: 'Order #12 is late',
      kind: 'note',
      authorName: 'token write',
    });
    expect(rest.items.at(-1)).toMatchObject({ body: 'Refund sent', kind: 'note', authorName: 'Billing bot' });
    const resolved = await api(
      'POST',
      fillRoute(API_V1_ROUTES.conversationResolve, { conversationId: id }),
      writeToken,
    );
    expect(resolved.status).toBe(200);
    expect(await resolved.json()).toMatchObject({ conversation: { id, state: 'resolved' } });
  });
});

describe('API FAQ and contacts', () => {
  it('creates, replaces and deletes an FAQ entry', async () => {
    const entry = {
      lang: 'en',
      question: 'Do you ship to Norway?',
      examples: ['shipping norway'],
      answer: 'Yes.',
      tags: [],
    };
    const created = await api('POST', API_V1_ROUTES.faqs, writeToken, { id: 'ship-norway', ...entry });
    expect(created.status).toBe(201);
    expect((await api('POST', API_V1_ROUTES.faqs, writeToken, { id: 'ship-norway', ...entry })).status).toBe(
      409,
    );
    const path = fillRoute(API_V1_ROUTES.faq, { faqId: 'ship-norway' });
    const replaced = await api('PUT', path, writeToken, { ...entry, answer: 'Yes, in 3 days.' });
    expect(await replaced.json()).toMatchObject({ faq: { id: 'ship-norway', answer: 'Yes, in 3 days.' } });
    const list = (await (await api('GET', API_V1_ROUTES.faqs, readToken)).json()) as {
      faqs: { id: string }[];
    };
    expect(list.faqs.map((f) => f.id)).toContain('ship-norway');
    expect((await api('DELETE', path, writeToken)).status).toBe(204);
    expect((await api('DELETE', path, writeToken)).status).toBe(404);
    expect((await api('PUT', path, writeToken, entry)).status).toBe(404);
  });

  it('lists, reads and updates a contact', async () => {
    await openConversation(h, (await h.newVisitor()).socket);
    const list = (await (await api('GET', `${API_V1_ROUTES.contacts}?limit=1`, readToken)).json()) as {
      items: { id: string }[];
    };
    const id = list.items[0]?.id ?? '';
    const path = fillRoute(API_V1_ROUTES.contact, { contactId: id });
    const patched = await api('PATCH', path, writeToken, { name: 'Ada from CRM', tags: { add: ['vip'] } });
    expect(patched.status).toBe(200);
    expect(await patched.json()).toMatchObject({ contact: { id, name: 'Ada from CRM', tags: ['vip'] } });
    const found = (await (await api('GET', `${API_V1_ROUTES.contacts}?q=Ada%20from`, readToken)).json()) as {
      items: { id: string }[];
    };
    expect(found.items.map((c) => c.id)).toContain(id);
    expect((await api('PATCH', path, writeToken, { shoeSize: 44 })).status).toBe(400);
  });
});

describe('API budget', () => {
  it('L-API a token past its budget gets 429 with Retry-After', async () => {
    const small = await startHarness({
      rateLimits: { ...RATE_LIMITS, http: { ...RATE_LIMITS.http, apiToken: { burst: 3, perMinute: 1 } } },
    });
    try {
      const a = await small.createAgent('Admin', 'admin');
      const res = await fetch(small.url + API.login, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: small.origin },
        body: JSON.stringify({ email: a.email, password: a.password }),
      });
      const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      const created = await fetch(small.url + API_ADMIN_ROUTES.tokens, {
        method: 'POST',
        headers: { origin: small.origin, cookie, 'content-type': 'application/json' },
        body: JSON.stringify({ siteId: small.site.id, name: 'busy', scope: 'read' }),
      });
      const { secret } = (await created.json()) as { secret: string };
      const statuses: number[] = [];
      let last: Response | null = null;
      for (let i = 0; i < 4; i += 1) {
        last = await fetch(small.url + API_V1_ROUTES.site, {
          headers: { authorization: `Bearer ${secret}` },
        });
        statuses.push(last.status);
      }
      expect(statuses).toEqual([200, 200, 200, 429]);
      expect(Number(last?.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(await last?.json()).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
    } finally {
      await small.close();
    }
  });
});
