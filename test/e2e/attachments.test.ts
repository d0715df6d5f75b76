/**
 * Issue 13, attachments both ways in Chromium, on a foreign host page with a strict CSP and storage
 * blocked (TESTPLAN D8), the visitor and the agent in two browser contexts: an image pasted and one
 * picked by the visitor show as thumbnails in the console (and open in its lightbox); an agent's PDF
 * downloads in the widget with its name; typing and "Seen" both ways, in English and Polish, with no
 * CSP violation (counted from `securitypolicyviolation`). Screenshots at desktop and phone go to test/artifacts/.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { jpegWithGps, pdf, png, startHarness } from '@frontdesk/server/testing';
import { API, EVENTS } from '@frontdesk/shared';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { newAgent as agentClient } from '../support/agent-client.ts';
import { formatViolations, isBlocking, runAxe } from '../support/axe.ts';
import { ARTIFACTS, describeInBrowser, launchBrowser } from '../support/browser.ts';
import { signInToConsole } from '../support/console-sign-in.ts';
import { storySteps } from '../support/story.ts';

type Harness = Awaited<ReturnType<typeof startHarness>>;

const NONCE = 'attach-nonce-5d1e';
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };
/** Issue 13's closing note: the screenshots kept with the docs. */
const DOCS_SHOTS = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));

