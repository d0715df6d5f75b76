/**
 * Issue 10 (mail × offline): a visitor leaves a message while nobody is online; the site's agents get
 * an e-mail (through the real SMTP server started here) with the message and a link to the console.
 */
import { EVENTS } from '@frontdesk/shared';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { call, clientId, type Harness, openConversation, startHarness } from '../testing/harness.ts';
import { type SmtpSink, startSmtpSink } from '../testing/smtp-sink.ts';

let sink: SmtpSink;
let h: Harness & { dataDir: string };

beforeAll(async () => {
  sink = await startSmtpSink();
  h = await startHarness({ mailIntervalMs: 3_600_000, env: { SMTP_URL: sink.url } });
});

afterAll(async () => {
  await h.close();
  await sink.close();
});

describe('agents hear of offline messages by e-mail', () => {
  it('a message left while nobody is online is mailed to the agents of the site', async () => {
    const bob = await h.createAgent('Bob');
    const visitor = await h.newVisitor();
    const { conversation } = await openConversation(h, visitor.socket);
    await call(visitor.socket, EVENTS.offlineMessage, {
      conversationId: conversation.id,
      clientId: clientId(),
      name: 'Ada <b>Lovelace</b>',
      email: 'ada@example.com',
      body: 'My parcel has not arrived.',
      reason: 'nobody_online',
      answers: {},
    });
    // The hook runs after the visitor's ack; the notice is queued, then sent by the outbox.
    await vi.waitFor(async () =>
      expect((await h.mail.outbox.list()).some((m) => m.kind === 'agent_notice')).toBe(true),
    );
    await h.mail.outbox.runDue();
    const notice = sink.messages.find((m) => m.to.includes(bob.email));
    expect(notice?.parsed.subject).toBe('New offline message on Nordic Nest');
    expect(notice?.parsed.text).toContain('Ada <b>Lovelace</b> left a message on Nordic Nest');
    expect(notice?.parsed.text).toContain('My parcel has not arrived.');
    const html = typeof notice?.parsed.html === 'string' ? notice.parsed.html : '';
    expect(html).toContain('Ada &lt;b&gt;Lovelace&lt;/b&gt;');
    // Not a line in the visitor's conversation.
    const notes = (await h.storage.listMessages(conversation.id, 0, 100)).filter((m) => m.kind === 'note');
    expect(notes).toEqual([]);
  });
});
