/**
 * Issue 12 over a real server: the console's contact routes — site access (A2), search, tags and
 * paging, edits with a timeline, notes, values kept as typed (escaping is the console's, R4), export,
 * the two-step erasure, settings for admins only.
 */
import {
  API,
  CONTACT_API,
  type Contact,
  type ContactExport,
  type ContactSummary,
  type EraseConfirmation,
  type Page,
} from '@frontdesk/shared';
import { SERVER_CATALOGS } from '@frontdesk/shared/i18n';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleHttp, otherSiteAgent, visitorChat } from '../testing/console-http.ts';
import { type Harness, startHarness } from '../testing/harness.ts';

let h: Harness;
let admin: string;
let agent: string;
let stranger: string;
let otherSiteId: string;

const login = (email: string) => consoleHttp(h).login(email);
const api = (cookie: string, method: string, path: string, body?: unknown) =>
  consoleHttp(h).api(cookie, method, path, body);

/** A visitor with one conversation and a message; returns the contact id. */
const visitorWithChat = async (body: string) => (await visitorChat(h, body)).contactId;

beforeAll(async () => {
  h = await startHarness();
  admin = await login((await h.createAgent('Admin', 'admin')).email);
  agent = await login((await h.createAgent('Agent')).email);
  ({ siteId: otherSiteId, cookie: stranger } = await otherSiteAgent(h, 'c'));
});
afterAll(async () => {
  await h.close();
});

