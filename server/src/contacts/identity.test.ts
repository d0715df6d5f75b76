/**
 * Issue 12 over a real server: identify with and without the site's HMAC (A5), merges that bring a
 * customer's history to a new device, logout, and "delete my chat history".
 */
import {
  CONTACT_API,
  type Contact,
  EVENTS,
  type IdentifyResult,
  type IdentitySettings,
  LOGGED_OUT,
  NAMESPACES,
  type OpenResult,
  type SendResult,
  type SessionInitResult,
  type SyncResult,
  type VisitorConversation,
} from '@frontdesk/shared';
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleHttp } from '../testing/console-http.ts';
import {
  call,
  callRaw,
  clientId,
  connected,
  type Harness,
  openConversation,
  startHarness,
  type VisitorSocket,
  waitFor,
} from '../testing/harness.ts';
import { userHashFor } from './hmac.ts';

let h: Harness;
let admin: string;

const login = (email: string) => consoleHttp(h).login(email);
const api = (cookie: string, method: string, path: string, body?: unknown) =>
  consoleHttp(h).api(cookie, method, path, body);

/** A socket for an existing token (the same device reconnecting). */
function socketFor(token: string): VisitorSocket {
  return io(h.url + NAMESPACES.visitor, {
    auth: { siteKey: h.site.key, token },
    extraHeaders: { origin: h.origin },
    transports: ['websocket'],
    forceNew: true,
  });
}

async function say(socket: VisitorSocket, conversationId: string, body: string) {
  return call<SendResult>(socket, EVENTS.messageSend, { conversationId, clientId: clientId(), body });
}

/** The contact behind a conversation (the id agents see as `conversation.visitor.id`). */
async function visitorOf(conversationId: string): Promise<string> {
  return (await h.storage.getConversation(conversationId))?.visitorId ?? '';
}

async function contactOf(visitorId: string): Promise<Contact> {
  const res = await api(admin, 'GET', CONTACT_API.contact(h.site.id, visitorId));
  expect(res.status).toBe(200);
  return (await res.json()) as Contact;
}

