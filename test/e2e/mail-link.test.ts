/**
 * E-mail as a channel in Chromium (issue 10, mail): a visitor left; the agent's reply goes to the test
 * SMTP server with a signed link; the link opens the conversation in the widget with the reply, on
 * the server's own origin. A forged link shows a clear error page and no widget.
 */
import { join } from 'node:path';
import {
  type AgentSocket,
  call,
  clientId,
  connected,
  openConversation,
  type SmtpSink,
  startHarness,
  startSmtpSink,
} from '@frontdesk/server/testing';
import { EVENTS, LIMITS } from '@frontdesk/shared';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { ARTIFACTS, describeInBrowser, launchBrowser } from '../support/browser.ts';

type Harness = Awaited<ReturnType<typeof startHarness>>;

describeInBrowser('e-mail link back to the conversation', () => {
  let now = Date.parse('2026-12-02T12:00:00Z');
  let h: Harness;
  let sink: SmtpSink;
  let browser: Browser;
  let page: Page;
  let agent: AgentSocket;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    sink = await startSmtpSink();
    h = await startHarness({ mailClock: () => now, mailIntervalMs: 3_600_000, env: { SMTP_URL: sink.url } });
    const anna = await h.newAgent('Anna');
    agent = anna.socket;
    await connected(agent);
    browser = await launchBrowser();
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
    page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (msg) => {
      if (msg.type() === 'error' && /Content Security Policy|Refused to/.test(msg.text()))
        pageErrors.push(msg.text());
    });
  });

  afterAll(async () => {
    await browser?.close();
    await h?.close();
    await sink?.close();
  });

  it('the reply arrives by e-mail and its link opens the conversation in the widget', async () => {
    const visitor = await h.newVisitor();
    const { conversation } = await openConversation(h, visitor.socket);
    const cid = conversation.id;
    await call(visitor.socket, EVENTS.messageSend, {
      conversationId: cid,
      clientId: clientId(),
      body: 'Is the oak table in stock?',
    });
    await call(visitor.socket, EVENTS.conversationHandoff, { conversationId: cid });
    await call(agent, EVENTS.conversationTake, { conversationId: cid });
    const visitorId = (await h.storage.getConversation(cid))?.visitorId ?? '';
    await h.storage.updateVisitor(visitorId, { name: 'Olga', email: 'olga@example.com' });
    visitor.socket.disconnect();
    await vi.waitFor(async () => expect(await h.mail.conversationMail.visitorOnline(visitorId)).toBe(false));

    await call(agent, EVENTS.messageSend, {
      conversationId: cid,
      clientId: clientId(),
      body: 'Yes, 3 left in stock!',
    });
    await h.mail.conversationMail.settled();
    now += LIMITS.mailReplyCoalesceMs;
    await h.mail.outbox.runDue();
    expect(sink.messages.map((m) => m.to)).toEqual([['olga@example.com']]);
    const path = /\/c\/[A-Za-z0-9_.-]+/.exec(sink.messages[0]?.parsed.text ?? '')?.[0] ?? '';
    expect(path).not.toBe('');

    await page.goto(h.origin + path);
    const log = page.getByRole('log', { name: 'Messages' });
    await expect.poll(() => log.textContent()).toContain('Yes, 3 left in stock!');
    expect(await log.textContent()).toContain('Is the oak table in stock?');
    await page.screenshot({ path: join(ARTIFACTS, 'mail-link-widget.png') });
    expect(pageErrors).toEqual([]);
  });

  it('a forged link shows a clear error and no widget', async () => {
    await page.goto(
      `${h.origin}/c/00000000-0000-0000-0000-000000000000.00000000-0000-0000-0000-000000000000.zzzz.AAAA`,
    );
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('This link is not valid.');
    expect(await page.getByRole('button', { name: 'Open chat' }).count()).toBe(0);
  });
});
