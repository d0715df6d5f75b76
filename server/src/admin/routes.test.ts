/** Sites, agents, own profile and image routes against a real server, with role checks (A2, A8, L4). */

import { request as httpRequest } from 'node:http';
import { API, LIMITS, NAMESPACES } from '@frontdesk/shared';
import {
  AgentAccountReplySchema,
  AgentListReplySchema,
  AgentReplySchema,
  PasswordReplySchema,
  SiteListReplySchema,
  SiteReplySchema,
} from '@frontdesk/shared/responses';
import sharp from 'sharp';
import { io } from 'socket.io-client';
import * as v from 'valibot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connected, type Harness, startHarness } from '../testing/harness.ts';

let h: Harness;
let admin: string;
let adminId: string;
let agent: string;
let agentId: string;
let otherSiteId: string;
const password = 'a long test password';
let counter = 0;
const email = (name: string) => `${name}-${Date.now()}-${counter++}@example.com`;

async function login(address: string, pass = password): Promise<string> {
  const res = await fetch(h.url + API.login, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: h.origin },
    body: JSON.stringify({ email: address, password: pass }),
  });
  expect(res.status, await res.clone().text()).toBe(200);
  return (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

function request(method: string, path: string, cookie: string, body?: unknown, headers = {}) {
  const raw = body instanceof Uint8Array;
  return fetch(h.url + path, {
    method,
    headers: {
      origin: h.origin,
      cookie,
      ...(body !== undefined && { 'content-type': raw ? 'image/png' : 'application/json' }),
      ...headers,
    },
    ...(body !== undefined && { body: raw ? body : JSON.stringify(body) }),
  });
}

async function json<T>(res: Response, status = 200): Promise<T> {
  const text = await res.text();
  expect(res.status, text).toBe(status);
  return JSON.parse(text) as T;
}

const code = async (res: Response) => ((await res.json()) as { error: { code: string } }).error.code;

const png = (w = 600, h2 = 300) =>
  sharp({ create: { width: w, height: h2, channels: 4, background: '#2563eb' } })
    .withMetadata({ exif: { IFD0: { Copyright: 'secret-metadata' } } })
    .png()
    .toBuffer()
    .then((b) => new Uint8Array(b));

beforeAll(async () => {
  h = await startHarness();
  const adminEmail = email('admin');
  adminId = (
    await h.agents.create({ email: adminEmail, name: 'Admin', password, role: 'admin' }, [h.site.id])
  ).id;
  admin = await login(adminEmail);
  const a = await h.createAgent('Agent');
  agent = await login(a.email);
  agentId = (await h.storage.getAgentByEmail(a.email))?.id ?? '';
  otherSiteId = (
    await h.storage.createSite({
      key: `other-${Date.now()}`,
      name: 'Other',
      allowedOrigins: [],
      settings: h.site.settings,
    })
  ).id;
});
afterAll(async () => {
  await h.close();
});

describe('sites', () => {
  it('an admin creates a site with a fresh key, reads, renames and archives it', async () => {
    const created = v.parse(
      SiteReplySchema,
      await json(
        await request('POST', API.sites, admin, {
          name: 'Acme',
          allowedOrigins: ['https://Shop.Example/', 'https://*.acme.example'],
          defaultLocale: 'pl',
        }),
        201,
      ),
    ).site;
    expect(created.key).toMatch(/^site_[A-Za-z0-9_-]{22}$/);
    expect(created.allowedOrigins).toEqual(['https://shop.example', 'https://*.acme.example']);
    expect(created.defaultLocale).toBe('pl');
    expect(created.appearance.color).toBe('#2563eb');

    const again = v.parse(
      SiteReplySchema,
      await json(await request('POST', API.sites, admin, { name: 'Acme 2' }), 201),
    );
    expect(again.site.key).not.toBe(created.key);

    const renamed = v.parse(
      SiteReplySchema,
      await json(
        await request('PATCH', API.site(created.id), admin, {
          name: 'Acme shop',
          appearance: {
            color: '#1f5fbf',
            position: 'left',
            launcherLabel: { en: 'Chat with us' },
            title: { en: 'Acme' },
            subtitle: {},
            greeting: { en: 'Hi!' },
            quickReplies: { en: [{ type: 'handoff', label: 'Person' }] },
          },
        }),
      ),
    ).site;
    expect(renamed).toMatchObject({ name: 'Acme shop', appearance: { position: 'left', color: '#1f5fbf' } });

    const list = v.parse(SiteListReplySchema, await json(await request('GET', API.sites, admin)));
    expect(list.sites.map((s) => s.id)).toEqual(expect.arrayContaining([created.id, h.site.id, otherSiteId]));

    const archived = v.parse(
      SiteReplySchema,
      await json(await request('PATCH', API.site(created.id), admin, { archived: true })),
    ).site;
    expect(archived.archived).toBe(true);
    expect(archived.name).toBe('Acme shop');

    // Archived: no new visitors, with a clear code; the admin still lists it.
    const session = await fetch(h.url + API.visitorSessions, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://shop.example' },
      body: JSON.stringify({ siteKey: created.key }),
    });
    expect(session.status).toBe(410);
    expect(await code(session)).toBe('site_archived');
    const after = v.parse(SiteListReplySchema, await json(await request('GET', API.sites, admin)));
    expect(after.sites.find((s) => s.id === created.id)?.archived).toBe(true);
  });

  it('A6 a new site allows only its listed origins, wildcards included', async () => {
    const { site } = v.parse(
      SiteReplySchema,
      await json(
        await request('POST', API.sites, admin, { name: 'W', allowedOrigins: ['https://*.w.example'] }),
        201,
      ),
    );
    const mint = (origin: string) =>
      fetch(h.url + API.visitorSessions, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin },
        body: JSON.stringify({ siteKey: site.key }),
      });
    expect((await mint('https://shop.w.example')).status).toBe(201);
    expect((await mint('https://w.example')).status).toBe(403);
    expect((await mint(h.origin)).status).toBe(403);
  });

  it('refuses a bad colour, origin or name with bad_request', async () => {
    for (const body of [
      { name: '' },
      { allowedOrigins: ['https://shop.example/path'] },
      { allowedOrigins: ['https://*.com'] },
    ]) {
      const res = await request('PATCH', API.site(h.site.id), admin, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
  });

  it('A2 an agent lists and reads only their sites; another site is not_found; changes are forbidden', async () => {
    const list = v.parse(SiteListReplySchema, await json(await request('GET', API.sites, agent)));
    expect(list.sites.map((s) => s.id)).toEqual([h.site.id]);
    expect(
      (await json<{ site: { id: string } }>(await request('GET', API.site(h.site.id), agent))).site.id,
    ).toBe(h.site.id);
    const other = await request('GET', API.site(otherSiteId), agent);
    expect(other.status).toBe(404);
    expect(await code(other)).toBe('not_found');
    expect(await code(await request('PATCH', API.site(h.site.id), agent, { name: 'Mine' }))).toBe(
      'forbidden',
    );
    expect(await code(await request('POST', API.sites, agent, { name: 'Mine' }))).toBe('forbidden');
    expect(await code(await request('PUT', API.siteLogo(h.site.id), agent, await png()))).toBe('forbidden');
    expect(await code(await request('DELETE', API.siteLogo(h.site.id), agent))).toBe('forbidden');
    expect((await request('GET', API.site('no-such-site'), admin)).status).toBe(404);
    expect((await request('GET', API.sites, '')).status).toBe(401);
  });
});

