/**
 * E-mail as a channel against a real SMTP server started here (`startSmtpSink`): reply content and
 * headers, R4 header injection, coalescing, retry after a refusal, the unconfigured outbox seen by
 * admins, the signed link, inbound replies (threaded, idempotent, forged/stale refused), the
 * transcript, the agents' notice. Mail time is a fake clock; nothing waits on the wall clock.
 */
import { API, EVENTS, LIMITS, type Message } from '@frontdesk/shared';
import { createTransport } from 'nodemailer';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  type AgentSocket,
  call,
  callRaw,
  clientId,
  connected,
  type Harness,
  openConversation,
  startHarness,
} from '../testing/harness.ts';
import { type SmtpSink, startSmtpSink } from '../testing/smtp-sink.ts';
import { replyAddress } from './signing.ts';

const START = Date.parse('2026-12-02T12:00:00Z');
let now = START;
const clock = () => now;
let sink: SmtpSink;
let h: Harness & { dataDir: string };
let agent: { cookie: string; socket: AgentSocket };

beforeAll(async () => {
  sink = await startSmtpSink();
  h = await startHarness({
    mailClock: clock,
    mailIntervalMs: 3_600_000,
    env: {
      SMTP_URL: sink.url,
      SMTP_INBOUND_PORT: '0',
      MAIL_FROM: 'Nordic Nest <help@shop.example>',
      PUBLIC_URL: 'https://chat.example',
      RATE_LIMIT_SCALE: '1',
    },
  });
  agent = await h.newAgent('Anna');
  await connected(agent.socket);
});

afterAll(async () => {
  await h.close();
  await sink.close();
});

afterEach(() => {
  sink.messages.length = 0;
  sink.refuseNext(0);
});

/** A conversation Anna has taken, whose visitor gave a name and an e-mail and then left. */
async function offlineConversation(visitor: { name: string; email: string }) {
  const v = await h.newVisitor();
  const { conversation } = await openConversation(h, v.socket);
  const cid = conversation.id;
  await call(v.socket, EVENTS.messageSend, {
    conversationId: cid,
    clientId: clientId(),
    body: 'Where is my order <b>#42</b>?',
  });
  await call(v.socket, EVENTS.conversationHandoff, { conversationId: cid });
  await call(agent.socket, EVENTS.conversationTake, { conversationId: cid });
  const record = await h.storage.getConversation(cid);
  const visitorId = record?.visitorId ?? '';
  await h.storage.updateVisitor(visitorId, visitor);
  v.socket.disconnect();
  await vi.waitFor(async () => expect(await h.mail.conversationMail.visitorOnline(visitorId)).toBe(false));
  return { cid, visitorId, token: v.token };
}

async function agentSays(cid: string, body: string) {
  await call(agent.socket, EVENTS.messageSend, { conversationId: cid, clientId: clientId(), body });
  await h.mail.conversationMail.settled();
}

async function timeline(cid: string): Promise<Message[]> {
  return h.storage.listMessages(cid, 0, 500);
}

const mailNotes = async (cid: string) =>
  (await timeline(cid)).filter((m) => m.author === 'system' && m.meta?.event?.name?.startsWith('mail_'));

