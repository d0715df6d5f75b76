/**
 * Issue 13, attachments both ways in Chromium, on a foreign host page with a strict CSP and storage
 * blocked (TESTPLAN D8), the visitor and the agent in two browser contexts: an image pasted and one
 * picked by the visitor show as thumbnails in the console (and open in its lightbox); an agent's PDF
 * downloads in the widget with its name. Screenshots at desktop and phone go to test/artifacts/.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { jpegWithGps, pdf, png, startHarness } from '@frontdesk/server/testing';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ARTIFACTS, describeInBrowser, launchBrowser } from '../support/browser.ts';

type Harness = Awaited<ReturnType<typeof startHarness>>;

const NONCE = 'attach-nonce-5d1e';
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };

describeInBrowser('attachments both ways', () => {
  let h: Harness;
  let host: Server;
  let hostOrigin: string;
  let siteKey: string;
  let browser: Browser;
  let visitorContext: BrowserContext;
  let agentContext: BrowserContext;
  let visitor: Page;
  let agent: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    h = await startHarness();
    host = createServer((_req, res) => {
      res.setHeader(
        'content-security-policy',
        `script-src 'nonce-${NONCE}' 'strict-dynamic'; style-src 'self'; object-src 'none'; base-uri 'none'`,
      );
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>Strict shop</title></head><body><h1>Strict shop</h1>
<script nonce="${NONCE}" src="${h.origin}/widget.js" data-site="${siteKey}" data-locale="en" async></script></body></html>`);
    });
    await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
    hostOrigin = `http://localhost:${(host.address() as AddressInfo).port}`;
    const site = await h.storage.createSite({
      key: `files-${Date.now().toString(36)}`,
      name: 'Strict shop',
      allowedOrigins: [hostOrigin],
      settings: h.site.settings,
    });
    siteKey = site.key;

    browser = await launchBrowser();
    visitorContext = await browser.newContext({ viewport: DESKTOP, locale: 'en-US', acceptDownloads: true });
    agentContext = await browser.newContext({ viewport: DESKTOP, locale: 'en-US' });
    await visitorContext.addInitScript(() => {
      for (const name of ['localStorage', 'sessionStorage'] as const) {
        Object.defineProperty(window, name, {
          get() {
            throw new DOMException('The operation is insecure.', 'SecurityError');
          },
        });
      }
      document.addEventListener('securitypolicyviolation', (event) => {
        console.error(`Refused to ${event.violatedDirective} ${event.blockedURI}`);
      });
    });
    visitor = await visitorContext.newPage();
    agent = await agentContext.newPage();
    for (const page of [visitor, agent]) {
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      page.on('console', (msg) => {
        if (/Content Security Policy|Refused to/.test(msg.text())) problems.push(msg.text());
      });
    }
    // The agent works on this site.
    const { email, password } = await h.createAgent('Anna');
    const anna = await h.storage.getAgentByEmail(email);
    await h.storage.setAgentSites(anna!.id, [h.site.id, site.id]);
    await agent.goto(`${h.origin}/console/`);
    await agent.getByLabel('E-mail').fill(email);
    await agent.getByLabel('Password').fill(password);
    await agent.getByRole('button', { name: 'Sign in' }).click();
    await agent.getByRole('navigation', { name: 'Conversations' }).waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => host?.close(resolve));
    await h?.close();
  });

  const shot = (page: Page, name: string) => page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });
  const widgetLog = () => visitor.getByRole('log', { name: 'Messages' });

  it('the visitor asks for a person and the agent takes over', async () => {
    await visitor.goto(`${hostOrigin}/`);
    await visitor.getByRole('button', { name: 'Open chat' }).click();
    await expect.poll(() => widgetLog().textContent()).toContain('How can we help');
    await visitor.getByRole('button', { name: 'Talk to a person' }).click();
    await expect.poll(() => agent.locator('.lists__section--queued button[data-row]').count()).toBe(1);
    await agent.locator('.lists__section--queued button[data-row]').first().click();
    await agent.getByRole('button', { name: 'Take over' }).click();
    await expect.poll(() => widgetLog().textContent()).toContain('Anna joined the conversation');
  });

  it('an image pasted and a photo picked by the visitor show as thumbnails in the console', async () => {
    const pasted = Buffer.from(await png(640, 400)).toString('base64');
    await visitor.getByRole('textbox', { name: 'Message' }).evaluate((box, data) => {
      const bytes = Uint8Array.from(atob(data), (ch) => ch.charCodeAt(0));
      const transfer = new DataTransfer();
      transfer.items.add(new File([bytes], 'screenshot.png', { type: 'image/png' }));
      box.dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }),
      );
    }, pasted);
    await visitor.locator('input[type="file"]').setInputFiles({
      name: 'holiday.jpg',
      mimeType: 'image/jpeg',
      buffer: Buffer.from(await jpegWithGps(1200, 900)),
    });
    // Both thumbnails in the widget (fetched with the token as Blobs), then in the console.
    await expect.poll(() => visitor.locator('.thumb img').count()).toBe(2);
    const thumbs = agent.locator('.attachment__thumb img');
    await expect.poll(() => thumbs.count()).toBe(2);
    await expect
      .poll(() => thumbs.evaluateAll((imgs) => imgs.map((img) => (img as HTMLImageElement).naturalWidth)))
      .toEqual([320, 320]);
    await shot(agent, 'attachments-console-desktop');

    await agent.getByRole('button', { name: 'Open image holiday.jpg' }).click();
    const full = agent.locator('dialog.lightbox img');
    await expect.poll(() => full.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBe(1200);
    await shot(agent, 'attachments-console-lightbox-desktop');
    await agent.keyboard.press('Escape');
    await expect.poll(() => agent.locator('dialog.lightbox').count()).toBe(0);
  });

  it("an agent's PDF downloads in the widget with its name", async () => {
    await agent.locator('.composer input[type="file"]').setInputFiles({
      name: 'Returns guide.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from(pdf()),
    });
    const button = visitor.getByRole('button', { name: /^Download Returns guide\.pdf/ });
    await button.waitFor();
    await shot(visitor, 'attachments-widget-desktop');
    const [download] = await Promise.all([visitor.waitForEvent('download'), button.click()]);
    expect(download.suggestedFilename()).toBe('Returns guide.pdf');
    const saved = await download.path();
    expect(readFileSync(saved).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('the widget lightbox opens an image and Escape closes it (the panel stays open)', async () => {
    await visitor.getByRole('button', { name: 'Open image holiday.jpg' }).click();
    const dialog = visitor.getByRole('dialog', { name: 'Image holiday.jpg' });
    await dialog.waitFor();
    await expect
      .poll(() => dialog.locator('img').evaluate((img) => (img as HTMLImageElement).naturalWidth))
      .toBe(1200);
    await shot(visitor, 'attachments-widget-lightbox-desktop');
    await visitor.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    await widgetLog().waitFor();
  });

  it('phone: the widget and the console show the attachments', async () => {
    await visitor.setViewportSize(PHONE);
    await agent.setViewportSize(PHONE);
    await widgetLog().evaluate((log) => log.scrollTo(0, log.scrollHeight));
    await shot(visitor, 'attachments-widget-phone');
    await shot(agent, 'attachments-console-phone');
    expect(problems).toEqual([]);
  });

  it('L4 a file the site does not take is refused with the reason, and nothing is sent', async () => {
    await visitor.setViewportSize(DESKTOP);
    await visitor.locator('input[type="file"]').setInputFiles({
      name: 'cat.png',
      mimeType: 'image/png',
      buffer: Buffer.from('<!doctype html><script>alert(1)</script>'),
    });
    const alert = visitor.getByRole('alert').filter({ hasText: 'cat.png was not sent' });
    await alert.waitFor();
    expect(await alert.textContent()).toContain('this type of file is not accepted');
    await shot(visitor, 'attachments-widget-refused-desktop');
    expect(problems).toEqual([]);
  });
});