describe('L4 image uploads', () => {
  it('re-encodes a logo to at most imageMaxPixels, strips metadata and serves it nosniff and immutable', async () => {
    const { site } = v.parse(
      SiteReplySchema,
      await json(await request('PUT', API.siteLogo(h.site.id), admin, await png())),
    );
    expect(site.appearance.logoUrl).toMatch(/^\/images\/[\w-]+$/);
    const res = await fetch(h.url + (site.appearance.logoUrl ?? ''));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('cache-control')).toContain('immutable');
    const bytes = Buffer.from(await res.arrayBuffer());
    const meta = await sharp(bytes).metadata();
    expect(Math.max(meta.width ?? 0, meta.height ?? 0)).toBe(LIMITS.imageMaxPixels);
    expect(meta.exif).toBeUndefined();
    expect(bytes.includes('secret-metadata')).toBe(false);

    const removed = v.parse(
      SiteReplySchema,
      await json(await request('DELETE', API.siteLogo(h.site.id), admin)),
    );
    expect(removed.site.appearance.logoUrl).toBeNull();
    expect((await fetch(h.url + (site.appearance.logoUrl ?? ''))).status).toBe(404);
  });

  it('L4 decides the type by content: SVG or HTML declared as PNG is refused; a PNG declared as SVG is a PNG', async () => {
    const svg = new TextEncoder().encode(
      '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
    );
    expect(await code(await request('PUT', API.siteLogo(h.site.id), admin, svg))).toBe('bad_request');
    const html = new TextEncoder().encode('<html><script>alert(1)</script></html>');
    expect(await code(await request('PUT', API.siteLogo(h.site.id), admin, html))).toBe('bad_request');
    // A truncated PNG: right magic bytes, no image.
    const broken = (await png()).slice(0, 40);
    expect(await code(await request('PUT', API.siteLogo(h.site.id), admin, broken))).toBe('bad_request');
    const res = await request('PUT', API.meAvatar, admin, await png(40, 40), {
      'content-type': 'image/svg+xml',
    });
    const { agent: me } = v.parse(AgentReplySchema, await json(res));
    const served = await fetch(h.url + (me.avatarUrl ?? ''));
    expect(served.headers.get('content-type')).toBe('image/png');
  });

  it('L4 accepts JPEG, WebP and GIF', async () => {
    const base = sharp({ create: { width: 20, height: 10, channels: 3, background: '#fff' } });
    for (const [format, type] of [
      ['jpeg', 'image/jpeg'],
      ['webp', 'image/png'],
      ['gif', 'image/png'],
    ] as const) {
      const bytes = new Uint8Array(await base.clone().toFormat(format).toBuffer());
      const { agent: me } = v.parse(
        AgentReplySchema,
        await json(await request('PUT', API.meAvatar, agent, bytes)),
      );
      expect((await fetch(h.url + (me.avatarUrl ?? ''))).headers.get('content-type'), format).toBe(type);
    }
  });

  it('L4 an upload over imageMaxBytes is too_large (413), refused by its declared length', async () => {
    const big = new Uint8Array(LIMITS.imageMaxBytes + 1);
    big.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    // Its own connection: the server answers before reading the body and closes it.
    const { status, body } = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = httpRequest(h.url + API.siteLogo(h.site.id), {
        method: 'PUT',
        agent: false,
        headers: {
          origin: h.origin,
          cookie: admin,
          'content-type': 'image/png',
          'content-length': big.byteLength,
        },
      });
      req.on('response', (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => {
          text += chunk.toString();
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      });
      req.on('error', reject);
      req.end(big);
    });
    expect(status).toBe(413);
    expect(JSON.parse(body)).toMatchObject({ error: { code: 'too_large' } });
  });
});

