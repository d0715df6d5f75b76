/**
 * Without SMTP_URL nothing is lost: mail is kept as `unconfigured`, the conversation says why, admins
 * see it through the outbox API (agents may not), and a restart with SMTP_URL sends it.
 */
import { API, EVENTS, LIMITS } from '@frontdesk/shared';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  call,
  clientId,
  connected,
  type Harness,
  openConversation,
  startHarness,
} from '../testing/harness.ts';
import { type SmtpSink, startSmtpSink } from '../testing/smtp-sink.ts';
import { SMTP_NOT_CONFIGURED } from './outbox.ts';

let now = Date.parse('2026-12-02T12:00:00Z');
const clock = () => now;
let sink: SmtpSink;
let h: Harness & { dataDir: string };

beforeAll(async () => {
  sink = await startSmtpSink();
  h = await startHarness({ mailClock: clock, mailIntervalMs: 3_600_000 });
});

afterAll(async () => {
  await h.close();
  await sink.close();
});

async function login(email: string, password: string): Promise<string> {
  const res = await fetch(h.url + API.login, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: h.origin },
    body: JSON.stringify({ email, password }),
  });
  expect(res.status).toBe(200);
  return (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

type OutboxReply = {
  configured: boolean;
  mail: {
    id: string;
    recipient: string;
    subject: string;
    text: string;
    status: string;
    conversationId: string;
  }[];
};

describe('without SMTP_URL', () => {
  it('keeps mail as unconfigured, shows it to admins, and sends it after a restart with SMTP_URL', async () => {
    const anna = await h.newAgent('Anna');
    await connected(anna.socket);
    const v = await h.newVisitor();
    const { conversation } = await openConversation(h, v.socket);
    const cid = conversation.id;
    await call(v.socket, EVENTS.conversationHandoff, { conversationId: cid });
    await call(anna.socket, EVENTS.conversationTake, { conversationId: cid });
    const visitorId = (await h.storage.getConversation(cid))?.visitorId ?? '';
    await h.storage.updateVisitor(visitorId, { name: 'Ola', email: 'ola@example.com' });
    v.socket.disconnect();
    await vi.waitFor(async () => expect(await h.mail.conversationMail.visitorOnline(visitorId)).toBe(false));
    await call(anna.socket, EVENTS.messageSend, {
      conversationId: cid,
      clientId: clientId(),
      body: 'Noted!',
    });
    await h.mail.conversationMail.settled();
    expect(h.mail.configured).toBe(false);

    // The conversation says why (a note for agents).
    const notes = (await h.storage.listMessages(cid, 0, 100)).filter(
      (m) => m.author === 'system' && m.kind === 'note',
    );
    expect(notes.map((m) => m.meta?.event)).toEqual([
      { name: 'mail_failed', recipient: 'ola@example.com', error: SMTP_NOT_CONFIGURED },
    ]);

    const admin = await h.createAgent('Boss', 'admin');
    const adminCookie = await login(admin.email, admin.password);
    const res = await fetch(h.url + API.mailOutbox, { headers: { origin: h.origin, cookie: adminCookie } });
    expect(res.status).toBe(200);
    const outbox = (await res.json()) as OutboxReply;
    expect(outbox.configured).toBe(false);
    const mail = outbox.mail.find((m) => m.conversationId === cid);
    expect(mail).toMatchObject({ recipient: 'ola@example.com', status: 'unconfigured' });
    expect(mail?.text).toContain('Noted!');

    const resend = await fetch(h.url + API.mailResend(mail?.id ?? ''), {
      method: 'POST',
      headers: { origin: h.origin, cookie: adminCookie },
    });
    expect(resend.status).toBe(503);

    const agentOnly = await fetch(h.url + API.mailOutbox, {
      headers: { origin: h.origin, cookie: anna.cookie },
    });
    expect(agentOnly.status).toBe(403);

    // Restart on the same data with SMTP configured: the kept mail goes out at start.
    const { dataDir } = h;
    await h.close();
    now += LIMITS.mailReplyCoalesceMs;
    h = await startHarness({
      dataDir,
      mailClock: clock,
      mailIntervalMs: 3_600_000,
      env: { SMTP_URL: sink.url },
    });
    expect(h.mail.configured).toBe(true);
    await h.mail.outbox.runDue(); // the run started at start, awaited
    expect(sink.messages.map((m) => m.to)).toEqual([['ola@example.com']]);
    expect((await h.storage.getMail(mail?.id ?? ''))?.status).toBe('sent');
  });
});
