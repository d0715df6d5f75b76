/**
 * TESTPLAN R3 in Chromium: a known-bad corpus through the exact pipeline of both clients (the shared
 * renderer: marked → DOMPurify → DOM) and through the sanitiser alone (raw HTML, which marked would
 * otherwise escape). Nothing may execute, no page error or dialog may appear, inserting the output
 * into the page must not change it (no mutation XSS), and sanitising it again must change nothing.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type CorpusCase, SANITIZER_CORPUS } from '../fixtures/sanitizer-corpus.ts';
import { describeInBrowser, launchBrowser } from '../support/browser.ts';
import { type BrowserMarkdown, bundleMarkdown } from '../support/markdown-bundle.ts';

type Probe = Window & {
  FrontdeskMarkdown: Pick<BrowserMarkdown, 'createMarkdown' | 'createSanitizer' | 'policyViolations'>;
  __executed: number[];
  __x: (index: number) => void;
};

describeInBrowser('R3 sanitiser corpus in Chromium', () => {
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];
  const dialogs: string[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await (await browser.newContext()).newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.setContent('<!doctype html><html><body><div id="out"></div></body></html>');
    await page.addScriptTag({ content: await bundleMarkdown() });
  });

  afterAll(async () => {
    await browser?.close();
  });

  /**
   * In the page: inserts `<img src=x onerror>` without the pipeline and resolves once its error event
   * has been dispatched (the inline handler, registered first, has run by then): whether it ran.
   */
  const imageErrorHandlerRuns = () =>
    new Promise<boolean>((resolve) => {
      const w = window as unknown as { __executed: number[] };
      const host = document.createElement('div');
      document.getElementById('out')!.append(host);
      host.innerHTML = '<img src=x onerror="__x(-1)">';
      const img = host.querySelector('img')!;
      const settled = () => {
        const ran = w.__executed.includes(-1);
        w.__executed = w.__executed.filter((index) => index !== -1);
        host.remove();
        resolve(ran);
      };
      img.addEventListener('error', settled, { once: true });
      img.addEventListener('load', settled, { once: true });
    });

  /** Runs every case in the page; returns what went wrong, by case and pipeline. */
  const runCorpus = (corpus: CorpusCase[]) =>
    page.evaluate((cases) => {
      const w = window as unknown as Probe;
      w.__executed = [];
      w.__x = (index) => w.__executed.push(index);
      const { createMarkdown, createSanitizer, policyViolations } = w.FrontdeskMarkdown;
      const purifyWindow = window as unknown as Parameters<typeof createMarkdown>[0];
      const pipelines = [
        { name: 'widget', relative: true, run: createMarkdown(purifyWindow, { relativeLinks: true }) },
        { name: 'console', relative: false, run: createMarkdown(purifyWindow, { relativeLinks: false }) },
      ];
      const sanitizers = [true, false].map((relative) => createSanitizer(purifyWindow, relative));
      const out = document.getElementById('out')!;
      const problems: string[] = [];
      cases.forEach(({ name, payload }, index) => {
        const source = payload.replaceAll('XSS', `__x(${index})`);
        const outputs = [
          ...pipelines.map((p) => ({
            label: `${p.name} Markdown`,
            relative: p.relative,
            html: p.run(source).html,
          })),
          // The second layer on its own, for the payloads that are HTML (marked escapes them first).
          ...(source.includes('<')
            ? [{ label: 'sanitiser alone', relative: true, html: sanitizers[0]!(source) }]
            : []),
        ];
        for (const { label, relative, html } of outputs) {
          const host = document.createElement('div');
          out.append(host);
          host.innerHTML = html;
          const where = `${name} (${label})`;
          if (host.innerHTML !== html) problems.push(`${where}: changed by insertion: ${host.innerHTML}`);
          const again = sanitizers[relative ? 0 : 1]!(html);
          if (again !== html) problems.push(`${where}: sanitising again changed it: ${again}`);
          for (const violation of policyViolations(host, relative)) problems.push(`${where}: ${violation}`);
        }
      });
      return problems;
    }, corpus);

  /** The corpus inserted into the page once, by whichever test needs it first (the second checks what it left). */
  let inserted: Promise<string[]> | undefined;
  const corpusInserted = () => {
    inserted ??= runCorpus(SANITIZER_CORPUS);
    return inserted;
  };

  it(`R3 ${SANITIZER_CORPUS.length} known-bad payloads: output within the policy, unchanged by insertion, stable when sanitised twice`, async () => {
    expect(await corpusInserted()).toEqual([]);
  });

  it('R3 nothing executed: no recorded call, no page error, no dialog', async () => {
    await corpusInserted();
    // Event handlers of inserted elements (image errors, SVG loads) fire asynchronously: wait until
    // every image kept in the output has loaded or failed, then until an error handler inserted
    // after all of them (without the pipeline) has run, rather than for a fixed time.
    await expect
      .poll(() =>
        page.evaluate(() =>
          [...document.querySelectorAll<HTMLImageElement>('#out img')].every((img) => img.complete),
        ),
      )
      .toBe(true);
    expect(await page.evaluate(imageErrorHandlerRuns)).toBe(true);
    const executed = await page.evaluate(() => (window as unknown as Probe).__executed);
    expect(executed.map((index) => SANITIZER_CORPUS[index]?.name)).toEqual([]);
    expect(pageErrors).toEqual([]);
    expect(dialogs).toEqual([]);
  });

  it('R3 the probe works: a payload inserted without the pipeline does execute', async () => {
    // Guards the test itself: if the recorder or the insertion were broken, the checks above would pass vacuously.
    expect(await page.evaluate(imageErrorHandlerRuns)).toBe(true);
  });
});
