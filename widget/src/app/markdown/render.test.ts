/**
 * The sanitiser runs against jsdom, not happy-dom: DOMPurify does not support happy-dom (its
 * `Node.prototype.nodeName` getter returns '' — capricorn86/happy-dom#2182), so results there mean
 * nothing. Real-browser checks are in the end-to-end suite.
 */
import { JSDOM } from 'jsdom';
import { describe, expect, it, vi } from 'vitest';
import { createMarkdown, createSanitizer, isSafeHref, type PurifyWindow } from './render.ts';

const { window } = new JSDOM('<!doctype html><html><body></body></html>');
const render = createMarkdown(window as unknown as PurifyWindow);

/** Parses rendered HTML into a detached element to inspect what would reach the page. */
function dom(html: string): HTMLElement {
  const el = window.document.createElement('div');
  el.innerHTML = html;
  return el;
}

const EVENT_ATTR = /^on/i;
function assertInert(html: string) {
  const el = dom(html);
  expect(
    el.querySelectorAll('script, iframe, object, embed, svg, math, img, style, form, base, meta, link'),
  ).toHaveLength(0);
  for (const node of el.querySelectorAll('*')) {
    for (const attr of node.attributes) {
      expect(attr.name).not.toMatch(EVENT_ATTR);
      expect(['href', 'title', 'target', 'rel']).toContain(attr.name);
    }
  }
  // What a browser would navigate to: only web, mail and phone links.
  for (const a of el.querySelectorAll('a[href]')) {
    const url = new URL(a.getAttribute('href')!, 'https://shop.example/page');
    expect(['http:', 'https:', 'mailto:', 'tel:']).toContain(url.protocol);
  }
}

describe('markdown renderer', () => {
  it('renders basic Markdown', () => {
    const el = dom(render('**Free** shipping over *50 €*:\n\n- fast\n- cheap\n\n`code`'));
    expect(el.querySelector('strong')?.textContent).toBe('Free');
    expect(el.querySelector('em')?.textContent).toBe('50 €');
    expect(el.querySelectorAll('li')).toHaveLength(2);
    expect(el.querySelector('code')?.textContent).toBe('code');
  });

  it.each([
    '<img src=x onerror=alert(1)>',
    '<svg onload=alert(1)><circle/></svg>',
    '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
    '<script>alert(1)</script>',
    '<a href="javascript:alert(1)" onclick="alert(1)">x</a>',
    '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
    '<form action="javascript:alert(1)"><button>x</button></form>',
    '<style>body{display:none}</style>',
    '<p style="position:fixed">x</p>',
    'text <b onmouseover=alert(1)>bold</b>',
  ])('raw HTML is shown as text, never as markup: %s', (input) => {
    const html = render(input);
    assertInert(html);
    expect(dom(html).textContent).toContain(input.replace(/\s+/g, ' ').slice(0, 8).split(' ')[0]);
  });

  it.each([
    '[x](javascript:alert(1))',
    '[x](JaVaScRiPt:alert(1))',
    '[x](javascript&#58;alert(1))',
    '[x](&#106;avascript:alert(1))',
    '[x](java\tscript:alert(1))',
    '[x](%20javascript:alert(1))',
    '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
    '[x](vbscript:msgbox(1))',
    '<javascript:alert(1)>',
  ])('dangerous link is removed or inert: %s', (input) => {
    assertInert(render(input));
  });

  it('keeps safe links and opens them in a new tab without opener or referrer', () => {
    const el = dom(
      render(
        'See [our policy](https://shop.example/returns), [mail](mailto:help@shop.example) and [faq](/faq).',
      ),
    );
    const links = [...el.querySelectorAll('a')];
    expect(links.map((a) => a.getAttribute('href'))).toEqual([
      'https://shop.example/returns',
      'mailto:help@shop.example',
      '/faq',
    ]);
    for (const a of links) {
      expect(a.getAttribute('target')).toBe('_blank');
      expect(a.getAttribute('rel')).toBe('noopener noreferrer nofollow');
    }
  });

  it('sanitising its output again changes nothing', () => {
    const sanitize = createSanitizer(window as unknown as PurifyWindow);
    for (const input of [
      'Hi [a](https://a.example) **b**',
      '<img src=x onerror=alert(1)>',
      '[x](javascript:1)',
    ]) {
      const once = render(input);
      expect(sanitize(once)).toBe(once);
    }
  });

  it('pathological input renders quickly, falling back to plain text when Markdown gives up', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const started = performance.now();
    for (const input of [
      '*'.repeat(5000),
      '>'.repeat(5000),
      `${'['.repeat(2500)}${']'.repeat(2500)}`,
      'a'.repeat(20_000),
    ]) {
      assertInert(render(input));
    }
    expect(performance.now() - started).toBeLessThan(2000);
    // 5 000 nested blockquotes overflow marked's recursion: shown as text instead.
    expect(dom(render('>'.repeat(5000))).textContent).toBe('>'.repeat(5000));
    warn.mockRestore();
  });

  it('isSafeHref accepts only http(s), mailto, tel and relative links', () => {
    expect(isSafeHref('https://a.example')).toBe(true);
    expect(isSafeHref('tel:+48123')).toBe(true);
    expect(isSafeHref('#top')).toBe(true);
    expect(isSafeHref(' java\nscript:alert(1)')).toBe(false);
    expect(isSafeHref('DATA:text/html,x')).toBe(false);
    expect(isSafeHref('vbscript:x')).toBe(false);
  });
});
