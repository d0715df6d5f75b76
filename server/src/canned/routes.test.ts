/**
 * Issue 14 over HTTP against a real server: shared canned responses are the admins', personal ones
 * their owner's, another site's are refused (A2), bad bodies refused; attention preferences per agent.
 */
import { API, type AttentionPrefs, type CannedResponse, DEFAULT_ATTENTION } from '@frontdesk/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../testing/harness.ts';

let h: Harness;
let admin: string;
let anna: string;
let ben: string;
let otherSiteId: string;

async function login(account: { email: string; password: string }): Promise<string> {
  const res = await fetch(h.url + API.login, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: h.origin },
    body: JSON.stringify(account),
  });
  expect(res.status).toBe(200);
  return (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

beforeAll(async () => {
  h = await startHarness();
  admin = await login(await h.createAgent('Admin', 'admin'));
  anna = await login(await h.createAgent('Anna'));
  ben = await login(await h.createAgent('Ben'));
  const other = await h.storage.createSite({
    key: `other-${Date.now()}`,
    name: 'Other',
    allowedOrigins: [],
    settings: h.site.settings,
  });
  otherSiteId = other.id;
});
afterAll(async () => {
  await h.close();
});

function request(method: string, path: string, cookie: string, body?: unknown) {
  return fetch(h.url + path, {
    method,
    headers: { origin: h.origin, cookie, ...(body !== undefined && { 'content-type': 'application/json' }) },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
}

async function json<T>(res: Response, status = 200): Promise<T> {
  const text = await res.text();
  expect(res.status, text).toBe(status);
  return JSON.parse(text) as T;
}

const input = (over: Partial<CannedResponse> = {}) => ({
  scope: 'site',
  lang: 'en',
  title: 'Refunds',
  shortcut: 'refund',
  body: 'Hi {{visitor.name|there}}, refunds take 5 days.',
  ...over,
});
const list = async (cookie: string, siteId = h.site.id) =>
  (await json<{ responses: CannedResponse[] }>(await request('GET', API.cannedResponses(siteId), cookie)))
    .responses;

describe('canned responses over HTTP', () => {
  it('an admin manages shared ones, every agent of the site reads them, an agent may not change them', async () => {
    const { response } = await json<{ response: CannedResponse }>(
      await request('POST', API.cannedResponses(h.site.id), admin, input({ shortcut: ' Refund ' })),
      201,
    );
    expect(response).toMatchObject({ scope: 'site', ownerId: null, shortcut: 'refund', siteId: h.site.id });
    expect((await list(anna)).map((r) => r.id)).toContain(response.id);

    const refused = await json<{ error: { code: string } }>(
      await request('POST', API.cannedResponses(h.site.id), anna, input({ shortcut: 'mine' })),
      403,
    );
    expect(refused.error.code).toBe('forbidden');
    await json(
      await request('PUT', API.cannedResponse(h.site.id, response.id), anna, input({ title: 'Hacked' })),
      403,
    );
    await json(await request('DELETE', API.cannedResponse(h.site.id, response.id), anna), 403);

    const edited = await json<{ response: CannedResponse }>(
      await request(
        'PUT',
        API.cannedResponse(h.site.id, response.id),
        admin,
        input({ lang: 'pl', title: 'Zwroty' }),
      ),
    );
    expect(edited.response).toMatchObject({ id: response.id, lang: 'pl', title: 'Zwroty' });
    await json(await request('DELETE', API.cannedResponse(h.site.id, response.id), admin));
    expect((await list(anna)).map((r) => r.id)).not.toContain(response.id);
  });

  it('personal ones belong to their agent: others neither see nor change them, not even an admin', async () => {
    const { response } = await json<{ response: CannedResponse }>(
      await request(
        'POST',
        API.cannedResponses(h.site.id),
        anna,
        input({ scope: 'personal', shortcut: 'anna-hi' }),
      ),
      201,
    );
    expect(response.scope).toBe('personal');
    expect((await list(anna)).map((r) => r.id)).toContain(response.id);
    expect((await list(ben)).map((r) => r.id)).not.toContain(response.id);
    expect((await list(admin)).map((r) => r.id)).not.toContain(response.id);
    await json(
      await request('PUT', API.cannedResponse(h.site.id, response.id), ben, input({ scope: 'personal' })),
      404,
    );
    await json(await request('DELETE', API.cannedResponse(h.site.id, response.id), admin), 404);
    // The scope does not change after the fact (a personal one is not made shared by an edit).
    await json(
      await request('PUT', API.cannedResponse(h.site.id, response.id), anna, input({ scope: 'site' })),
      400,
    );
    const edited = await json<{ response: CannedResponse }>(
      await request(
        'PUT',
        API.cannedResponse(h.site.id, response.id),
        anna,
        input({ scope: 'personal', title: 'Mine' }),
      ),
    );
    expect(edited.response.title).toBe('Mine');
    await json(await request('DELETE', API.cannedResponse(h.site.id, response.id), anna));
  });

  it('A2 another site is refused: its list, a new response there, and a response addressed through it', async () => {
    const { response } = await json<{ response: CannedResponse }>(
      await request('POST', API.cannedResponses(h.site.id), admin, input({ shortcut: 'a2' })),
      201,
    );
    await json(await request('GET', API.cannedResponses(otherSiteId), anna), 404);
    await json(
      await request('POST', API.cannedResponses(otherSiteId), anna, input({ scope: 'personal' })),
      404,
    );
    // The admin of the site, through a site id they hold no response in: not found, nothing changed.
    const other = await h.storage.createSite({
      key: `a2-${Date.now()}`,
      name: 'A2',
      allowedOrigins: [],
      settings: h.site.settings,
    });
    await json(
      await request('PUT', API.cannedResponse(other.id, response.id), admin, input({ title: 'X' })),
      404,
    );
    await json(await request('DELETE', API.cannedResponse(other.id, response.id), admin), 404);
    expect((await list(admin)).find((r) => r.id === response.id)?.title).toBe('Refunds');
    // Without a session, or from another origin: refused before anything.
    await json(await request('GET', API.cannedResponses(h.site.id), ''), 401);
    const foreign = await fetch(h.url + API.cannedResponses(h.site.id), {
      method: 'POST',
      headers: { origin: 'https://evil.example', cookie: anna, 'content-type': 'application/json' },
      body: JSON.stringify(input({ scope: 'personal', shortcut: 'csrf' })),
    });
    expect(foreign.status).toBe(403);
    expect((await list(anna)).map((r) => r.shortcut)).not.toContain('csrf');
  });

  it('A3 bad bodies are refused: unknown keys, bad shortcut, empty title, a body over the limit', async () => {
    for (const body of [
      { ...input(), extra: 1 },
      input({ shortcut: 'two words' }),
      input({ title: '   ' }),
      input({ lang: 'de' as 'en' }),
      [input()],
    ]) {
      await json(await request('POST', API.cannedResponses(h.site.id), admin, body), 400);
    }
    await json(
      await request('POST', API.cannedResponses(h.site.id), admin, input({ body: 'x'.repeat(5001) })),
      413,
    );
  });
});

describe('attention preferences over HTTP', () => {
  it('the defaults until saved, then each agent their own', async () => {
    const get = async (cookie: string) =>
      (await json<{ attention: AttentionPrefs }>(await request('GET', API.meAttention, cookie))).attention;
    expect(await get(anna)).toEqual(DEFAULT_ATTENTION);
    const saved = { sound: false, desktop: true, title: false };
    expect(
      (await json<{ attention: AttentionPrefs }>(await request('PUT', API.meAttention, anna, saved)))
        .attention,
    ).toEqual(saved);
    expect(await get(anna)).toEqual(saved);
    expect(await get(ben)).toEqual(DEFAULT_ATTENTION);
    await json(
      await request('PUT', API.meAttention, anna, { sound: 'yes', desktop: true, title: true }),
      400,
    );
    await json(await request('GET', API.meAttention, ''), 401);
  });
});