describe('console contact routes', () => {
  it('A2 an agent of another site gets not found, by its own site id or by ours', async () => {
    const id = await visitorWithChat('hello');
    for (const path of [
      CONTACT_API.contact(h.site.id, id),
      CONTACT_API.contact(otherSiteId, id),
      CONTACT_API.contacts(h.site.id),
      CONTACT_API.contactExport(h.site.id, id),
      CONTACT_API.contactTimeline(otherSiteId, id),
    ]) {
      const res = await api(stranger, 'GET', path);
      expect(res.status, path).toBe(404);
      expect(await res.json()).toMatchObject({ error: { code: 'not_found' } });
    }
    expect((await api(stranger, 'PATCH', CONTACT_API.contact(otherSiteId, id), { name: 'x' })).status).toBe(
      404,
    );
    expect((await api(agent, 'GET', CONTACT_API.contact(h.site.id, id))).status).toBe(200);
    expect((await api(agent, 'GET', CONTACT_API.contact(h.site.id, 'no-such-id'))).status).toBe(404);
  });

  it('edits fields, typed attributes and tags with a timeline of who changed what; notes; markup kept as text', async () => {
    const id = await visitorWithChat('hi');
    const patched = await api(agent, 'PATCH', CONTACT_API.contact(h.site.id, id), {
      name: '<img src=x onerror=alert(1)>',
      email: 'Zed@Example.com',
      attributes: {
        set: { plan: { type: 'string', value: '<b>gold</b>' }, seats: { type: 'number', value: 5 } },
      },
      tags: { add: ['VIP', 'lead'] },
    });
    expect(patched.status).toBe(200);
    const contact = (await patched.json()) as Contact;
    expect(contact).toMatchObject({
      name: '<img src=x onerror=alert(1)>',
      email: 'zed@example.com',
      tags: ['lead', 'vip'],
    });
    expect(contact.attributes).toEqual([
      { key: 'plan', type: 'string', value: '<b>gold</b>' },
      { key: 'seats', type: 'number', value: 5 },
    ]);
    const note = await api(agent, 'POST', CONTACT_API.contactNotes(h.site.id, id), {
      body: 'Prefers e-mail',
    });
    expect(note.status).toBe(201);
    const timeline = (await (
      await api(agent, 'GET', CONTACT_API.contactTimeline(h.site.id, id))
    ).json()) as Page<{
      actor: { type: string; name?: string };
      change: { kind: string; field?: string; from?: string | null; to?: string | null };
    }>;
    expect(timeline.items.every((e) => e.actor.type === 'agent' && e.actor.name === 'Agent')).toBe(true);
    expect(timeline.items.map((e) => e.change.kind).sort()).toEqual(
      ['attribute', 'attribute', 'field', 'field', 'note_added', 'tag_added', 'tag_added'].sort(),
    );
    expect(timeline.items).toContainEqual(
      expect.objectContaining({
        change: { kind: 'field', field: 'email', from: null, to: 'zed@example.com' },
      }),
    );
    // A3: wrong types are refused at the boundary.
    for (const body of [
      { attributes: { set: { n: { type: 'number', value: '5' } } } },
      { tags: { add: 'vip' } },
      { name: ['x'] },
      JSON.parse('{"__proto__":{"polluted":true}}'),
    ])
      expect((await api(agent, 'PATCH', CONTACT_API.contact(h.site.id, id), body)).status).toBe(400);
  });

  it('searches by name, e-mail and attribute, filters by tag, pages by last seen', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const id = await visitorWithChat(`q${i}`);
      await api(agent, 'PATCH', CONTACT_API.contact(h.site.id, id), {
        name: `Searchable ${i}`,
        email: `searchable${i}@shop.example`,
        attributes: { set: { order: { type: 'string', value: `PL-${i}00` } } },
        ...(i % 2 === 0 && { tags: { add: ['even'] } }),
      });
      ids.push(id);
    }
    const list = async (query: string) =>
      (await (
        await api(agent, 'GET', `${CONTACT_API.contacts(h.site.id)}?${query}`)
      ).json()) as Page<ContactSummary>;
    expect((await list('q=searchable3')).items.map((c) => c.id)).toEqual([ids[3]]);
    expect((await list('q=SEARCHABLE2%40shop')).items.map((c) => c.id)).toEqual([ids[2]]);
    expect((await list('q=order%3Apl-400')).items.map((c) => c.id)).toEqual([ids[4]]);
    expect((await list('q=searchable&tag=even')).items.map((c) => c.id)).toEqual([ids[4], ids[2], ids[0]]);
    const first = await list('q=searchable&limit=2');
    expect(first.items.map((c) => c.id)).toEqual([ids[4], ids[3]]);
    const second = await list(`q=searchable&limit=2&cursor=${first.nextCursor}`);
    const third = await list(`q=searchable&limit=2&cursor=${second.nextCursor}`);
    expect([...second.items, ...third.items].map((c) => c.id)).toEqual([ids[2], ids[1], ids[0]]);
    expect(third.nextCursor).toBeNull();
    expect((await api(agent, 'GET', `${CONTACT_API.contacts(h.site.id)}?cursor=bm9wZQ`)).status).toBe(400);
  });

  it('exports everything as JSON, then erases in two confirmed steps: redacted, anonymised, audited', async () => {
    const id = await visitorWithChat('my phone is 600 100 200');
    await api(agent, 'PATCH', CONTACT_API.contact(h.site.id, id), { name: 'Eve', tags: { add: ['gdpr'] } });
    await api(agent, 'POST', CONTACT_API.contactNotes(h.site.id, id), { body: 'asked for erasure' });
    const exported = await api(agent, 'GET', CONTACT_API.contactExport(h.site.id, id));
    expect(exported.headers.get('content-disposition')).toMatch(/^attachment; filename="contact-/);
    // A second conversation held in Polish (the site's default language is English).
    const polish = await h.storage.createConversation({ siteId: h.site.id, visitorId: id, locale: 'pl' });
    await h.storage.appendMessage({
      conversationId: polish.id,
      clientId: null,
      author: 'visitor',
      authorName: null,
      agentId: null,
      kind: 'text',
      body: 'mój adres to Długa 1',
      meta: null,
    });
    const data = (await exported.json()) as ContactExport;
    expect(data.contact).toMatchObject({ id, name: 'Eve', tags: ['gdpr'] });
    expect(data.contact.notes.map((n) => n.body)).toEqual(['asked for erasure']);
    expect(data.conversations[0]?.messages.map((m) => m.body)).toContain('my phone is 600 100 200');
    expect(data.timeline.length).toBeGreaterThan(0);

    // Without the first step, with a forged token, or another agent's token: refused.
    const erase = CONTACT_API.contactErase(h.site.id, id);
    expect(
      await (await api(agent, 'POST', erase, { confirmation: '9999999999999.forged' })).json(),
    ).toMatchObject({ error: { code: 'confirmation_invalid' } });
    const adminToken = (await (
      await api(admin, 'POST', CONTACT_API.contactEraseConfirmation(h.site.id, id), {})
    ).json()) as EraseConfirmation;
    expect((await api(agent, 'POST', erase, { confirmation: adminToken.confirmation })).status).toBe(400);
    const step1 = await api(agent, 'POST', CONTACT_API.contactEraseConfirmation(h.site.id, id), {});
    const { confirmation } = (await step1.json()) as EraseConfirmation;
    const done = await api(agent, 'POST', erase, { confirmation });
    expect(done.status).toBe(200);
    const result = (await done.json()) as { conversations: number; messages: number };
    expect(result.conversations).toBe(2);
    // The visitor's message and the bot's answer (events stay: they carry no personal data).
    expect(result.messages).toBeGreaterThanOrEqual(2);

    const after = (await (await api(agent, 'GET', CONTACT_API.contact(h.site.id, id))).json()) as Contact;
    expect(after).toMatchObject({
      erased: true,
      name: null,
      email: null,
      tags: [],
      notes: [],
      attributes: [],
    });
    const bodies = (await (
      await api(agent, 'GET', CONTACT_API.contactExport(h.site.id, id))
    ).json()) as ContactExport;
    expect(JSON.stringify(bodies)).not.toContain('600 100 200');
    // Each conversation redacted in its own language.
    const redactedIn = (conversationId: string) =>
      new Set(
        bodies.conversations
          .find((c) => c.id === conversationId)
          ?.messages.filter((m) => m.kind !== 'event')
          .map((m) => m.body),
      );
    expect(redactedIn(polish.id)).toEqual(new Set([SERVER_CATALOGS.pl.messageRedacted]));
    const english = bodies.conversations.find((c) => c.id !== polish.id);
    expect(redactedIn(english?.id ?? '')).toEqual(new Set([SERVER_CATALOGS.en.messageRedacted]));
    expect(JSON.stringify(bodies)).not.toContain('Eve');
    // Irreversible: no second erasure, no edits.
    expect((await api(agent, 'POST', erase, { confirmation })).status).toBe(409);
    expect((await api(agent, 'PATCH', CONTACT_API.contact(h.site.id, id), { name: 'Back' })).status).toBe(
      409,
    );
    expect(
      (await h.storage.listPrivacyAudit(h.site.id, 50)).filter(
        (a) => a.kind === 'erase' && a.visitorId === id,
      ),
    ).toHaveLength(1);
  });

  it('identity secret and retention: admins change them; agents read retention only', async () => {
    expect((await api(agent, 'GET', CONTACT_API.identitySettings(h.site.id))).status).toBe(403);
    expect((await api(agent, 'POST', CONTACT_API.identitySecretRotate(h.site.id), {})).status).toBe(403);
    expect(
      (await api(agent, 'PUT', CONTACT_API.privacySettings(h.site.id), { retentionMonths: 6 })).status,
    ).toBe(403);
    const one = (await (
      await api(admin, 'POST', CONTACT_API.identitySecretRotate(h.site.id), {})
    ).json()) as {
      secret: string;
    };
    const two = (await (
      await api(admin, 'POST', CONTACT_API.identitySecretRotate(h.site.id), {})
    ).json()) as {
      secret: string;
    };
    expect(two.secret).not.toBe(one.secret);
    expect(
      (await api(admin, 'PUT', CONTACT_API.privacySettings(h.site.id), { retentionMonths: 0 })).status,
    ).toBe(400);
    expect(
      await (await api(admin, 'PUT', CONTACT_API.privacySettings(h.site.id), { retentionMonths: 6 })).json(),
    ).toEqual({
      retentionMonths: 6,
    });
    expect(await (await api(agent, 'GET', CONTACT_API.privacySettings(h.site.id))).json()).toEqual({
      retentionMonths: 6,
    });
    // The site as admins list it never carries the secret.
    const site = await (await api(admin, 'GET', API.site(h.site.id))).text();
    expect(site).not.toContain(two.secret);
  });
});
