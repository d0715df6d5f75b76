/**
 * TESTPLAN D8: the widget on a foreign host page with a strict CSP (`script-src 'nonce-…'
 * 'strict-dynamic'; style-src 'self'`), storage blocked and third-party cookies off. Pass: it works
 * with no CSP violation, as a session-only visitor (nothing remembered after a reload).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { startHarness } from '@frontdesk/server/testing';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { ARTIFACTS, describeInBrowser, launchBrowser } from '../support/browser.ts';
import { storySteps } from '../support/story.ts';

type Harness = Awaited<ReturnType<typeof startHarness>>;

const NONCE = 'd8-nonce-8f2c1a';

/** A host page on its own origin, as a customer's shop would serve it. */
function hostPage(serverOrigin: string, siteKey: string) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Strict shop</title></head>
<body><h1>Strict shop</h1><p>A page with a strict Content Security Policy.</p>
<script nonce="${NONCE}" src="${serverOrigin}/widget.js" data-site="${siteKey}" data-locale="en" async></script>
</body></html>`;
}

describeInBrowser('D8 strict host page', () => {
  // The reload in the second step is of the page whose conversation the first step started.
  const step = storySteps();
  let h: Harness;
  let host: Server;
  let hostOrigin: string;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const problems: string[] = [];
  let siteKey: string;

  beforeAll(async () => {
    h = await startHarness();
    host = createServer((_req, res) => {
      res.setHeader(
        'content-security-policy',
        `script-src 'nonce-${NONCE}' 'strict-dynamic'; style-src 'self'; object-src 'none'; base-uri 'none'`,
      );
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end(hostPage(h.origin, siteKey));
    });
    await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
    // `localhost` vs the chat server's `127.0.0.1`: another origin, so the widget runs third-party.
    hostOrigin = `http://localhost:${(host.address() as AddressInfo).port}`;
    const site = await h.storage.createSite({
      key: `strict-${Date.now().toString(36)}`,
      name: 'Strict shop',
      allowedOrigins: [hostOrigin],
      settings: h.site.settings,
    });
    siteKey = site.key;
    for (const faq of await h.storage.listFaqs(h.site.id)) await h.storage.upsertFaq(site.id, faq);
    h.bot.invalidate(site.id);

    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
    // Storage blocked, as with "block all cookies and site data": every access throws.
    await context.addInitScript(() => {
      for (const name of ['localStorage', 'sessionStorage'] as const) {
        Object.defineProperty(window, name, {
          get() {
            throw new DOMException('The operation is insecure.', 'SecurityError');
          },
        });
      }
    });
    page = await context.newPage();
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (msg) => {
      if (/Content Security Policy|Refused to/.test(msg.text())) problems.push(msg.text());
    });
    await page.exposeFunction('reportViolation', (text: string) => problems.push(`violation: ${text}`));
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        (window as unknown as { reportViolation(t: string): void }).reportViolation(
          `${event.violatedDirective} ${event.blockedURI}`,
        );
      });
    });
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => host?.close(resolve));
    await h?.close();
  });

  const log = () => page.getByRole('log', { name: 'Messages' });

  step('D8 works under a strict CSP with storage blocked, with no CSP violation', async () => {
    await page.goto(`${hostOrigin}/`);
    await page.getByRole('button', { name: 'Open chat' }).click();
    await expect.poll(() => log().textContent()).toContain('How can we help');
    const box = page.getByRole('textbox', { name: 'Message' });
    await box.fill('How much does delivery cost?');
    await box.press('Enter');
    await expect.poll(() => log().textContent()).toContain('12.99');
    await page.screenshot({ path: join(ARTIFACTS, 'strict-host-page.png') });
    expect(problems).toEqual([]);
  });

  step(
    'D8 falls back to a session-only visitor: after a reload the conversation is not remembered',
    async () => {
      await page.reload();
      await page.getByRole('button', { name: 'Open chat' }).click();
      await expect.poll(() => log().textContent()).toContain('How can we help');
      expect(await log().textContent()).not.toContain('12.99');
      const visitors = await h.storage.listConversations({
        siteIds: [(await h.storage.getSiteByKey(siteKey))!.id],
        limit: 10,
      });
      expect(visitors).toHaveLength(1);
      expect(problems).toEqual([]);
    },
  );
});