describe('agents', () => {
  it('an admin adds an agent (generated password shown once), lists and changes it; a duplicate e-mail is a conflict', async () => {
    const address = email('new');
    const created = v.parse(
      AgentAccountReplySchema,
      await json(
        await request('POST', API.agents, admin, { email: address, name: 'New', siteIds: [h.site.id] }),
        201,
      ),
    );
    expect(created.password).toMatch(/^[\w-]{22}$/);
    expect(created.agent).toMatchObject({
      email: address,
      role: 'agent',
      mustChangePassword: true,
      disabled: false,
    });
    expect(created.agent.sites.map((s) => s.id)).toEqual([h.site.id]);
    const cookie = await login(address, created.password);
    const me = v.parse(AgentReplySchema, await json(await request('GET', API.me, cookie)));
    expect(me.agent.mustChangePassword).toBe(true);

    const dup = await request('POST', API.agents, admin, { email: address, name: 'Again', siteIds: [] });
    expect(dup.status).toBe(409);
    expect(await code(dup)).toBe('conflict');

    const given = v.parse(
      AgentAccountReplySchema,
      await json(
        await request('POST', API.agents, admin, {
          email: email('given'),
          name: 'G',
          siteIds: [],
          password: 'a chosen password',
        }),
        201,
      ),
    );
    expect(given.password).toBeUndefined();
    expect(given.agent.mustChangePassword).toBe(false);

    const changed = v.parse(
      AgentAccountReplySchema,
      await json(
        await request('PATCH', API.agent(created.agent.id), admin, {
          name: 'Renamed',
          siteIds: [h.site.id, otherSiteId],
        }),
      ),
    );
    expect(changed.agent.name).toBe('Renamed');
    expect(changed.agent.sites.map((s) => s.id).sort()).toEqual([h.site.id, otherSiteId].sort());

    const list = v.parse(AgentListReplySchema, await json(await request('GET', API.agents, admin)));
    expect(list.agents.map((a) => a.email)).toContain(address);
    expect(list.agents.every((a) => !('passwordHash' in a))).toBe(true);

    expect(await code(await request('PATCH', API.agent('nobody'), admin, { name: 'X' }))).toBe('not_found');
    expect(
      await code(await request('PATCH', API.agent(created.agent.id), admin, { siteIds: ['nope'] })),
    ).toBe('bad_request');
  });

  it('A8 disabling an agent ends their sessions and closes their socket', async () => {
    const a = await h.newAgent('Doomed');
    await connected(a.socket);
    const id = (await h.storage.getAgentByEmail(a.email))?.id ?? '';
    const closed = new Promise<void>((resolve) => a.socket.once('disconnect', () => resolve()));
    const res = await request('PATCH', API.agent(id), admin, { disabled: true });
    expect(v.parse(AgentAccountReplySchema, await json(res)).agent.disabled).toBe(true);
    await closed;
    expect((await request('GET', API.me, a.cookie)).status).toBe(401);
    const again = io(h.url + NAMESPACES.agent, {
      extraHeaders: { origin: h.origin, cookie: a.cookie },
      transports: ['websocket'],
      forceNew: true,
    });
    await expect(connected(again)).rejects.toThrow();
    again.disconnect();
  });

  it('A8 a password reset returns a generated password once, ends sessions and requires a change', async () => {
    const { email: address } = await h.createAgent('Reset');
    const cookie = await login(address);
    const id = (await h.storage.getAgentByEmail(address))?.id ?? '';
    const reply = v.parse(
      PasswordReplySchema,
      await json(await request('POST', API.agentPassword(id), admin, {})),
    );
    expect(reply.password).toMatch(/^[\w-]{22}$/);
    expect((await request('GET', API.me, cookie)).status).toBe(401);
    const fresh = await login(address, reply.password);
    expect(
      v.parse(AgentReplySchema, await json(await request('GET', API.me, fresh))).agent.mustChangePassword,
    ).toBe(true);
    const given = v.parse(
      PasswordReplySchema,
      await json(await request('POST', API.agentPassword(id), admin, { password: 'another long one' })),
    );
    expect(given.password).toBeUndefined();
  });

  it('the last active admin cannot disable or demote themselves', async () => {
    // Two admins exist while this runs? Make it the only one: disable every other admin first.
    const { agents } = v.parse(AgentListReplySchema, await json(await request('GET', API.agents, admin)));
    for (const other of agents.filter((a) => a.role === 'admin' && a.id !== adminId && !a.disabled)) {
      await json(await request('PATCH', API.agent(other.id), admin, { disabled: true }));
    }
    for (const body of [{ disabled: true }, { role: 'agent' }]) {
      const res = await request('PATCH', API.agent(adminId), admin, body);
      expect(res.status).toBe(409);
      expect(await code(res)).toBe('invalid_state');
    }
    expect((await request('GET', API.me, admin)).status).toBe(200);
  });

  it('every admin route answers an agent forbidden', async () => {
    for (const [method, path, body] of [
      ['GET', API.agents, undefined],
      ['POST', API.agents, { email: email('x'), name: 'X', siteIds: [] }],
      ['PATCH', API.agent(agentId), { name: 'Me' }],
      ['POST', API.agentPassword(agentId), {}],
    ] as const) {
      const res = await request(method, path, agent, body);
      expect(res.status, `${method} ${path}`).toBe(403);
      expect(await code(res)).toBe('forbidden');
    }
  });
});

