/**
 * Fuzzing the Markdown pipeline (marked → DOMPurify, bound to jsdom) with fast-check: arbitrary text,
 * Markdown-ish token soup with hostile links and markup, and long repetitions of short units (what
 * makes marked slow or deep). Whatever the input: the renderer does not throw, its output keeps to
 * `MARKDOWN_POLICY`, and sanitising it again changes nothing. fast-check prints the seed and the
 * shrunk counterexample of a failure.
 */
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { createMarkdown } from './render.ts';
import { createSanitizer } from './sanitize.ts';
import { jsdomWindow, policyViolations } from './testing.ts';

const win = jsdomWindow();
/** Fixed run counts keep CI bounded; to replay a failure, add the `seed` (and `path`) it printed here. */
const runs = (numRuns: number) => ({ numRuns });

const HOSTILE_HREFS = [
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  ' javascript:alert(1)',
  'java\tscript:alert(1)',
  '&#106;avascript:alert(1)',
  '&#x6A;avascript&colon;alert(1)',
  'javascript&#58;alert(1)',
  '&amp;#106;avascript:alert(1)',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'DATA:text/html,<script>alert(1)</script>',
  'vbscript:msgbox(1)',
  'file:///etc/passwd',
  '//evil.example/x',
  '\\\\evil.example',
  '/faq',
  '#top',
  'https://shop.example/a?b=1&c=2',
  'mailto:help@shop.example',
  'tel:+48123',
  '<javascript:alert(1)>',
  'https://a.example "title"',
  "x' onmouseover='alert(1)",
  'x" onmouseover="alert(1)',
];

const TOKENS = [
  '**',
  '*',
  '_',
  '__',
  '~~',
  '`',
  '```',
  '[',
  ']',
  '](',
  '(',
  ')',
  '![',
  '<',
  '>',
  '> ',
  '- ',
  '* ',
  '1. ',
  '\n',
  '\n\n',
  '    ',
  '|',
  '---',
  '\\',
  '&',
  '&amp;',
  '&lt;',
  '"',
  "'",
  ' ',
  'a',
  'word',
  'www.a.example',
  'https://a.example',
  'help@a.example',
  '<img src=x onerror=alert(1)>',
  '<svg onload=alert(1)>',
  '<iframe srcdoc="<script>alert(1)</script>">',
  '<script>alert(1)</script>',
  '<a href="javascript:alert(1)">',
  '<style>*{}</style>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<!--',
  '-->',
  '<![CDATA[',
  ']]>',
  '<form action=javascript:alert(1)>',
  '<b onmouseover=alert(1)>',
  '</p>',
  '<p>',
];

const link = fc
  .tuple(fc.constantFrom('[', '!['), fc.string({ maxLength: 8 }), fc.constantFrom(...HOSTILE_HREFS))
  .map(([open, text, href]) => `${open}${text}](${href})`);

const markdownish = fc
  .array(fc.oneof(fc.constantFrom(...TOKENS), link, fc.string({ maxLength: 6 })), { maxLength: 60 })
  .map((parts) => parts.join(''));

const repeated = fc
  .tuple(
    fc.array(fc.constantFrom(...TOKENS), { minLength: 1, maxLength: 3 }),
    fc.integer({ min: 1, max: 4000 }),
  )
  .map(([unit, times]) => unit.join('').repeat(times));

function check(relativeLinks: boolean) {
  // The clock never moves: a busy machine must not change what a property sees.
  const render = createMarkdown(win, { relativeLinks, now: () => 0 });
  const sanitize = createSanitizer(win, relativeLinks);
  return (source: string) => {
    const { html } = render(source);
    const el = win.document.createElement('div');
    el.innerHTML = html;
    expect(policyViolations(el, relativeLinks)).toEqual([]);
    expect(sanitize(html)).toBe(html);
  };
}

// Bounded by run counts, not time; the timeout only guards against a hang on a busy machine.
describe('R3 fuzzing the Markdown pipeline', { timeout: 60_000 }, () => {
  // A body that makes marked throw is logged and shown as text; the noise is not the point here.
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);

  it.each([
    ['widget', true],
    ['console', false],
  ] as const)(
    'R3 arbitrary text (%s): never throws, stays within the policy, sanitising twice is stable',
    (_name, relative) => {
      fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), check(relative)), runs(200));
    },
  );

  it.each([
    ['widget', true],
    ['console', false],
  ] as const)(
    'R3 Markdown-ish token soup with hostile links and markup (%s): same properties',
    (_name, relative) => {
      fc.assert(fc.property(markdownish, check(relative)), runs(300));
    },
  );

  it('R5 long repetitions of short units: same properties, and they never throw', () => {
    fc.assert(fc.property(repeated, check(true)), runs(60));
  });
});
