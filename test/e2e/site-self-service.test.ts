/**
 * A site owner sets Frontdesk up alone, in Chromium: an admin signs in, adds a site that allows a
 * page served by this test on another port, picks the widget's colour, copies the embed code onto
 * that page; a visitor there sees the launcher in the site's colour from the first paint (one
 * request), asks for a person, and chats with the agent. A page whose origin is not allowed says
 * "chat unavailable" and tells the site owner why in the browser console. Screenshots go to
 * test/artifacts/ (desktop and phone width, English and Polish).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { startHarness } from '@frontdesk/server/testing';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { ARTIFACTS, describeInBrowser, launchBrowser } from '../support/browser.ts';
import { signInToConsole } from '../support/console-sign-in.ts';
import { storySteps } from '../support/story.ts';

type Harness = Awaited<ReturnType<typeof startHarness>>;

const SITE_NAME = 'Acme Garden';
const BRAND = '#0f766e';
const BRAND_RGB = 'rgb(15, 118, 110)';

/** A foreign host page: whatever embed code the test gives it, on its own origin. */
function hostPage() {
  let embed = '';
  const server: Server = createServer((_req, res) => {
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.end(
      `<!doctype html><html lang="en"><head><title>Acme Garden shop</title></head><body><h1>Acme Garden</h1><p>Seeds and tools.</p>${embed}</body></html>`,
    );
  });
  return {
    server,
    setEmbed(code: string) {
      embed = code;
    },
    listen: () =>
      new Promise<string>((resolve) =>
        server.listen(0, '127.0.0.1', () =>
          resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`),
        ),
      ),
  };
}

describeInBrowser('site self-service in the browser', () => {
  // The new site's story: the embed code copied in step two is what the shop's page (and the stranger's) load.
  const step = storySteps();
  let h: Harness;
  let browser: Browser;
  let adminContext: BrowserContext;
  let admin: Page;
  const host = hostPage();
  const stranger = hostPage();
  let hostOrigin = '';
  let strangerOrigin = '';
  let siteCode = '';
  const pageErrors: string[] = [];

  const watch = (page: Page) => {
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (msg) => {
      if (msg.type() === 'error' && /Content Security Policy|Refused to/.test(msg.text()))
        pageErrors.push(msg.text());
    });
  };
  const shot = (page: Page, name: string) => page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });

  beforeAll(async () => {
    h = await startHarness();
    hostOrigin = await host.listen();
    strangerOrigin = await stranger.listen();
    browser = await launchBrowser();
    adminContext = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
    admin = await adminContext.newPage();
    watch(admin);
  });

  afterAll(async () => {
    await browser?.close();
    await h?.close();
    host.server.close();
    stranger.server.close();
  });

  step('an admin adds a site that allows the shop’s origin', async () => {
    const { email, password } = await h.createAgent('Olga', 'admin');
    await signInToConsole(admin, h.origin, { email, password }, { waitForList: false });
    await admin.getByRole('link', { name: 'Sites' }).click();
    const create = admin.getByRole('region', { name: 'Add a site' });
    await create.getByLabel('Name').fill(SITE_NAME);
    await create.getByLabel('Allowed origins').fill(`${hostOrigin}/`);
    await create.getByRole('button', { name: 'Add site' }).click();
    await expect.poll(() => create.getByRole('status').textContent()).toContain(SITE_NAME);
    const row = admin.getByRole('row').filter({ hasText: SITE_NAME });
    siteCode = ((await row.locator('code').textContent()) ?? '').trim();
    expect(siteCode).toMatch(/^[A-Za-z0-9_-]{4,64}$/);
    // Stored canonical (no trailing slash), exactly that origin.
    const site = await h.storage.getSiteByKey(siteCode);
    expect(site?.allowedOrigins).toEqual([hostOrigin]);
    await shot(admin, 'console-sites');
  });

  step(
    'the admin picks the colour on the appearance page, with the real widget as the preview, and copies the embed code',
    async () => {
      await admin.getByRole('button', { name: `Appearance of ${SITE_NAME}` }).click();
      const hex = admin.getByLabel('Colour code');
      await hex.fill('#7a7a7a');
      await expect.poll(() => admin.getByText(/too little contrast/).count()).toBeGreaterThan(0);
      await hex.fill(BRAND);
      await admin.getByRole('button', { name: 'Save', exact: true }).click();
      await expect
        .poll(async () => (await h.storage.getSiteByKey(siteCode))?.settings.appearance.color)
        .toBe(BRAND);
      // The preview frame is the built widget app, drawn in the chosen colour.
      const preview = admin.frameLocator('iframe').first();
      await expect.poll(() => preview.getByRole('textbox').count()).toBeGreaterThan(0);
      await shot(admin, 'console-appearance');
      const code = await admin.getByLabel('Plain tag with this site’s loader').inputValue();
      expect(code).toContain(`/w/${siteCode}.js`);
      host.setEmbed(code);
      stranger.setEmbed(code);
    },
  );

  step(
    'on the shop’s page the launcher is in the site’s colour from the first paint, with one request',
    async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
      const visitor = await context.newPage();
      watch(visitor);
      const scripts: string[] = [];
      visitor.on('request', (request) => {
        if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
      });
      await visitor.goto(`${hostOrigin}/`);
      const launcher = visitor.getByRole('button', { name: 'Open chat' });
      await launcher.waitFor();
      // The first look, before the chat app was ever fetched.
      expect(await launcher.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe(BRAND_RGB);
      expect(scripts).toEqual([`/w/${siteCode}.js`]);
      await shot(visitor, 'foreign-page-launcher');

      await launcher.click();
      const log = visitor.getByRole('log', { name: 'Messages' });
      await log.waitFor();
      await visitor.getByRole('button', { name: 'Talk to a person' }).click();
      await expect
        .poll(() => visitor.getByRole('status').first().textContent())
        .toMatch(/Connecting you with a person/);

      // The admin is an agent of the site they created: the visitor waits in their queue.
      await admin.getByRole('link', { name: 'Conversations' }).click();
      await expect.poll(() => admin.locator('.lists__section--queued button[data-row]').count()).toBe(1);
      await admin.locator('.lists__section--queued button[data-row]').first().click();
      await admin.getByRole('button', { name: 'Take over' }).click();
      const reply = admin.getByLabel('Reply to the visitor');
      await reply.fill('Hello from Acme Garden!');
      await reply.press('Enter');
      await expect.poll(() => log.textContent()).toContain('Hello from Acme Garden!');
      const box = visitor.getByRole('textbox', { name: 'Message' });
      await box.fill('Do you sell tulip bulbs?');
      await box.press('Enter');
      await expect
        .poll(() => admin.getByRole('log').first().textContent())
        .toContain('Do you sell tulip bulbs?');
      await shot(visitor, 'foreign-page-chat');
      await context.close();
    },
  );

  step(
    'A6 a page whose origin is not allowed says "chat unavailable" and tells the owner where to allow it',
    async () => {
      const context = await browser.newContext({ viewport: { width: 390, height: 760 }, locale: 'pl-PL' });
      const visitor = await context.newPage();
      watch(visitor);
      const consoleErrors: string[] = [];
      visitor.on('console', (msg) => {
        if (msg.type() === 'error') consoleErrors.push(msg.text());
      });
      await visitor.goto(`${strangerOrigin}/`);
      await visitor.getByRole('button', { name: 'Otwórz czat' }).click();
      await expect.poll(() => consoleErrors.filter((text) => text.includes(strangerOrigin)).length).toBe(1);
      expect(consoleErrors.find((text) => text.includes(strangerOrigin))).toContain('site:origins');
      const composer = visitor.getByRole('textbox');
      await expect.poll(() => composer.isDisabled()).toBe(true);
      await shot(visitor, 'foreign-page-unavailable-pl-phone');
      await context.close();
    },
  );

  step('the admin adds an agent, whose generated password is shown once', async () => {
    await admin.getByRole('link', { name: 'Agents' }).click();
    await admin.getByLabel('Name').first().fill('Piotr');
    await admin.getByLabel('E-mail').first().fill('piotr@acme.example');
    await admin.getByRole('checkbox', { name: SITE_NAME }).check();
    await admin.getByRole('button', { name: /Add agent/ }).click();
    await expect.poll(() => admin.getByText(/will not be shown again/i).count()).toBeGreaterThan(0);
    await shot(admin, 'console-agents');
    const piotr = await h.storage.getAgentByEmail('piotr@acme.example');
    expect(piotr?.mustChangePassword).toBe(true);
    expect(pageErrors).toEqual([]);
  });
});
