/**
 * Issue 17, the host page's `load` event, in Chromium against the real server. Asserted on the
 * order of Navigation and Resource Timing entries, never on milliseconds:
 * - the demo shop inserts the loader after `load` (the README's "after load" embed), so no widget
 *   request starts before the load event, and the launcher still shows;
 * - the README's after-load snippet on a foreign page: the same, and the commands the page queued
 *   before the loader ran are replayed;
 * - the plain `async` tag: the loader's own request is the only widget request that can delay
 *   `load`; the loader fetches nothing else for it (no chunk, no font, no stylesheet, no socket);
 * - the console's Appearance page: an admin copies the recommended (after-load) embed with its Copy
 *   button; pasted into a page whose `load` waits for a slow image, it starts nothing of the widget
 *   before `load`, replays the page's early commands, and the visitor chats. Screenshots of the
 *   embed code at desktop and phone width, English and Polish, go to test/artifacts/.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { startHarness } from '@frontdesk/server/testing';
import { API, afterLoadEmbed, type Locale, PATHS, plainEmbed } from '@frontdesk/shared';
import { CONSOLE_CATALOGS } from '@frontdesk/shared/i18n';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { runAxe } from '../support/axe.ts';
import { ARTIFACTS, describeInBrowser, launchBrowser } from '../support/browser.ts';

type Harness = Awaited<ReturnType<typeof startHarness>>;
type Timing = { loadEventStart: number; widget: { path: string; start: number }[] };

/** Page code that calls the widget before the loader has run (the stub queues it). */
const EARLY_COMMANDS = `<script>
window.seen = [];
Frontdesk('on', 'ready', () => seen.push('ready'));
Frontdesk('prefill', { message: 'Queued before the loader' });
Frontdesk('open');
</script>`;

/** The README's "after load" embed (shared's `afterLoadEmbed`), then commands queued before the loader. */
function afterLoadPage(serverOrigin: string, siteKey: string) {
  const embed = afterLoadEmbed({ src: `${serverOrigin}${PATHS.loader}`, site: siteKey, locale: 'en' });
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>After load</title></head>
<body><h1>After load</h1>
${embed}
${EARLY_COMMANDS}
</body></html>`;
}

/**
 * A shop page with the embed code copied from the console, then the early commands, then an image
 * the test server answers slowly: the page's `load` waits for it, so a widget request started
 * before `load` could not hide behind a fast page.
 */
function consoleEmbedPage(embed: string) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Pasted from the console</title></head>
<body><h1>Pasted from the console</h1>
${embed}
${EARLY_COMMANDS}
<img src="/slow.svg" alt="A slow picture" width="40" height="40">
</body></html>`;
}

const SLOW_IMAGE_MS = 1500;
/** A hang guard for the console cases (sign-in, page, axe): 40–50 s each at a load average of 60–90. */
const BROWSER_STEPS_GUARD_MS = 180_000;
const SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><rect width="1" height="1"/></svg>';