describe('reply by e-mail', () => {
  it('coalesces quick replies into one e-mail with the recent messages, a signed link and the reply address', async () => {
    const { cid } = await offlineConversation({ name: 'Olga', email: 'olga@example.com' });
    await agentSays(cid, 'Hello Olga, let me check **#42**.');
    await agentSays(cid, 'It left our warehouse today.');

    expect(await h.mail.outbox.runDue()).toBe(0); // it waits for more replies first
    now += LIMITS.mailReplyCoalesceMs;
    expect(await h.mail.outbox.runDue()).toBe(1);

    expect(sink.messages).toHaveLength(1);
    const [mail] = sink.messages;
    expect(mail?.to).toEqual(['olga@example.com']);
    expect(mail?.from).toBe('help@shop.example');
    const parsed = mail?.parsed;
    expect(parsed?.subject).toBe('New reply from Nordic Nest');
    expect(parsed?.from?.value).toEqual([{ name: 'Anna · Nordic Nest', address: 'help@shop.example' }]);
    expect(parsed?.to && 'value' in parsed.to ? parsed.to.value : null).toEqual([
      { name: 'Olga', address: 'olga@example.com' },
    ]);
    const replyTo = parsed?.replyTo?.value[0]?.address ?? '';
    expect(replyTo).toMatch(/^reply\+[0-9a-f]{32}\.[0-9a-z]+\.[0-9a-f]{16}@shop\.example$/);
    expect(replyTo.split('@')[0]?.length).toBeLessThanOrEqual(64);

    const text = parsed?.text ?? '';
    expect(text).toContain('Anna replied to your conversation with Nordic Nest:');
    expect(text).toContain('Where is my order <b>#42</b>?');
    expect(text).toContain('Hello Olga, let me check **#42**.');
    expect(text).toContain('It left our warehouse today.');
    const link = /https:\/\/chat\.example\/c\/\S+/.exec(text)?.[0] ?? '';
    expect(link).not.toBe('');
    const html = typeof parsed?.html === 'string' ? parsed.html : '';
    expect(html).toContain('Where is my order &lt;b&gt;#42&lt;/b&gt;?');
    expect(html).not.toContain('<b>#42</b>');
    expect(html).toContain(`href="${link}"`);

    const notes = await mailNotes(cid);
    expect(notes.map((m) => m.meta?.event)).toEqual([{ name: 'mail_sent', recipient: 'olga@example.com' }]);
    expect(notes[0]?.kind).toBe('note'); // visitors never see it
  });

  it('R4 a name or anything typed with CR/LF and "Bcc:" cannot add a header or a recipient', async () => {
    const { cid } = await offlineConversation({
      name: 'Eve\r\nBcc: victim@evil.example\r\nSubject: pwned',
      email: 'eve@example.com',
    });
    await agentSays(cid, 'Hi\r\nBcc: victim2@evil.example');
    now += LIMITS.mailReplyCoalesceMs;
    await h.mail.outbox.runDue();

    expect(sink.messages).toHaveLength(1);
    const [mail] = sink.messages;
    expect(mail?.to).toEqual(['eve@example.com']);
    expect(mail?.parsed.bcc).toBeUndefined();
    expect(mail?.parsed.headers.has('bcc')).toBe(false);
    expect(mail?.parsed.subject).toBe('New reply from Nordic Nest');
    const head = mail?.raw.split('\r\n\r\n')[0] ?? '';
    expect(head).toContain('Subject: New reply from Nordic Nest');
    expect(head).not.toMatch(/^Bcc:/im);
    expect(head).not.toMatch(/^Subject: pwned/im);
    const to = mail?.parsed.to && 'value' in mail.parsed.to ? mail.parsed.to.value : [];
    expect(to).toHaveLength(1);
    expect(to[0]?.address).toBe('eve@example.com');
    expect(to[0]?.name).not.toMatch(/[\r\n]/);
  });

  it('a refused send is retried after the backoff and then recorded as sent', async () => {
    const { cid } = await offlineConversation({ name: 'Piotr', email: 'piotr@example.com' });
    await agentSays(cid, 'Your refund is on its way.');
    now += LIMITS.mailReplyCoalesceMs;
    sink.refuseNext(1);
    expect(await h.mail.outbox.runDue()).toBe(1);
    expect(sink.messages).toHaveLength(0);

    const [first] = (await h.mail.outbox.list()).filter((m) => m.conversationId === cid);
    expect(first).toMatchObject({ status: 'pending', attempts: 1 });
    expect(first?.lastError).toMatch(/451/);
    expect(first?.nextAttemptAt).toBe(new Date(now + (LIMITS.mailRetryDelaysMs[0] ?? 0)).toISOString());

    now += (LIMITS.mailRetryDelaysMs[0] ?? 0) - 1;
    expect(await h.mail.outbox.runDue()).toBe(0);
    now += 1;
    expect(await h.mail.outbox.runDue()).toBe(1);
    expect(sink.messages).toHaveLength(1);
    const [sent] = (await h.mail.outbox.list()).filter((m) => m.conversationId === cid);
    expect(sent).toMatchObject({ status: 'sent', attempts: 2 });
    expect((await mailNotes(cid)).map((m) => m.meta?.event?.name)).toEqual(['mail_sent']);
  });

  it('no e-mail while the visitor is still connected', async () => {
    const v = await h.newVisitor();
    const { conversation } = await openConversation(h, v.socket);
    await call(v.socket, EVENTS.conversationHandoff, { conversationId: conversation.id });
    await call(agent.socket, EVENTS.conversationTake, { conversationId: conversation.id });
    const record = await h.storage.getConversation(conversation.id);
    await h.storage.updateVisitor(record?.visitorId ?? '', { email: 'here@example.com' });
    await agentSays(conversation.id, 'You are still here, so no mail.');
    const mine = (await h.mail.outbox.list()).filter((m) => m.conversationId === conversation.id);
    expect(mine).toEqual([]);
  });
});