describeInBrowser('attachments both ways', () => {
  // One conversation, taken over first; each step goes on from the one before (the lightbox opens the photo sent earlier).
  const step = storySteps();
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
  let annaAvatar = '';

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
      (window as unknown as { cspViolations: number }).cspViolations = 0;
      document.addEventListener('securitypolicyviolation', (event) => {
        (window as unknown as { cspViolations: number }).cspViolations += 1;
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
    await signInToConsole(agent, h.origin, { email, password });
    // Issue 13: Anna uploads an avatar in her profile (drawn in the console's page, a PNG like a photo).
    const picture = await agent.evaluate(async () => {
      const canvas = document.createElement('canvas');
      canvas.width = canvas.height = 96;
      const g = canvas.getContext('2d')!;
      const sky = g.createLinearGradient(0, 0, 96, 96);
      sky.addColorStop(0, '#f6c177');
      sky.addColorStop(1, '#d7827e');
      g.fillStyle = sky;
      g.fillRect(0, 0, 96, 96);
      g.fillStyle = '#3b2f2f';
      g.beginPath();
      g.arc(48, 40, 22, 0, Math.PI * 2);
      g.fill();
      g.fillStyle = '#f1d3b3';
      g.beginPath();
      g.arc(48, 44, 17, 0, Math.PI * 2);
      g.fill();
      g.fillStyle = '#286983';
      g.beginPath();
      g.ellipse(48, 100, 36, 32, 0, 0, Math.PI * 2);
      g.fill();
      const blob = await new Promise<Blob>((resolve) => canvas.toBlob((b) => resolve(b!), 'image/png'));
      return [...new Uint8Array(await blob.arrayBuffer())];
    });
    const uploaded = await agent.request.put(h.origin + API.meAvatar, {
      headers: { origin: h.origin, 'content-type': 'image/png' },
      data: Buffer.from(picture),
    });
    expect(uploaded.status()).toBe(200);
    annaAvatar = ((await uploaded.json()) as { agent: { avatarUrl: string } }).agent.avatarUrl;
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => host?.close(resolve));
    await h?.close();
  });

  const shot = (page: Page, name: string) => page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });
  const widgetLog = () => visitor.getByRole('log', { name: 'Messages' });

  step('the visitor asks for a person and the agent takes over', async () => {
    await visitor.goto(`${hostOrigin}/`);
    await visitor.getByRole('button', { name: 'Open chat' }).click();
    await expect.poll(() => widgetLog().textContent()).toContain('How can we help');
    await visitor.getByRole('button', { name: 'Talk to a person' }).click();
    await expect.poll(() => agent.locator('.lists__section--queued button[data-row]').count()).toBe(1);
    await agent.locator('.lists__section--queued button[data-row]').first().click();
    await agent.getByRole('button', { name: 'Take over' }).click();
    await expect.poll(() => widgetLog().textContent()).toContain('Anna joined the conversation');
  });

  step(
    'D8 strict CSP, storage blocked: typing and "Seen" both ways, in English and Polish, with no violation',
    async () => {
      const WIDE = { width: 1440, height: 900 };
      const docShot = (page: Page, name: string) =>
        page.screenshot({ path: join(DOCS_SHOTS, `${name}.png`) });
      const typingLine = () => visitor.locator('.typing');
      const box = () => visitor.getByRole('textbox', { name: /^(Message|Wiadomość)$/ });
      const reply = () => agent.getByLabel('Reply to the visitor');
      const pane = () => agent.getByRole('region', { name: /Visitor/ });
      const lastSeen = () => visitor.locator('.row.mine').last().locator('.seen');
      const violations = () =>
        visitor.evaluate(() => (window as unknown as { cspViolations: number }).cspViolations);
      await visitor.setViewportSize(WIDE);
      await agent.setViewportSize(WIDE);

      // The agent types: "Anna is typing…" in the widget. The visitor types: the console says so.
      await reply().pressSequentially('Let me check that order', { delay: 20 });
      await expect.poll(() => typingLine().textContent()).toBe('Anna is typing…');
      await docShot(visitor, 'strict-csp-typing-widget-en-desktop');
      await box().pressSequentially('Order 4711, please', { delay: 20 });
      await expect.poll(() => pane().textContent()).toContain('Visitor is typing…');
      await docShot(agent, 'strict-csp-typing-console-en-desktop');
      await reply().press('Enter');
      await expect.poll(() => widgetLog().textContent()).toContain('Let me check that order');
      await expect.poll(() => typingLine().textContent()).toBe('');

      // "Seen" both ways: under the visitor's message in the widget, "Seen by the visitor" in the console.
      await box().press('Enter');
      await expect.poll(() => lastSeen().textContent()).toBe('Seen');
      await expect.poll(() => pane().textContent()).toContain('Seen by the visitor');
      await docShot(visitor, 'strict-csp-seen-widget-en-desktop');
      await docShot(agent, 'strict-csp-seen-console-en-desktop');

      // The host page switches to Polish (the conversation follows on the server).
      await visitor.evaluate(() =>
        (window as unknown as { Frontdesk(...args: unknown[]): void }).Frontdesk('setLocale', 'pl'),
      );
      await reply().pressSequentially('Już sprawdzam', { delay: 20 });
      await expect.poll(() => typingLine().textContent()).toBe('Anna pisze…');
      await docShot(visitor, 'strict-csp-typing-widget-pl-desktop');
      await visitor.setViewportSize(PHONE);
      await docShot(visitor, 'strict-csp-typing-widget-pl-phone');
      await reply().press('Enter');
      await expect
        .poll(() => visitor.getByRole('log', { name: 'Wiadomości' }).textContent())
        .toContain('Już sprawdzam');
      await box().fill('Dziękuję!');
      await box().press('Enter');
      await expect.poll(() => lastSeen().textContent()).toBe('Wyświetlono');
      await docShot(visitor, 'strict-csp-seen-widget-pl-phone');
      await visitor.setViewportSize(WIDE);
      await docShot(visitor, 'strict-csp-seen-widget-pl-desktop');

      // Back to English for the rest of the walk; a phone view of it too.
      await visitor.evaluate(() =>
        (window as unknown as { Frontdesk(...args: unknown[]): void }).Frontdesk('setLocale', 'en'),
      );
      await expect.poll(() => lastSeen().textContent()).toBe('Seen');
      // The menu, from the keyboard: the sound switch first, Escape back to its button.
      const menuButton = visitor.getByRole('button', { name: 'Chat options' });
      await menuButton.focus();
      await visitor.keyboard.press('ArrowDown');
      const sound = visitor.getByRole('menuitemcheckbox', { name: 'Notification sound' });
      await expect
        .poll(() => sound.evaluate((item) => item === (item.getRootNode() as ShadowRoot).activeElement))
        .toBe(true);
      await docShot(visitor, 'menu-widget-en-desktop');
      await visitor.keyboard.press('Escape');
      await expect.poll(() => sound.count()).toBe(0);
      await visitor.setViewportSize(PHONE);
      await docShot(visitor, 'strict-csp-seen-widget-en-phone');
      await menuButton.click();
      await docShot(visitor, 'menu-widget-en-phone');
      await visitor.keyboard.press('Escape');
      await visitor.setViewportSize(DESKTOP);
      await agent.setViewportSize(DESKTOP);
      expect(await violations()).toBe(0);
      expect(problems).toEqual([]);
    },
  );

  step('an image pasted and a photo picked by the visitor show as thumbnails in the console', async () => {
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

  step("an agent's PDF downloads in the widget with its name", async () => {
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

  step('the widget lightbox opens an image and Escape closes it (the panel stays open)', async () => {
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

  step('phone: the widget and the console show the attachments', async () => {
    await visitor.setViewportSize(PHONE);
    await agent.setViewportSize(PHONE);
    await widgetLog().evaluate((log) => log.scrollTo(0, log.scrollHeight));
    await shot(visitor, 'attachments-widget-phone');
    await shot(agent, 'attachments-console-phone');
    expect(problems).toEqual([]);
  });

  step('L4 a file the site does not take is refused with the reason, and nothing is sent', async () => {
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
  step(
    "agents' avatars: Anna's picture and Bob's initials on their colour, in the header too, strict CSP, axe clean",
    async () => {
      const docShot = (page: Page, name: string) =>
        page.screenshot({ path: join(DOCS_SHOTS, `${name}.png`) });
      const violations = () =>
        visitor.evaluate(() => (window as unknown as { cspViolations: number }).cspViolations);
      await visitor.setViewportSize(DESKTOP);
      await agent.getByLabel('Reply to the visitor').fill('Here is your **return label**.');
      await agent.getByLabel('Reply to the visitor').press('Enter');
      await expect.poll(() => widgetLog().textContent()).toContain('Here is your return label');
      // Her picture, loaded from the chat server (not blocked by the page's CSP: it has a width).
      const annaFace = visitor.locator('.row.agent .who img.face').last();
      await expect.poll(() => annaFace.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBe(96);
      expect(await annaFace.getAttribute('src')).toBe(h.origin + annaAvatar);
      const header = visitor.locator('.header .subtitle img.face');
      await expect.poll(() => header.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBe(96);

      // Bob (an admin with a colour, no picture) takes the conversation over and replies.
      const { email, password } = await h.createAgent('Bob Nowak', 'admin');
      const bobAccount = await h.storage.getAgentByEmail(email);
      await h.storage.setAgentSites(bobAccount!.id, [h.site.id, (await h.storage.getSiteByKey(siteKey))!.id]);
      await h.storage.updateAgent(bobAccount!.id, { avatarColor: '#0f766e' });
      const bob = await agentClient(h.origin, { email, password });
      const [conversation] = await h.storage.listConversations({
        siteIds: [(await h.storage.getSiteByKey(siteKey))!.id],
        state: 'assigned',
        limit: 1,
      });
      await bob.request(EVENTS.conversationTransfer, {
        conversationId: conversation!.id,
        to: { type: 'agent', agentId: bobAccount!.id },
      });
      await bob.request(EVENTS.messageSend, {
        conversationId: conversation!.id,
        clientId: `bob-${Date.now().toString(36)}`,
        body: 'Bob from returns here: the label is valid for 14 days.',
      });
      const bobFace = visitor.locator('.row.agent .who .face--initials').last();
      await expect.poll(() => bobFace.getAttribute('data-initials')).toBe('BN');
      expect(await bobFace.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(15, 118, 110)');
      expect(await bobFace.evaluate((el) => getComputedStyle(el).color)).toBe('rgb(255, 255, 255)');
      await expect.poll(() => visitor.locator('.header .subtitle').textContent()).toContain('Bob Nowak');
      await expect.poll(() => visitor.locator('.header .subtitle .face--initials').count()).toBe(1);
      await widgetLog().evaluate((log) => log.scrollTo(0, log.scrollHeight));
      await docShot(visitor, 'avatars-widget-en-desktop');
      await visitor.setViewportSize(PHONE);
      await widgetLog().evaluate((log) => log.scrollTo(0, log.scrollHeight));
      await docShot(visitor, 'avatars-widget-en-phone');

      const blocking = (await runAxe(visitor)).filter(isBlocking);
      expect(formatViolations(blocking), 'widget with avatars: serious/critical axe violations').toBe('');

      await visitor.evaluate(() =>
        (window as unknown as { Frontdesk(...args: unknown[]): void }).Frontdesk('setLocale', 'pl'),
      );
      await expect.poll(() => visitor.getByRole('log', { name: 'Wiadomości' }).count()).toBe(1);
      await docShot(visitor, 'avatars-widget-pl-phone');
      await visitor.setViewportSize(DESKTOP);
      await docShot(visitor, 'avatars-widget-pl-desktop');
      await visitor.evaluate(() =>
        (window as unknown as { Frontdesk(...args: unknown[]): void }).Frontdesk('setLocale', 'en'),
      );
      bob.close();
      expect(await violations()).toBe(0);
      expect(problems).toEqual([]);
    },
  );
});
