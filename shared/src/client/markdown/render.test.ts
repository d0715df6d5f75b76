/** The renderer of both clients, against jsdom (DOMPurify does not run faithfully in happy-dom). */
import { Lexer } from 'marked';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LIMITS } from '../../limits.ts';
import { createMarkdown } from './render.ts';
import { createSanitizer } from './sanitize.ts';
import { jsdomWindow, policyViolations } from './testing.ts';

const win = jsdomWindow();
// A clock that never moves: these tests are about what is rendered, not how fast (the budget has
// its own test with a clock it controls), so a busy machine cannot turn them into plain text.
const still = () => 0;
const widget = createMarkdown(win, { relativeLinks: true, now: still });
const console_ = createMarkdown(win, { relativeLinks: false, now: still });

function dom(html: string): HTMLElement {
  const el = win.document.createElement('div');
  el.innerHTML = html;
  return el;
}

/** What a reader sees, without marked's trailing newline between blocks. */
const text = (el: Element) => el.textContent?.trim();

afterEach(() => {
  vi.restoreAllMocks();
});

describe('createMarkdown', () => {
  it('renders everyday Markdown', () => {
    const { html, fallback } = widget('**Free** shipping over *50 €*:\n\n- fast\n- cheap\n\n`code`');
    const el = dom(html);
    expect(fallback).toBeNull();
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
    '<p style="position:fixed">x</p>',
    'text <b onmouseover=alert(1)>bold</b>',
  ])('R1 raw HTML is shown as text, never as markup: %s', (input) => {
    for (const render of [widget, console_]) {
      const el = dom(render(input).html);
      expect(policyViolations(el, true)).toEqual([]);
      expect(el.querySelectorAll('*').length).toBeLessThanOrEqual(1); // the paragraph only
      expect(text(el)).toBe(input);
    }
  });

  it.each([
    '[x](javascript:alert(1))',
    '[x](JaVaScRiPt:alert(1))',
    '[x](javascript&#58;alert(1))',
    '[x](&#106;avascript:alert(1))',
    '[x](&#x6A;avascript&colon;alert(1))',
    '[x](&amp;#106;avascript:alert(1))',
    '[x](java\tscript:alert(1))',
    '[x](%20javascript:alert(1))',
    '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
    '[x](DATA:text/html,<script>alert(1)</script>)',
    '[x](vbscript:msgbox(1))',
    '<javascript:alert(1)>',
    '![x](javascript:alert(1))',
    '[x][r]\n\n[r]: javascript:alert(1)',
  ])('R2 a dangerous link is removed or inert: %s', (input) => {
    for (const [render, relative] of [
      [widget, true],
      [console_, false],
    ] as const) {
      const el = dom(render(input).html);
      expect(policyViolations(el, relative)).toEqual([]);
      for (const a of el.querySelectorAll('a[href]')) {
        const url = new URL(a.getAttribute('href')!, 'https://shop.example/page');
        expect(['http:', 'https:', 'mailto:', 'tel:']).toContain(url.protocol);
      }
    }
  });

  it('R2 kept links open in a new tab with rel="noopener noreferrer nofollow"', () => {
    const source =
      'See [policy](https://shop.example/returns "Returns"), [mail](mailto:help@shop.example), <https://a.example> and [faq](/faq).';
    const links = [...dom(widget(source).html).querySelectorAll('a')];
    expect(links.map((a) => a.getAttribute('href'))).toEqual([
      'https://shop.example/returns',
      'mailto:help@shop.example',
      'https://a.example',
      '/faq',
    ]);
    expect(links[0]?.getAttribute('title')).toBe('Returns');
    for (const a of links) {
      expect(a.getAttribute('target')).toBe('_blank');
      expect(a.getAttribute('rel')).toBe('noopener noreferrer nofollow');
    }
  });

  it('R2 relative links are links in the widget and text in the console', () => {
    expect(dom(widget('[faq](/faq)').html).querySelector('a')?.getAttribute('href')).toBe('/faq');
    const el = dom(console_('[faq](/faq) [top](#top)').html);
    expect(el.querySelector('a')).toBeNull();
    expect(text(el)).toBe('faq top');
  });

  it('images are shown as their alt text, linked when the address is safe', () => {
    const el = dom(console_('![a pic](https://e.example/a.png) ![bad](javascript:alert(1))').html);
    expect(el.querySelector('img')).toBeNull();
    expect([...el.querySelectorAll('a')].map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
      ['a pic', 'https://e.example/a.png'],
    ]);
    expect(text(el)).toBe('a pic bad');
  });

  it('quotes in a link address cannot open an attribute', () => {
    const el = dom(console_('[a](https://e.example/"onmouseover="alert(1))').html);
    expect(policyViolations(el, false)).toEqual([]);
  });

  it('R3 sanitising its output again changes nothing', () => {
    const sanitize = createSanitizer(win, true);
    for (const input of ['Hi [a](https://a.example) **b**', '<img src=x onerror=alert(1)>', '[x](/y)']) {
      const { html } = widget(input);
      expect(sanitize(html)).toBe(html);
    }
  });
});

