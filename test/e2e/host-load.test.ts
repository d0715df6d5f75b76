/**
 * Issue 17, the host page's `load` event, in Chromium against the real server. Asserted on the
 * order of Navigation and Resource Timing entries, never on milliseconds:
 * - the demo shop inserts the loader after `load` (the README's "after load" embed), so no widget
 *   request starts before the load event, and the launcher still shows;
 * - the README's after-load snippet on a foreign page: the same, and the commands the page queued
 *   before the loader ran are replayed;
 * - the plain `async` tag: the loader's own request is the only widget request that can delay
 *   `load`; the loader fetches nothing else for it (no chunk, no font, no stylesheet, no socket).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startHarness } from '@frontdesk/server/testing';
import { PATHS } from '@frontdesk/shared';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { describeInBrowser, launchBrowser } from '../support/browser.ts';

type Harness = Awaited<ReturnType<typeof startHarness>>;
type Timing = { loadEventStart: number; widget: { path: string; start: number }[] };

/** The README's "after load" embed, with the stub queue and commands queued before the loader. */
function afterLoadPage(serverOrigin: string, siteKey: string) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>After load</title></head>
<body><h1>After load</h1>
<script>
window.Frontdesk=window.Frontdesk||function(){(Frontdesk.q=Frontdesk.q||[]).push(arguments)};
(function(){var l=function(){var s=document.createElement('script');s.src='${serverOrigin}${PATHS.loader}';s.async=true;s.dataset.site='${siteKey}';s.dataset.locale='en';document.body.appendChild(s)};
if(document.readyState==='complete')l();else addEventListener('load',l)})();
window.seen = [];
Frontdesk('on', 'ready', () => seen.push('ready'));
Frontdesk('prefill', { message: 'Queued before the loader' });
Frontdesk('open');
</script>
</body></html>`;
}

/** The README's plain embed. */
function asyncTagPage(serverOrigin: string, siteKey: string) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Async tag</title></head>
<body><h1>Async tag</h1>
<script src="${serverOrigin}${PATHS.loader}" data-site="${siteKey}" data-locale="en" async></script>
</body></html>`;
}

/** The load event's start, and every request to the chat server's widget files, in page time. */
async function timing(page: Page): Promise<Timing> {
  const loader = PATHS.loader;
  const assets = PATHS.widgetAssets;
  return page.evaluate(
    ([loaderPath, assetsPath]) => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      const widget = (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
        .map((e) => ({ path: new URL(e.name).pathname, start: e.startTime }))
        .filter((e) => e.path === loaderPath || e.path.startsWith(assetsPath));
      return { loadEventStart: nav.loadEventStart, widget };
    },
    [loader, assets] as const,
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
  const problems: string[] = [];

  beforeAll(async () => {
    h = await startHarness();
    host = createServer((req, res) => {
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end((req.url === '/after-load' ? afterLoadPage : asyncTagPage)(h.origin, h.site.key));
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
});
