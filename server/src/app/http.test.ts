/** HTTP API against a real server: auth, CSRF defences, limits, errors, static clients. */
import { request } from 'node:http';
import { API, afterLoadEmbedScript, LIMITS, PATHS } from '@frontdesk/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SITE_KEY } from '../sites/embedding.ts';
import { type Harness, startHarness } from '../testing/harness.ts';

let h: Harness;
let email: string;
const password = 'a long test password';

beforeAll(async () => {
  h = await startHarness();
  email = `http-${Date.now()}@example.com`;
  await h.agents.create({ email, name: 'Http Agent', password, role: 'agent' }, [h.site.id]);
});
afterAll(async () => {
  await h.close();
});

const post = (path: string, body: string, headers: Record<string, string> = {}) =>
  fetch(h.url + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: h.origin, ...headers },
    body,
  });

async function login() {
  const res = await post(API.login, JSON.stringify({ email, password }));
  expect(res.status).toBe(200);
  const cookie = res.headers.get('set-cookie') ?? '';
  return { res, cookie, pair: cookie.split(';')[0] ?? '' };
}

describe('agent auth', () => {
  it('logs in with a HttpOnly SameSite=Lax cookie, then /me and lists work, logout ends the session', async () => {
    const { res, cookie, pair } = await login();
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const text = await res.text();
    expect(JSON.parse(text)).toMatchObject({
      agent: { email, name: 'Http Agent', sites: [{ key: 'demo' }] },
    });
    expect(text).not.toMatch(/password|scrypt/);

    const me = await fetch(h.url + API.me, { headers: { cookie: pair } });
    expect(me.status).toBe(200);
    const list = await fetch(`${h.url + API.conversations}?state=queued`, { headers: { cookie: pair } });
    expect(await list.json()).toEqual({ conversations: [], ownReads: {} });

    expect((await post(API.logout, '{}', { cookie: pair })).status).toBe(200);
    expect((await fetch(h.url + API.me, { headers: { cookie: pair } })).status).toBe(401);
  });

  it('A9 rejects a wrong password with the same answer as an unknown e-mail', async () => {
    const wrong = await post(API.login, JSON.stringify({ email, password: 'nope' }));
    const unknown = await post(API.login, JSON.stringify({ email: 'ghost@example.com', password: 'nope' }));
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toEqual(await unknown.json());
  });

  it('A4 needs a session for reads; a forged cookie is refused', async () => {
    expect((await fetch(h.url + API.conversations)).status).toBe(401);
    const forged = await fetch(h.url + API.conversations, { headers: { cookie: 'fd_session=forged' } });
    expect(forged.status).toBe(401);
    expect(await forged.json()).toEqual({
      ok: false,
      error: { code: 'unauthorized', message: 'log in first' },
    });
  });

  it('A2 does not let an agent read a conversation of another site', async () => {
    const { pair } = await login();
    const res = await fetch(h.url + API.conversation('00000000-0000-0000-0000-000000000000'), {
      headers: { cookie: pair },
    });
    expect(res.status).toBe(404);
  });
});

describe('cross-site requests', () => {
  it.each([
    ['application/x-www-form-urlencoded', 'email=a&password=b'],
    ['multipart/form-data; boundary=x', '--x--'],
    ['text/plain', '{"email":"a@b.c","password":"x"}'],
  ])('A7 refuses a %s login post', async (type, body) => {
    const res = await fetch(h.url + API.login, {
      method: 'POST',
      headers: { 'content-type': type, origin: h.origin },
      body,
    });
    expect(res.status).toBe(400);
  });

  it('A7 refuses a JSON post from a foreign origin', async () => {
    const res = await post(API.login, JSON.stringify({ email, password }), {
      origin: 'https://evil.example',
    });
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ error: { code: 'origin_not_allowed' } });
  });
});

