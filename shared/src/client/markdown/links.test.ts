import { describe, expect, it } from 'vitest';
import { allowedUriPattern, isSafeHref } from './links.ts';

describe('R2 link targets', () => {
  it.each(['https://a.example', 'HTTP://A.EXAMPLE', 'mailto:help@a.example', 'tel:+48123'])(
    '%s may be followed everywhere',
    (href) => {
      expect(isSafeHref(href, false)).toBe(true);
      expect(isSafeHref(href, true)).toBe(true);
      expect(allowedUriPattern(false).test(href)).toBe(true);
    },
  );

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' java\nscript:alert(1)',
    'java\tscript:alert(1)',
    '\u0000javascript:alert(1)',
    'data:text/html;base64,PHNjcmlwdD4=',
    'DATA:text/html,x',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
  ])('%j is never a link', (href) => {
    expect(isSafeHref(href, false)).toBe(false);
    expect(isSafeHref(href, true)).toBe(false);
  });

  it('relative links are kept only where the renderer allows them', () => {
    for (const href of ['/faq', '#top', '?q=1', 'returns.html']) {
      expect(isSafeHref(href, true)).toBe(true);
      expect(isSafeHref(href, false)).toBe(false);
      expect(allowedUriPattern(true).test(href)).toBe(true);
      expect(allowedUriPattern(false).test(href)).toBe(false);
    }
  });
});
