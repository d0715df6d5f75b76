/// <reference path="./client/markdown/jsdom.d.ts" />
/**
 * The embed code (issue 17), run in a real DOM (jsdom, scripts on): the after-load snippet adds the
 * loader only after the page's `load` event, calls made before that wait in the stub's queue in
 * order. (The real loader's replay and the README's copy: `widget/src/loader/embed.test.ts`.)
 */
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { afterLoadEmbed, afterLoadEmbedScript, FRONTDESK_STUB, plainEmbed } from './embed.ts';

/** What the tests read of the page (this package's non-client code has no DOM types). */
type ScriptView = { src: string; async: boolean; dataset: Record<string, string | undefined> };
type PageView = {
  document: {
    readyState: string;
    documentElement: { lang: string };
    querySelectorAll(selector: string): ArrayLike<ScriptView>;
  };
  addEventListener(type: 'load', listener: () => void): void;
  Frontdesk?: ((...args: unknown[]) => void) & { q?: ArrayLike<unknown>[] };
  seen: { step: string; loaderScripts: number }[];
};

const SRC = 'https://chat.example.com/w/shop.js';

/** A page with the snippet, then page code that calls `Frontdesk` and notes when the loader was added. */
function page(snippet: string, lang = 'en') {
  const note = (step: string) =>
    `seen.push({step:'${step}',loaderScripts:document.querySelectorAll('script[src]').length})`;
  const html = `<!doctype html><html lang="${lang}"><head><script>window.seen=[]</script>${snippet}</head><body>
<script>Frontdesk('on','ready',function(){});Frontdesk('prefill',{message:'Hi'});Frontdesk('open');${note('parsed')}</script>
<script>document.addEventListener('DOMContentLoaded',function(){${note('domcontentloaded')}})</script>
<p>Page</p></body></html>`;
  const dom = new JSDOM(html, { runScripts: 'dangerously', url: 'https://shop.example.com/' });
  return dom.window as unknown as PageView;
}

const loaded = (win: PageView) =>
  new Promise<void>((resolve) => {
    if (win.document.readyState === 'complete') resolve();
    else win.addEventListener('load', () => resolve());
  });

const loaderScripts = (win: PageView) => Array.from(win.document.querySelectorAll('script[src]'));

describe('the after-load embed (issue 17)', () => {
  it('adds the loader only after the page’s load event, once, as the tag would', async () => {
    const win = page(afterLoadEmbed({ src: SRC }));
    expect(win.seen).toEqual([{ step: 'parsed', loaderScripts: 0 }]);
    expect(loaderScripts(win)).toHaveLength(0);
    await loaded(win);
    expect(win.seen).toContainEqual({ step: 'domcontentloaded', loaderScripts: 0 });
    const scripts = loaderScripts(win);
    expect(scripts).toHaveLength(1);
    expect(scripts[0]?.src).toBe(SRC);
    expect(scripts[0]?.async).toBe(true);
    expect(scripts[0]?.dataset.site).toBeUndefined();
  });

  it('queues the page’s calls in order until the loader replaces the stub', async () => {
    const win = page(afterLoadEmbed({ src: SRC }));
    await loaded(win);
    const queue = Array.from(win.Frontdesk?.q ?? [], (args) => Array.from(args));
    expect(queue.map((args) => args[0])).toEqual(['on', 'prefill', 'open']);
    expect(queue[1]).toEqual(['prefill', { message: 'Hi' }]);
  });

  it('sets data-site and data-locale for the generic loader; "page" takes the page’s language', async () => {
    const fixed = page(
      afterLoadEmbed({ src: 'https://chat.example.com/widget.js', site: 'shop', locale: 'pl' }),
    );
    await loaded(fixed);
    expect(loaderScripts(fixed)[0]?.dataset).toMatchObject({ site: 'shop', locale: 'pl' });
    const fromPage = page(afterLoadEmbed({ src: '/widget.js', site: 'demo', locale: 'page' }), 'pl');
    await loaded(fromPage);
    expect(loaderScripts(fromPage)[0]?.dataset).toMatchObject({ site: 'demo', locale: 'pl' });
  });

  it('keeps a stub the page made before, with its queue', async () => {
    const before = `<script>${FRONTDESK_STUB}Frontdesk('hide')</script>`;
    const win = page(before + afterLoadEmbed({ src: SRC }));
    await loaded(win);
    const queue = Array.from(win.Frontdesk?.q ?? [], (args) => Array.from(args)[0]);
    expect(queue).toEqual(['hide', 'on', 'prefill', 'open']);
  });

  it('cannot be broken out of by a value: no `</script>` and no unquoted attribute', () => {
    const hostile = '</script><script>alert(1)</script>';
    expect(afterLoadEmbedScript({ src: SRC, site: hostile })).not.toContain('</script>');
    expect(plainEmbed({ src: SRC, site: '" onload="alert(1)' })).toBe(
      `<script src="${SRC}" data-site="&quot; onload=&quot;alert(1)" async></script>`,
    );
  });
});

describe('the plain tag', () => {
  it('is the async tag with the site and language as data attributes', () => {
    expect(plainEmbed({ src: 'https://chat.example.com/widget.js', site: 'shop', locale: 'en' })).toBe(
      '<script src="https://chat.example.com/widget.js" data-site="shop" data-locale="en" async></script>',
    );
  });
});