/** The README's plain embed (shared's `plainEmbed`). */
function asyncTagPage(serverOrigin: string, siteKey: string) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Async tag</title></head>
<body><h1>Async tag</h1>
${plainEmbed({ src: `${serverOrigin}${PATHS.loader}`, site: siteKey, locale: 'en' })}
</body></html>`;
}

/** The load event's start, and every request to the chat server's widget files (and a site's own loader), in page time. */
async function timing(page: Page, siteLoader: string = PATHS.loader): Promise<Timing> {
  const loader = PATHS.loader;
  const assets = PATHS.widgetAssets;
  return page.evaluate(
    ([loaderPath, assetsPath, siteLoaderPath]) => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      const widget = (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
        .map((e) => ({ path: new URL(e.name).pathname, start: e.startTime }))
        .filter((e) => e.path === loaderPath || e.path === siteLoaderPath || e.path.startsWith(assetsPath));
      return { loadEventStart: nav.loadEventStart, widget };
    },
    [loader, assets, siteLoader] as const,
  );
}

/** Waits for an idle period of the page: when idle-time work (a prefetch, a wake-up) has had its turn. */
const idle = (page: Page) =>
  page.evaluate(() => new Promise((resolve) => requestIdleCallback(resolve, { timeout: 5000 })));

describeInBrowser('issue 17: the host page load event', () => {
  let h: Harness;
  let host: Server;
  let hostOrigin: string;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let sockets: number;
  let consoleEmbed = '';
  const problems: string[] = [];

  beforeAll(async () => {
    h = await startHarness();
    host = createServer((req, res) => {
      if (req.url === '/slow.svg') {
        res.setHeader('content-type', 'image/svg+xml');
        setTimeout(() => res.end(SVG), SLOW_IMAGE_MS);
        return;
      }
      res.setHeader('content-type', 'text/html; charset=utf-8');
      if (req.url === '/from-console') res.end(consoleEmbedPage(consoleEmbed));
      else res.end((req.url === '/after-load' ? afterLoadPage : asyncTagPage)(h.origin, h.site.key));
    });
    await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
    hostOrigin = `http://localhost:${(host.address() as AddressInfo).port}`;
    await h.storage.updateSite(h.site.id, { allowedOrigins: [hostOrigin] });
    browser = await launchBrowser();
  });

  beforeEach(async () => {
    // A fresh context per case: cold cache, no stored visitor.
    context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
    page = await context.newPage();
    sockets = 0;
    // Each case checks its own pages' errors: one case's error is not the next one's failure.
    problems.length = 0;
    page.on('websocket', () => {
      sockets += 1;
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  });

  afterEach(async () => {
    await context?.close();
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => host?.close(resolve));
    await h?.close();
  });

  it('the demo shop requests nothing of the widget before its load event, and the launcher shows', async () => {
    await page.goto(`${h.origin}${PATHS.demo}/`);
    await page.getByRole('button', { name: 'Open chat' }).waitFor();
    await idle(page);
    const t = await timing(page);
    expect(t.loadEventStart).toBeGreaterThan(0);
    expect(t.widget.map((r) => r.path)).toContain(PATHS.loader);
    for (const request of t.widget) expect(request.start).toBeGreaterThanOrEqual(t.loadEventStart);
    expect(sockets).toBe(0);
    expect(problems).toEqual([]);
  });

  it('the after-load embed: nothing before load, and the commands queued before the loader are replayed', async () => {
    await page.goto(`${hostOrigin}/after-load`);
    const box = page.getByRole('textbox', { name: 'Message' });
    await expect.poll(() => box.inputValue()).toBe('Queued before the loader');
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { seen: string[] }).seen))
      .toContain('ready');
    const t = await timing(page);
    expect(t.widget.map((r) => r.path)).toContain(PATHS.loader);
    for (const request of t.widget) expect(request.start).toBeGreaterThanOrEqual(t.loadEventStart);
    expect(problems).toEqual([]);
  });

  it('the plain async tag: only the loader itself can delay load; it fetches nothing else until asked', async () => {
    await page.goto(`${hostOrigin}/`);
    await page.getByRole('button', { name: 'Open chat' }).waitFor();
    await idle(page);
    const t = await timing(page);
    const beforeLoad = t.widget.filter((r) => r.start < t.loadEventStart).map((r) => r.path);
    expect(beforeLoad).toEqual([PATHS.loader]);
    expect(t.widget.map((r) => r.path)).toEqual([PATHS.loader]);
    expect(sockets).toBe(0);
    expect(problems).toEqual([]);
  });

  it(
    'the console offers the after-load embed; copied from there onto a page, it starts nothing before load and the chat works',
    async () => {
      const { email, password } = await h.createAgent('Olga', 'admin');
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: h.origin });
      const admin = await signIn(page, email, password, 'en');
      const afterLoad = admin.getByLabel('After the page has loaded (recommended)');
      await admin.getByRole('button', { name: 'Copy' }).first().click();
      await admin.getByText('Copied.').waitFor();
      const copied = await admin.evaluate(() => navigator.clipboard.readText());
      expect(copied).toBe(await afterLoad.inputValue());
      expect(copied).toContain(`${h.origin}${API.siteLoader(h.site.key)}`);
      consoleEmbed = copied;

      const visitor = await context.newPage();
      visitor.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      await visitor.goto(`${hostOrigin}/from-console`);
      const box = visitor.getByRole('textbox', { name: 'Message' });
      await expect.poll(() => box.inputValue(), { timeout: 15_000 }).toBe('Queued before the loader');
      await expect
        .poll(() => visitor.evaluate(() => (window as unknown as { seen: string[] }).seen))
        .toContain('ready');
      const t = await timing(visitor, API.siteLoader(h.site.key));
      // The slow image held `load` back; the site's loader was still only requested after it.
      const siteLoader = API.siteLoader(h.site.key);
      expect(t.loadEventStart).toBeGreaterThan(0);
      expect(t.widget.map((r) => r.path)).toContain(siteLoader);
      for (const request of t.widget) expect(request.start).toBeGreaterThanOrEqual(t.loadEventStart);

      // The chat works: the prefilled message is sent and shows in the conversation.
      await visitor.getByRole('button', { name: 'Send' }).click();
      await expect
        .poll(() => visitor.getByRole('log', { name: 'Messages' }).textContent(), { timeout: 20_000 })
        .toContain('Queued before the loader');
      expect(problems).toEqual([]);
    },
    BROWSER_STEPS_GUARD_MS,
  );

  let screenshotAdmin: Promise<{ email: string; password: string }> | null = null;
  for (const lang of ['en', 'pl'] as const) {
    for (const [width, viewport] of [
      ['desktop', { width: 1440, height: 900 }],
      ['phone', { width: 390, height: 844 }],
    ] as const) {
      it(
        `the Appearance page’s embed code, ${lang}, ${width} (screenshot, axe, no sideways scrolling)`,
        async () => {
          screenshotAdmin ??= h.createAgent('Piotr', 'admin');
          const { email, password } = await screenshotAdmin;
          const shotContext = await browser.newContext({
            viewport,
            locale: lang === 'pl' ? 'pl-PL' : 'en-US',
          });
          try {
            const admin = await signIn(await shotContext.newPage(), email, password, lang);
            const text = CONSOLE_CATALOGS[lang];
            const section = admin.getByRole('region', { name: text.embedTitle });
            await section.getByLabel(text.embedAfterLoad).waitFor();
            expect(await section.getByText(text.embedAfterLoadHint).isVisible()).toBe(true);
            const [scrollWidth, innerWidth] = await admin.evaluate(() => [
              document.documentElement.scrollWidth,
              window.innerWidth,
            ]);
            expect(scrollWidth, 'no sideways scrolling').toBeLessThanOrEqual(innerWidth ?? 0);
            await section.scrollIntoViewIfNeeded();
            await admin.screenshot({ path: join(ARTIFACTS, `console-embed-${lang}-${width}.png`) });
            // The section whole (at desktop width it sits in the sticky side column, below the preview).
            await section.screenshot({ path: join(ARTIFACTS, `console-embed-section-${lang}-${width}.png`) });
            const violations = await runAxe(admin);
            expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
          } finally {
            await shotContext.close();
          }
        },
        BROWSER_STEPS_GUARD_MS,
      );
    }
  }

  /** Signs an admin in to the console and opens the Appearance page of the harness's site. */
  async function signIn(target: Page, email: string, password: string, lang: Locale) {
    const text = CONSOLE_CATALOGS[lang];
    await target.goto(`${h.origin}${PATHS.console}/`);
    await target.getByLabel(text.loginEmail).fill(email);
    await target.getByLabel(text.loginPassword).fill(password);
    await target.getByRole('button', { name: text.loginSubmit }).click();
    await target.getByRole('link', { name: text.navSites }).click();
    await target
      .getByRole('button', { name: text.siteAppearanceNamed.replace('{name}', h.site.name) })
      .click();
    await target.getByRole('heading', { name: text.embedTitle }).waitFor();
    return target;
  }
});
