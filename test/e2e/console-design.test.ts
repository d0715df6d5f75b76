/**
 * Issue 14, the design pass: the real console App on an in-memory client seeded with a day's work
 * (`server/console/src/testing/design-look.tsx`, no server) in Chromium. Every console page, at
 * desktop (1440) and phone (390) width, light and dark colour scheme: axe-core finds no serious or
 * critical problem and the page never scrolls sideways. The empty console (nothing seeded) is checked
 * the same way. Screenshots of the main pages at 1440, 1024 and 390 px, light and dark, English and
 * Polish, go to test/artifacts/console-*.png (the chosen ones are kept in docs/screenshots/).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatViolations, isBlocking, runAxe } from '../support/axe.ts';
import { ARTIFACTS, describeInBrowser, launchBrowser } from '../support/browser.ts';
import { type ConsoleLook, serveConsoleLook } from '../support/console-look.ts';

const PAGES = [
  'conversations',
  'contacts',
  'faq',
  'unanswered',
  'settings',
  'appearance',
  'sites',
  'agents',
  'profile',
  'outbox',
] as const;
type PageName = (typeof PAGES)[number];

const WORDS = {
  en: {
    menu: 'Menu',
    theme: 'Theme',
    details: 'Details',
    backToConversation: 'Back to conversation',
    backToList: 'Back to the list',
  },
  pl: {
    menu: 'Menu',
    theme: 'Motyw',
    details: 'Szczegóły',
    backToConversation: 'Wróć do rozmowy',
    backToList: 'Wróć do listy',
  },
} as const;

const WIDTHS = { desktop: 1440, laptop: 1024, phone: 390 } as const;
type Width = keyof typeof WIDTHS;
type Scheme = 'light' | 'dark';
type Lang = 'en' | 'pl';

describeInBrowser('console design (every page, both widths, both schemes)', () => {
  let browser: Browser;
  let look: ConsoleLook;

  beforeAll(async () => {
    look = await serveConsoleLook('design-look.tsx');
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await look?.close();
  });

  async function open(o: { lang: Lang; width: Width; scheme: Scheme; empty?: boolean }) {
    const context = await browser.newContext({
      viewport: { width: WIDTHS[o.width], height: o.width === 'phone' ? 844 : 900 },
      colorScheme: o.scheme,
      locale: o.lang === 'pl' ? 'pl-PL' : 'en-US',
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    await page.goto(`${look.base}/?locale=${o.lang}${o.empty ? '&data=empty' : ''}#/`);
    await page.getByRole('main').first().waitFor();
    return { page, errors };
  }

  /**
   * One console tab for the tests of a `describe` (one console page each): opened before the first,
   * closed after the last. A test per page keeps each within the hang guard on a busy machine.
   */
  function tabFor(o: { lang: Lang; width: Width; scheme: Scheme; empty?: boolean }) {
    let tab: Awaited<ReturnType<typeof open>> | undefined;
    beforeAll(async () => {
      tab = await open(o);
    });
    afterAll(async () => {
      await tab?.page.context().close();
    });
    return () => {
      if (!tab) throw new Error('the console tab did not open');
      return tab;
    };
  }

  /** Shows a page and waits until it has loaded (no loading line left). */
  async function show(page: Page, name: PageName, empty = false) {
    const hash = name === 'conversations' ? '#/' : `#/${name}`;
    await page.evaluate((target) => {
      location.hash = target;
    }, hash);
    // The route has switched (the old page's <main> would match everything below until it has).
    await page.locator(`nav a[aria-current="page"][href="${hash}"]`).waitFor({ state: 'attached' });
    await page.locator('main:visible').first().waitFor();
    await expect.poll(() => page.locator('[role="status"][aria-busy="true"]:visible').count()).toBe(0);
    if (name === 'conversations' && !empty) {
      await page.locator('button[data-row]').first().click();
      await page.getByRole('log').first().waitFor();
    }
    if (name === 'appearance') await page.frameLocator('iframe').first().locator('body').waitFor();
  }

  async function check(page: Page, label: string) {
    const [scrollWidth, innerWidth] = await page.evaluate(() => [
      document.documentElement.scrollWidth,
      window.innerWidth,
    ]);
    expect(scrollWidth, `${label}: the page is wider than the window`).toBeLessThanOrEqual(innerWidth!);
    // Nor does the page's own content scroll sideways inside it (a scrolling <main> hides it from the check above).
    const [mainScroll, mainWidth] = await page
      .locator('main:visible')
      .first()
      .evaluate((main) => [main.scrollWidth, main.clientWidth]);
    expect(mainScroll, `${label}: the page's content is wider than its column`).toBeLessThanOrEqual(
      mainWidth!,
    );
    const blocking = (await runAxe(page)).filter(isBlocking);
    expect(formatViolations(blocking), `${label}: serious/critical axe violations`).toBe('');
  }

  for (const width of ['desktop', 'phone'] as const) {
    for (const scheme of ['light', 'dark'] as const) {
      describe(`axe and reflow on every page (en, ${width}, ${scheme})`, () => {
        const tab = tabFor({ lang: 'en', width, scheme });
        for (const name of PAGES) {
          it(`${name} (en, ${width}, ${scheme})`, async () => {
            const { page, errors } = tab();
            await show(page, name);
            await check(page, `${name} (${width}, ${scheme})`);
            expect(errors).toEqual([]);
          });
        }
      });
    }
  }

  for (const [width, scheme] of [
    ['phone', 'dark'],
    ['desktop', 'light'],
  ] as const) {
    describe(`axe and reflow on every page with nothing in it (pl, ${width}, ${scheme})`, () => {
      const tab = tabFor({ lang: 'pl', width, scheme, empty: true });
      for (const name of PAGES) {
        it(`${name}, empty (pl, ${width}, ${scheme})`, async () => {
          const { page, errors } = tab();
          await show(page, name, true);
          await check(page, `${name}, empty (pl, ${width}, ${scheme})`);
          expect(errors).toEqual([]);
        });
      }
    });
  }

  for (const width of ['desktop', 'phone'] as const) {
    for (const scheme of ['light', 'dark'] as const) {
      it(`the sign-in page: axe and reflow (pl, ${width}, ${scheme})`, async () => {
        const context = await browser.newContext({
          viewport: { width: WIDTHS[width], height: 844 },
          colorScheme: scheme,
        });
        const page = await context.newPage();
        await page.goto(`${look.base}/?locale=pl&signed=out#/`);
        await page.getByRole('button', { name: 'Zaloguj się' }).waitFor();
        await check(page, `sign-in (pl, ${width}, ${scheme})`);
        await page.screenshot({ path: `${ARTIFACTS}console-login-pl-${WIDTHS[width]}-${scheme}.png` });
        await context.close();
      });
    }
  }

  it('the theme switch wins over the system scheme, per agent, after a reload too; axe with the menu open', async () => {
    const { page, errors } = await open({ lang: 'en', width: 'desktop', scheme: 'light' });
    const background = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    const light = await background();
    await page.getByRole('button', { name: 'Menu' }).click();
    const theme = page.getByRole('combobox', { name: 'Theme' });
    expect(await theme.inputValue()).toBe('system');
    await check(page, 'account menu open (light)');
    await theme.selectOption('dark');
    await expect.poll(background).not.toBe(light);
    const dark = await background();
    await check(page, 'account menu open (dark chosen on a light system)');
    await page.reload();
    await page.getByRole('main').first().waitFor();
    await expect.poll(background).toBe(dark);
    await page.getByRole('button', { name: 'Menu' }).click();
    await page.getByRole('combobox', { name: 'Theme' }).selectOption('system');
    await expect.poll(background).toBe(light);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  /** Screenshots at 1440 and 390, conversations also at 1024; light and dark; en and pl. */
  const SHOT_WIDTHS = (name: PageName): readonly Width[] =>
    name === 'conversations' ? ['desktop', 'laptop', 'phone'] : ['desktop', 'phone'];

  for (const lang of ['en', 'pl'] as const) {
    for (const scheme of ['light', 'dark'] as const) {
      for (const width of ['desktop', 'laptop', 'phone'] as const) {
        const names = PAGES.filter((name) => SHOT_WIDTHS(name).includes(width));
        describe(`screenshots of every page (${lang}, ${WIDTHS[width]}, ${scheme})`, () => {
          const tab = tabFor({ lang, width, scheme });
          for (const name of names) {
            it(`${name} (${lang}, ${WIDTHS[width]}, ${scheme})`, async () => {
              const { page } = tab();
              await show(page, name);
              const shot = (suffix = '') =>
                page.screenshot({
                  path: `${ARTIFACTS}console-${name}${suffix}-${lang}-${WIDTHS[width]}-${scheme}.png`,
                });
              await shot();
              if (name !== 'conversations') return;
              const words = WORDS[lang];
              // The account menu, open.
              await page.getByRole('button', { name: words.menu }).click();
              await page.getByRole('combobox', { name: words.theme }).waitFor();
              await shot('-menu');
              await page.keyboard.press('Escape');
              // The menu is closed before the next page is shown (and shot).
              await expect
                .poll(() => page.getByRole('button', { name: words.menu }).getAttribute('aria-expanded'))
                .toBe('false');
              await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
              if (width !== 'phone') return;
              // On a phone the list, the conversation and its details are steps of their own.
              await page.getByRole('button', { name: words.details }).click();
              await page.getByRole('button', { name: words.backToConversation }).waitFor();
              await shot('-details');
              await page.getByRole('button', { name: words.backToConversation }).click();
              await page.getByRole('button', { name: words.backToList }).click();
              await page.locator('button[data-row]').first().waitFor();
              await shot('-list');
            });
          }
        });
      }
    }
  }
});