describe('input limits and errors', () => {
  it('L1 answers a body over the limit with 413 too_large', async () => {
    const res = await post(
      API.visitorSessions,
      JSON.stringify({ siteKey: 'x'.repeat(LIMITS.httpMaxBodyBytes + 10) }),
    );
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'too_large' } });
  });

  /**
   * Sends headers and `sent` bytes of a 10 MB body, then waits without finishing it: a server that
   * buffered the whole body before answering would never answer.
   */
  function tenMegabytes(chunked: boolean) {
    return new Promise<{ status: number; body: string; sent: number }>((resolve, reject) => {
      const total = 10 * 1024 * 1024;
      const req = request(h.url + API.visitorSessions, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          origin: h.origin,
          ...(chunked ? {} : { 'content-length': String(total) }),
        },
      });
      let sent = 0;
      req.on('response', (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => {
          body += chunk.toString();
        });
        res.on('end', () => {
          req.destroy();
          resolve({ status: res.statusCode ?? 0, body, sent });
        });
      });
      req.on('error', reject);
      const chunk = Buffer.alloc(16 * 1024, 'x');
      req.write('{"siteKey":"');
      // Just past the limit, never the whole 10 MB.
      while (sent <= LIMITS.httpMaxBodyBytes) {
        req.write(chunk);
        sent += chunk.length;
      }
    });
  }

  it('L1 a 10 MB body with Content-Length is refused with 413 before it is read', async () => {
    const res = await tenMegabytes(false);
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'too_large' } });
  });

  it('L1 a chunked 10 MB body (no Content-Length) is refused with 413 once past the limit, unfinished', async () => {
    const res = await tenMegabytes(true);
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'too_large' } });
    expect(res.sent).toBeLessThan(LIMITS.httpMaxBodyBytes * 2);
  });

  it.each([
    ['not JSON', '{'],
    ['wrong type', JSON.stringify({ siteKey: { $ne: null } })],
    ['extra key', JSON.stringify({ siteKey: 'demo', admin: true })],
    ['__proto__', '{"siteKey":"demo","__proto__":{"x":1}}'],
  ])('A3 answers %s with 400', async (_name, body) => {
    const res = await post(API.visitorSessions, body);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'bad_request' } });
  });

  it('answers an unknown site with 404 and an unknown endpoint with a JSON 404', async () => {
    expect((await post(API.visitorSessions, JSON.stringify({ siteKey: 'nosuchsite' }))).status).toBe(404);
    const res = await fetch(`${h.url}/api/v1/nothing`);
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('A4 mints visitor tokens that never come back in later responses', async () => {
    const res = await post(API.visitorSessions, JSON.stringify({ siteKey: 'demo' }));
    expect(res.status).toBe(201);
    const { token, visitorId } = (await res.json()) as { token: string; visitorId: string };
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(visitorId).not.toContain(token);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
  });
});

describe('health and pages', () => {
  it('reports health', async () => {
    const res = await fetch(h.url + API.health);
    expect(await res.json()).toEqual({ ok: true, status: 'ok' });
  });

  it('serves the demo with a strict CSP and redirects / to it', async () => {
    const res = await fetch(`${h.url}/demo/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await res.text()).toContain('assets/lang.js');
    const root = await fetch(`${h.url}/`, { redirect: 'manual' });
    expect(root.headers.get('location')).toBe('/demo/');
  });

  it('serves the demo its embed: the after-load embed of the demo site, in the page’s language', async () => {
    const page = await (await fetch(`${h.url}/demo/`)).text();
    expect(page).toContain('<script src="assets/embed.js"></script>');
    const res = await fetch(h.url + PATHS.demoEmbed);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/javascript');
    expect(await res.text()).toContain(
      afterLoadEmbedScript({ src: PATHS.loader, site: DEMO_SITE_KEY, locale: 'page' }),
    );
  });
});

describe('static assets', () => {
  it('serves the widget loader compressed, cacheable and usable cross-origin', async () => {
    const res = await fetch(`${h.url}/widget.js`, { headers: { 'accept-encoding': 'gzip' } });
    expect(res.status, 'the widget is built by `pnpm build` before the tests').toBe(200);
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('cache-control')).toContain('max-age=300');
    expect(await res.text()).toContain('Frontdesk');
  });
});

describe('sign-ins behind a trusted proxy (A9, L3)', () => {
  let proxied: Harness;
  const owner = { email: 'owner-behind-proxy@example.com', password: 'the owner’s long password' };
  beforeAll(async () => {
    proxied = await startHarness({ env: { TRUST_PROXY: 'loopback' } });
    await proxied.agents.create({ ...owner, name: 'Owner', role: 'agent' }, [proxied.site.id]);
  });
  afterAll(async () => {
    await proxied.close();
  });
  const signIn = (pw: string, client: string) =>
    fetch(proxied.url + API.login, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: proxied.origin, 'x-forwarded-for': client },
      body: JSON.stringify({ email: owner.email, password: pw }),
    });

  it('A9 sign-ins are counted per client the proxy names, so a stranger behind it cannot lock others out', async () => {
    for (let i = 0; i < LIMITS.login.freeFailures; i++) {
      expect((await signIn('guess', '198.51.100.7')).status).toBe(401);
    }
    expect((await signIn('guess', '198.51.100.7')).status).toBe(429);
    // Another client behind the same proxy is its own counter, not the proxy's address.
    expect((await signIn(owner.password, '203.0.113.20')).status).toBe(200);
  });
});
