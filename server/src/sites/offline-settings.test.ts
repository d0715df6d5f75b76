/** Issue 10: a site's offline settings over HTTP against a real server — read, replace, access, bad input. */
import { API, EVENTS, type OfflineSettings, type SessionInitResult } from '@frontdesk/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, connected, type Harness, startHarness } from '../testing/harness.ts';

let h: Harness;
let admin: string;
let agent: string;
const password = 'a long test password';

async function login(email: string): Promise<string> {
  const res = await fetch(h.url + API.login, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: h.origin },
    body: JSON.stringify({ email, password }),
  });
  expect(res.status).toBe(200);
  return (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

const request = (cookie: string, method: string, body?: unknown, siteId = h.site.id) =>
  fetch(h.url + API.offlineSettings(siteId), {
    method,
    headers: { cookie, origin: h.origin, 'content-type': 'application/json' },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });

const settings: OfflineSettings = {
  longWaitMinutes: 10,
  fields: [
    { id: 'order', type: 'text', label: { en: 'Order number', pl: 'Numer zamówienia' }, required: true },
  ],
};

beforeAll(async () => {
  h = await startHarness();
  const email = `offline-admin-${Date.now()}@example.com`;
  await h.agents.create({ email, name: 'Admin', password, role: 'admin' }, [h.site.id]);
  admin = await login(email);
  agent = await login((await h.createAgent('Agent')).email);
});
afterAll(async () => {
  await h.close();
});

describe('offline settings', () => {
  it('start empty; an admin replaces them; the widget gets them in its language', async () => {
    expect(await (await request(agent, 'GET')).json()).toEqual({ longWaitMinutes: null, fields: [] });
    const saved = await request(admin, 'PUT', settings);
    expect(saved.status).toBe(200);
    expect(await saved.json()).toEqual(settings);
    expect(await (await request(agent, 'GET')).json()).toEqual(settings);

    const visitor = await h.newVisitor();
    await connected(visitor.socket);
    const init = await call<SessionInitResult>(visitor.socket, EVENTS.sessionInit, { locale: 'pl' });
    expect(init.site.offline).toEqual({
      longWaitMinutes: 10,
      fields: [{ id: 'order', type: 'text', label: 'Numer zamówienia', required: true }],
    });
  });

  it('an agent may not change them; another site is not found', async () => {
    expect((await request(agent, 'PUT', settings)).status).toBe(403);
    expect((await request(admin, 'GET', undefined, 'no-such-site')).status).toBe(404);
  });

  it.each([
    ['A3 an array', []],
    ['a threshold of 0', { ...settings, longWaitMinutes: 0 }],
    ['an unknown key', { ...settings, extra: true }],
    ['R4 a question id with markup', { ...settings, fields: [{ ...settings.fields[0], id: '<b>' }] }],
  ])('refuses %s', async (_name, body) => {
    const res = await request(admin, 'PUT', body);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'bad_request' } });
  });
});