describe('the signed link', () => {
  it('opens the page, trades the link for a session of that visitor; forged and expired links are refused', async () => {
    const {
      cid,
      visitorId,
      token: oldToken,
    } = await offlineConversation({
      name: 'Jan',
      email: 'jan@example.com',
    });
    await agentSays(cid, 'Here is your answer.');
    const [mail] = (await h.mail.outbox.list()).filter((m) => m.conversationId === cid);
    const link = /https:\/\/chat\.example(\/c\/\S+)/.exec(mail?.text ?? '')?.[1] ?? '';
    const token = link.slice('/c/'.length);

    const page = await fetch(h.url + link, { headers: { 'accept-language': 'pl-PL,pl;q=0.9' } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<html lang="pl">');
    expect(html).toContain('Otwieram Twoją rozmowę…');
    expect(html).toContain('src="/mail-link.js"');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");

    const res = await fetch(h.url + API.mailLinkExchange, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token }),
    });
    expect(res.status).toBe(200);
    const session = (await res.json()) as { siteKey: string; token: string; visitorId: string };
    expect(session).toMatchObject({ siteKey: h.site.key, visitorId, conversationId: cid });
    expect(session.token).not.toBe(oldToken);

    // The widget on the server's own origin, with that session, finds the conversation and the reply.
    const { io } = await import('socket.io-client');
    const socket = io(`${h.url}/visitor`, {
      auth: { siteKey: session.siteKey, token: session.token },
      extraHeaders: { origin: h.origin },
      transports: ['websocket'],
      forceNew: true,
    });
    try {
      const opened = await openConversation(h, socket);
      expect(opened.conversation.id).toBe(cid);
      expect(opened.messages.map((m) => m.body)).toContain('Here is your answer.');
      expect(opened.messages.some((m) => m.kind === 'note')).toBe(false);
    } finally {
      socket.disconnect();
    }

    const forged = `${token.slice(0, -4)}AAAA`;
    const forgedPage = await fetch(`${h.url}/c/${forged}`);
    expect(forgedPage.status).toBe(404);
    expect(await forgedPage.text()).toContain('This link is not valid.');
    const forgedExchange = await fetch(h.url + API.mailLinkExchange, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: forged }),
    });
    expect(forgedExchange.status).toBe(401);

    now += LIMITS.mailLinkTtlMs + 1;
    const expired = await fetch(h.url + link);
    expect(expired.status).toBe(410);
    expect(await expired.text()).toContain('This link has expired.');
    const expiredExchange = await fetch(h.url + API.mailLinkExchange, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token }),
    });
    expect(expiredExchange.status).toBe(401);
  });
});

describe('inbound replies', () => {
  const send = (to: string, messageId: string, text: string) =>
    createTransport({
      host: '127.0.0.1',
      port: h.mail.inboundPort ?? 0,
      secure: false,
      ignoreTLS: true,
    }).sendMail({
      from: 'Olga <olga@example.com>',
      to,
      subject: 'Re: New reply from Nordic Nest',
      messageId,
      text,
    });

  it('threads the new text of a reply into its conversation, once per Message-ID', async () => {
    const { cid } = await offlineConversation({ name: 'Olga', email: 'olga2@example.com' });
    await agentSays(cid, 'Does Tuesday suit you?');
    const [mail] = (await h.mail.outbox.list()).filter((m) => m.conversationId === cid);
    const address = mail?.replyTo ?? '';
    const body =
      'Yes, Tuesday is fine.\n\nOn Wed, 2 Dec 2026 at 12:00, Anna wrote:\n> Does Tuesday suit you?\n';

    await send(address, '<abc-1@example.com>', body);
    await send(address, '<abc-1@example.com>', body); // a redelivery

    const visitorLines = (await timeline(cid)).filter((m) => m.author === 'visitor').map((m) => m.body);
    expect(visitorLines.filter((b) => b === 'Yes, Tuesday is fine.')).toHaveLength(1);
    expect(visitorLines.join('\n')).not.toContain('Does Tuesday suit you?');
  });

  it('refuses a message over the size limit', async () => {
    const { cid } = await offlineConversation({ name: 'Big', email: 'big@example.com' });
    await agentSays(cid, 'Send me the photo.');
    const [mail] = (await h.mail.outbox.list()).filter((m) => m.conversationId === cid);
    const huge = 'x'.repeat(LIMITS.mailInboundMaxBytes + 1024);
    await expect(send(mail?.replyTo ?? '', '<big-1@example.com>', huge)).rejects.toMatchObject({
      responseCode: 552,
    });
    expect((await timeline(cid)).filter((m) => m.author === 'visitor' && m.body.startsWith('xxx'))).toEqual(
      [],
    );
  });

  it('refuses a forged or a stale reply address at RCPT TO', async () => {
    const { cid } = await offlineConversation({ name: 'Mallory', email: 'm@example.com' });
    const before = (await timeline(cid)).length;
    const forged = replyAddress(
      'not the server secret at all, 32+ chars',
      cid,
      now + 86_400_000,
      'shop.example',
    );
    await expect(send(forged, '<f-1@example.com>', 'let me in')).rejects.toMatchObject({ responseCode: 550 });

    await agentSays(cid, 'A real reply.');
    const [mail] = (await h.mail.outbox.list()).filter((m) => m.conversationId === cid);
    now += LIMITS.mailReplyAddressTtlMs + 86_400_000;
    await expect(send(mail?.replyTo ?? '', '<s-1@example.com>', 'too late')).rejects.toMatchObject({
      responseCode: 550,
    });
    const after = await timeline(cid);
    expect(after.filter((m) => m.author === 'visitor').map((m) => m.body)).not.toContain('too late');
    expect(after.length).toBeGreaterThan(before);
  });
});