describe('own profile', () => {
  it('changes name and avatar colour; GET me carries the avatar fields', async () => {
    const { email: address } = await h.createAgent('Profile');
    const cookie = await login(address);
    const reply = v.parse(
      AgentReplySchema,
      await json(await request('PATCH', API.me, cookie, { name: 'New Name', avatarColor: '#A35' })),
    );
    expect(reply.agent).toMatchObject({
      name: 'New Name',
      avatarColor: '#aa3355',
      avatarUrl: null,
      mustChangePassword: false,
    });
    expect(v.parse(AgentReplySchema, await json(await request('GET', API.me, cookie))).agent.name).toBe(
      'New Name',
    );
    const deleted = v.parse(AgentReplySchema, await json(await request('DELETE', API.meAvatar, cookie)));
    expect(deleted.agent.avatarUrl).toBeNull();
  });

  it('changing the own password needs the current one, keeps this session, ends the others and clears mustChangePassword', async () => {
    const { email: address } = await h.createAgent('Changer');
    const id = (await h.storage.getAgentByEmail(address))?.id ?? '';
    await h.storage.updateAgent(id, { mustChangePassword: true });
    const here = await login(address);
    const elsewhere = await login(address);
    const wrong = await request('POST', API.mePassword, here, {
      currentPassword: 'wrong one',
      newPassword: 'a brand new password',
    });
    expect(wrong.status).toBe(401);
    expect(await code(wrong)).toBe('unauthorized');
    const ok = await request('POST', API.mePassword, here, {
      currentPassword: password,
      newPassword: 'a brand new password',
    });
    expect(ok.status).toBe(200);
    expect((await request('GET', API.me, elsewhere)).status).toBe(401);
    const me = v.parse(AgentReplySchema, await json(await request('GET', API.me, here)));
    expect(me.agent.mustChangePassword).toBe(false);
    await login(address, 'a brand new password');
  });

  it('refuses a cross-site profile change', async () => {
    const res = await request('PATCH', API.me, agent, { name: 'X' }, { origin: 'https://evil.example' });
    expect(await code(res)).toBe('origin_not_allowed');
  });
});