async function setSecret(): Promise<string> {
  const res = await api(admin, 'POST', CONTACT_API.identitySecretRotate(h.site.id), {});
  expect(res.status).toBe(200);
  const settings = (await res.json()) as IdentitySettings;
  expect(settings.secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
  return settings.secret ?? '';
}

beforeAll(async () => {
  h = await startHarness();
  admin = await login((await h.createAgent('Admin', 'admin')).email);
});
afterAll(async () => {
  await h.close();
});

describe('identify without a secret', () => {
  it('A5 accepts the claim as unverified on the visitor’s own record and never merges it', async () => {
    expect(await (await api(admin, 'DELETE', CONTACT_API.identitySettings(h.site.id))).json()).toMatchObject({
      secret: null,
    });
    const first = await h.newVisitor();
    const opened = await openConversation(h, first.socket);
    await say(first.socket, opened.conversation.id, 'my order 123');
    const firstId = opened.conversation.id;
    expect(
      await call<IdentifyResult>(first.socket, EVENTS.contactIdentify, { userId: 'plain-1', name: 'Ann' }),
    ).toEqual({ identity: 'unverified', reconnect: false, conversationsMoved: 0 });

    // Someone else claims the same id: unverified too, and none of Ann's history.
    const other = await h.newVisitor();
    const otherOpened = await openConversation(h, other.socket);
    expect(await call<IdentifyResult>(other.socket, EVENTS.contactIdentify, { userId: 'plain-1' })).toEqual({
      identity: 'unverified',
      reconnect: false,
      conversationsMoved: 0,
    });
    const refused = await callRaw(other.socket, EVENTS.messagesSync, {
      conversationId: firstId,
      afterSeq: 0,
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const otherContact = await contactOf(await visitorOf(otherOpened.conversation.id));
    expect(otherContact.identity).toBe('unverified');
    expect(otherContact.conversations.map((c) => c.id)).toEqual([otherOpened.conversation.id]);
  });
});

describe('identify with the site’s secret', () => {
  it('A5 a missing, wrong or other user’s hash is refused; the visitor stays anonymous with no history', async () => {
    const secret = await setSecret();
    const customer = await h.newVisitor();
    const own = await openConversation(h, customer.socket);
    await say(customer.socket, own.conversation.id, 'where is my parcel');
    await call(customer.socket, EVENTS.contactIdentify, {
      userId: 'cust-1',
      userHash: userHashFor(secret, 'cust-1'),
    });

    const intruder = await h.newVisitor();
    const mine = await openConversation(h, intruder.socket);
    for (const userHash of [
      undefined,
      'f'.repeat(64),
      userHashFor(secret, 'cust-2'),
      userHashFor('guess', 'cust-1'),
    ]) {
      const result = await callRaw(intruder.socket, EVENTS.contactIdentify, {
        userId: 'cust-1',
        ...(userHash !== undefined && { userHash }),
      });
      expect(result).toMatchObject({ ok: false, error: { code: 'identity_refused' } });
    }
    expect(intruder.socket.connected).toBe(true);
    const contact = await contactOf(await visitorOf(mine.conversation.id));
    expect(contact).toMatchObject({ identity: 'anonymous', userId: null, name: null });
    expect(contact.conversations.map((c) => c.id)).toEqual([mine.conversation.id]);
    const sync = await callRaw(intruder.socket, EVENTS.messagesSync, {
      conversationId: own.conversation.id,
      afterSeq: 0,
    });
    expect(sync).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('a verified customer on a new device is merged in and gets their previous conversations; nothing lost', async () => {
    const secret = await setSecret();
    const userHash = userHashFor(secret, 'cust-42');
    const laptop = await h.newVisitor();
    const before = await openConversation(h, laptop.socket);
    await say(laptop.socket, before.conversation.id, 'first device question');
    expect(
      await call<IdentifyResult>(laptop.socket, EVENTS.contactIdentify, {
        userId: 'cust-42',
        userHash,
        email: 'Ada@Example.com',
        name: 'Ada',
        attributes: { plan: 'pro', seats: 3, since: '2026-01-31' },
      }),
    ).toEqual({ identity: 'verified', reconnect: false, conversationsMoved: 0 });
    const customerId = await visitorOf(before.conversation.id);

    // A second browser: anonymous first, with its own conversation, then identified.
    const phone = await h.newVisitor();
    const fresh = await openConversation(h, phone.socket);
    const phoneId = await visitorOf(fresh.conversation.id);
    await say(phone.socket, fresh.conversation.id, 'second device question');
    const closed = new Promise<string>((resolve) => phone.socket.once('disconnect', resolve));
    expect(
      await call<IdentifyResult>(phone.socket, EVENTS.contactIdentify, { userId: 'cust-42', userHash }),
    ).toEqual({
      identity: 'verified',
      reconnect: true,
      conversationsMoved: 1,
    });
    expect(await closed).toBe('io server disconnect');

    // The same token now opens the customer's contact, with both conversations and all messages.
    const again = socketFor(phone.token);
    await connected(again);
    await call<SessionInitResult>(again, EVENTS.sessionInit, { locale: 'en', timeZone: 'Europe/Warsaw' });
    for (const [conversation, body] of [
      [before.conversation, 'first device question'],
      [fresh.conversation, 'second device question'],
    ] as const) {
      const synced = await call<SyncResult<VisitorConversation>>(again, EVENTS.messagesSync, {
        conversationId: conversation.id,
        afterSeq: 0,
      });
      expect(synced.messages.map((m) => m.body)).toContain(body);
    }
    const contact = await contactOf(customerId);
    expect(contact).toMatchObject({
      identity: 'verified',
      userId: 'cust-42',
      name: 'Ada',
      email: 'ada@example.com',
      location: 'Warsaw, Europe',
      timeZone: 'Europe/Warsaw',
    });
    expect(contact.attributes).toEqual([
      { key: 'plan', type: 'string', value: 'pro' },
      { key: 'seats', type: 'number', value: 3 },
      { key: 'since', type: 'date', value: '2026-01-31' },
    ]);
    expect(contact.conversations.map((c) => c.id).sort()).toEqual(
      [before.conversation.id, fresh.conversation.id].sort(),
    );
    // The merged device is no contact of its own: not found, as for a missing id.
    expect((await api(admin, 'GET', CONTACT_API.contact(h.site.id, phoneId))).status).toBe(404);
    const timeline = (await (
      await api(admin, 'GET', CONTACT_API.contactTimeline(h.site.id, customerId))
    ).json()) as {
      items: { change: { kind: string } }[];
    };
    expect(timeline.items.map((e) => e.change.kind)).toEqual(
      expect.arrayContaining(['merged', 'identified', 'field']),
    );

    // Logout on the phone ends that device only: its token is dead, the laptop keeps working.
    const ended = waitFor<{ code: string }>(again, EVENTS.sessionEnded);
    expect(await call(again, EVENTS.contactLogout, {})).toBeNull();
    expect(await ended).toEqual({ code: LOGGED_OUT });
    const dead = socketFor(phone.token);
    await expect(connected(dead)).rejects.toThrow();
    dead.disconnect();
    const laptopAgain = socketFor(laptop.token);
    await connected(laptopAgain);
    const init = await call<SessionInitResult>(laptopAgain, EVENTS.sessionInit, { locale: 'en' });
    expect(init.conversation?.id).toBeDefined();
    laptopAgain.disconnect();
    again.disconnect();
  });

  it('a visitor verified as one user cannot identify as another without logging out', async () => {
    const secret = await setSecret();
    const v = await h.newVisitor();
    await openConversation(h, v.socket);
    await call(v.socket, EVENTS.contactIdentify, { userId: 'one', userHash: userHashFor(secret, 'one') });
    expect(
      await callRaw(v.socket, EVENTS.contactIdentify, {
        userId: 'two',
        userHash: userHashFor(secret, 'two'),
      }),
    ).toMatchObject({ ok: false, error: { code: 'identity_refused' } });
  });
});

describe('delete my chat history', () => {
  it('deletes the visitor’s conversations and audits it', async () => {
    const v = await h.newVisitor();
    const opened: OpenResult = await openConversation(h, v.socket);
    await say(v.socket, opened.conversation.id, 'please forget me');
    const visitorId = await visitorOf(opened.conversation.id);
    expect(await call(v.socket, EVENTS.contactDeleteHistory, {})).toEqual({ conversations: 1 });
    expect(await h.storage.getConversation(opened.conversation.id)).toBeNull();
    const contact = await contactOf(visitorId);
    expect(contact.conversations).toEqual([]);
    expect((await h.storage.listPrivacyAudit(h.site.id, 50)).some((a) => a.kind === 'history')).toBe(true);
  });
});

describe('forms fill the contact', () => {
  it('the leave-a-message form’s name and e-mail go on the contact, with the visitor on the timeline', async () => {
    const v = await h.newVisitor();
    const opened = await openConversation(h, v.socket);
    const visitorId = await visitorOf(opened.conversation.id);
    await call(v.socket, EVENTS.offlineMessage, {
      conversationId: opened.conversation.id,
      clientId: clientId(),
      name: 'Form Filler',
      email: 'Form@Example.com',
      body: 'call me back',
      reason: 'nobody_online',
    });
    expect(await contactOf(visitorId)).toMatchObject({ name: 'Form Filler', email: 'form@example.com' });
    const timeline = (await (
      await api(admin, 'GET', CONTACT_API.contactTimeline(h.site.id, visitorId))
    ).json()) as {
      items: { actor: { type: string }; change: { kind: string; field?: string } }[];
    };
    expect(timeline.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          actor: { type: 'visitor' },
          change: expect.objectContaining({ field: 'name' }),
        }),
        expect.objectContaining({
          actor: { type: 'visitor' },
          change: expect.objectContaining({ field: 'email' }),
        }),
      ]),
    );
  });
});