describe('transcript and agents notice', () => {
  it('mails the whole conversation on request, without private notes', async () => {
    const v = await h.newVisitor();
    const { conversation } = await openConversation(h, v.socket);
    const cid = conversation.id;
    await call(v.socket, EVENTS.messageSend, {
      conversationId: cid,
      clientId: clientId(),
      body: 'Hello there',
    });
    await call(v.socket, EVENTS.conversationHandoff, { conversationId: cid });
    await call(agent.socket, EVENTS.conversationTake, { conversationId: cid });
    await call(agent.socket, EVENTS.messageSend, {
      conversationId: cid,
      clientId: clientId(),
      body: 'Private: VIP customer',
      kind: 'note',
    });
    await agentSays(cid, 'Glad to help!');

    await call(v.socket, EVENTS.mailTranscript, { conversationId: cid, email: 'me@example.com' });
    await h.mail.outbox.runDue();
    const mail = sink.messages.find((m) => m.to.includes('me@example.com'));
    expect(mail?.parsed.subject).toBe('Your conversation with Nordic Nest');
    const text = mail?.parsed.text ?? '';
    expect(text).toContain('Hello there');
    expect(text).toContain('Glad to help!');
    expect(text).not.toContain('VIP');

    const stranger = await h.newVisitor();
    await openConversation(h, stranger.socket);
    const refused = await callRaw(stranger.socket, EVENTS.mailTranscript, {
      conversationId: cid,
      email: 'x@example.com',
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'not_found' } });
    // A transcript now and then, not a mail cannon: the event's own budget.
    const asks = [];
    for (let i = 0; i < 4; i += 1)
      asks.push(await callRaw(v.socket, EVENTS.mailTranscript, { conversationId: cid }));
    expect(asks.at(-1)).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
  });

  it("e-mails the site's agents about an offline message only when nobody is online and the site wants it", async () => {
    const { cid } = await offlineConversation({ name: 'Kasia', email: 'kasia@example.com' });
    expect(await h.mail.conversationMail.notifyAgentsOfOfflineMessage(cid, 1)).toEqual([]);
    const queued = await h.mail.conversationMail.notifyAgentsOfOfflineMessage(cid, 0);
    expect(queued.length).toBeGreaterThan(0);
    expect(queued.every((m) => m.kind === 'agent_notice')).toBe(true);
    await h.mail.outbox.runDue();
    const notice = sink.messages.find((m) => m.parsed.subject === 'New offline message on Nordic Nest');
    expect(notice?.parsed.text).toContain('Kasia left a message on Nordic Nest');
    expect(notice?.parsed.text).toContain('https://chat.example/console/');

    await h.storage.updateSite(h.site.id, {
      settings: { ...h.site.settings, notifyAgentsOfOfflineMessages: false },
    });
    expect(await h.mail.conversationMail.notifyAgentsOfOfflineMessage(cid, 0)).toEqual([]);
    await h.storage.updateSite(h.site.id, { settings: h.site.settings });
  });
});
