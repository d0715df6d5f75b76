/**
 * TESTPLAN D4: network blips every few seconds while both sides talk. The widget runs in Chromium on
 * a host page and reaches the server only through a proxy that cuts every connection (HTTP and
 * WebSocket) every 1.5 s; the agent keeps writing meanwhile. Pass: once the network settles, the
 * visitor has every agent message and their own, each once, in order — as in D3.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startHarness } from '@frontdesk/server/testing';
import { EVENTS } from '@frontdesk/shared';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeInBrowser, launchBrowser } from '../support/browser.ts';
import { type FlakyProxy, flakyProxy } from '../support/flaky-proxy.ts';

type Harness = Awaited<ReturnType<typeof startHarness>>;

const AGENT_MESSAGES = 20;
const VISITOR_MESSAGES = 5;
const BLIP_EVERY_MS = 1500;
/** The agent's acks go straight to the server (no proxy): this only catches a hang, on a busy machine. */
const ACK_GUARD_MS = 30_000;

describeInBrowser('D4 network blips', () => {
  let h: Harness;
  let proxy: FlakyProxy;
  let host: Server;
  let hostOrigin: string;
  let browser: Browser;
  let page: Page;
  let siteKey: string;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    h = await startHarness();
    proxy = await flakyProxy(h.port);
    host = createServer((_req, res) => {
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Flaky shop</title></head>
<body><h1>Flaky shop</h1><script src="${proxy.origin}/widget.js" data-site="${siteKey}" data-locale="en" async></script></body></html>`);
    });
    await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
    hostOrigin = `http://localhost:${(host.address() as AddressInfo).port}`;
    // The demo site (whose agents the harness makes) allows the host page too.
    await h.storage.updateSite(h.site.id, { allowedOrigins: [hostOrigin] });
    siteKey = h.site.key;
    browser = await launchBrowser();
    page = await (await browser.newContext({ locale: 'en-US' })).newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
  });

  afterAll(async () => {
    await browser?.close();
    await proxy?.close();
    await new Promise((resolve) => host?.close(resolve));
    await h?.close();
  });

  const log = () => page.getByRole('log', { name: 'Messages' });

  it('D4 blips every 1.5 s while the agent sends 20 messages and the visitor 5: all of them, once, in order', async () => {
    await page.goto(`${hostOrigin}/`);
    await page.getByRole('button', { name: 'Open chat' }).click();
    await expect.poll(() => log().textContent()).toContain('How can we help');
    // An agent is online before the visitor asks (with nobody online the widget offers the
    // leave-a-message form instead of the queue, issue 10).
    const agent = await h.newAgent('Steady');
    await new Promise<void>((resolve) => agent.socket.once('connect', () => resolve()));
    await page.getByRole('button', { name: 'Talk to a person' }).click();
    let conversationId: string | undefined;
    // The project's poll guard: on a busy machine the hand-off can take a while (this is not a speed test).
    await expect
      .poll(async () => {
        const queued = await h.storage.listConversations({
          siteIds: [h.site.id],
          state: 'queued',
          limit: 1,
        });
        conversationId = queued[0]?.id;
        return conversationId;
      })
      .toBeDefined();
    const ack = (event: typeof EVENTS.conversationTake | typeof EVENTS.messageSend, payload: unknown) =>
      (agent.socket.timeout(ACK_GUARD_MS).emitWithAck as (e: string, p: unknown) => Promise<unknown>)(
        event,
        payload,
      );
    expect(await ack(EVENTS.conversationTake, { conversationId })).toMatchObject({ ok: true });

    const blips = setInterval(() => proxy.blip(), BLIP_EVERY_MS);
    try {
      const box = page.getByRole('textbox', { name: 'Message' });
      for (let i = 1; i <= AGENT_MESSAGES; i++) {
        const reply = await ack(EVENTS.messageSend, {
          conversationId,
          clientId: `d4-agent-${i}-${Date.now().toString(36)}`,
          body: `agent says ${i}`,
        });
        expect(reply).toMatchObject({ ok: true });
        if (i % 4 === 0) {
          await box.fill(`visitor says ${i / 4}`);
          await box.press('Enter');
        }
        await page.waitForTimeout(400);
      }
    } finally {
      clearInterval(blips);
    }
    expect(proxy.cuts, 'the widget was cut off again and again').toBeGreaterThanOrEqual(5);

    const expected = [
      ...Array.from({ length: AGENT_MESSAGES }, (_, i) => `agent says ${i + 1}`),
      ...Array.from({ length: VISITOR_MESSAGES }, (_, i) => `visitor says ${i + 1}`),
    ];
    // Everything reaches the server: each of the visitor's messages once (the widget retries after
    // every cut with the same clientId), the agent's all along.
    const storedBodies = async () =>
      (await h.storage.listMessages(conversationId!, 0, 500)).filter((m) => expected.includes(m.body));
    // The window covers the clients' longest retry delay (30 s + 25 % jitter, `backoffDelay`): a
    // widget cut off again and again may wait that long before its next attempt.
    await expect
      .poll(async () => (await storedBodies()).map((m) => m.body).sort(), { timeout: 60_000 })
      .toEqual([...expected].sort());
    // And the visitor's view follows the server's seq: every message once, in order. (A message
    // still in the outbox shows its text too, so the order is compared once all are delivered.)
    const order = (await storedBodies()).map((m) => m.body);
    const shown = async () =>
      // biome-ignore lint/performance/useDomNodeTextContent: innerText keeps one line per message; textContent would join them
      (await log().innerText())
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => expected.includes(line));
    await expect.poll(shown, { timeout: 30_000 }).toEqual(order);
    const stored = await storedBodies();
    expect(stored.filter((m) => m.body.startsWith('visitor says'))).toHaveLength(VISITOR_MESSAGES);
    expect(pageErrors).toEqual([]);
  }, 150_000);
});