describe('R5 limits, failures and the time budget', () => {
  it.each([
    ['5 000 nested ">"', '>'.repeat(5000)],
    ['"> - " 1 200 times', '> - '.repeat(1200)],
    ['1 240 "[a]("', '[a]('.repeat(1240)],
    ['100 000 "*"', '*'.repeat(100_000)],
    ['a 20 000-character line', 'a'.repeat(20_000)],
  ])('R5 %s is shown as plain text without calling marked', (_name, source) => {
    const lex = vi.spyOn(Lexer, 'lex');
    const render = createMarkdown(win, { relativeLinks: true, now: still });
    const { html, fallback } = render(source);
    expect(fallback).toBe('limit');
    expect(lex).not.toHaveBeenCalled();
    expect(dom(html).textContent).toBe(source);
  });

  it('R5 plain text keeps line breaks and escapes markup', () => {
    const source = `${'>'.repeat(LIMITS.markdownMaxDepth + 1)} <b>x</b>\nsecond line`;
    const el = dom(createMarkdown(win, { relativeLinks: true, now: still })(source).html);
    expect(el.querySelector('b')).toBeNull();
    expect(el.querySelectorAll('br')).toHaveLength(1);
    expect(el.textContent).toBe(source.replace('\n', ''));
  });

  it('R5 a body that makes marked throw is shown as plain text, and the error is logged', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    vi.spyOn(Lexer, 'lex').mockImplementationOnce(() => {
      throw new RangeError('Maximum call stack size exceeded');
    });
    const { html, fallback } = createMarkdown(win, { relativeLinks: true, now: still })('**still** shown');
    expect(fallback).toBe('error');
    expect(dom(html).textContent).toBe('**still** shown');
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it('R5 a render over the budget is logged once and its body stays plain text from then on', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    let clock = 0;
    // Every reading of the clock is 100 ms after the previous one: each render takes 100 ms.
    const render = createMarkdown(win, { relativeLinks: true, budgetMs: 50, now: () => (clock += 100) });
    // The first render pays the parser's warm-up, so it is let through whatever it took.
    const warm = render('**warm-up**');
    expect(warm.fallback).toBeNull();
    expect(dom(warm.html).textContent?.trim()).toBe('warm-up');
    const first = render('**slow**');
    expect(first.fallback).toBe('budget');
    expect(dom(first.html).textContent).toBe('**slow**');
    expect(render('**slow**')).toEqual(first);
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it('R5 the same body is rendered once: showing a timeline again renders nothing', () => {
    const lex = vi.spyOn(Lexer, 'lex');
    const render = createMarkdown(win, { relativeLinks: true, now: still });
    const first = render('**once**');
    expect(render('**once**')).toBe(first);
    expect(lex).toHaveBeenCalledTimes(1);
  });
});
