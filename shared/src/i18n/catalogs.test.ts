import { describe, expect, it } from 'vitest';
import { CONSOLE_CATALOGS } from './console.ts';
import { pickLocale } from './locale.ts';
import { SERVER_CATALOGS } from './server.ts';
import { format, pluralCategory } from './translate.ts';
import { WIDGET_CATALOGS } from './widget.ts';

describe('catalogs', () => {
  it.each([
    ['widget', WIDGET_CATALOGS],
    ['server', SERVER_CATALOGS],
    ['console', CONSOLE_CATALOGS],
  ] as const)('%s: Polish has every English key, with the same placeholders, none empty', (_n, catalogs) => {
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [key, en] of Object.entries(catalogs.en)) {
      const pl = (catalogs.pl as Record<string, string>)[key];
      expect(pl, key).toBeTruthy();
      expect(placeholders(pl!), key).toEqual(placeholders(en));
    }
  });

  it('format fills placeholders and leaves unknown ones', () => {
    expect(format('{a} and {b}', { a: 1 })).toBe('1 and {b}');
    expect(format('{__proto__}', {})).toBe('{__proto__}');
  });

  it('pluralCategory picks the CLDR form: English one/other, Polish one/few/many', () => {
    expect([1, 2, 5].map((n) => pluralCategory('en', n))).toEqual(['one', 'other', 'other']);
    expect([1, 2, 4, 5, 12, 22, 25].map((n) => pluralCategory('pl', n))).toEqual([
      'one',
      'few',
      'few',
      'many',
      'many',
      'few',
      'many',
    ]);
  });

  it('pickLocale takes the first supported base language', () => {
    expect(pickLocale(['de-DE', 'pl-PL', 'en'])).toBe('pl');
    expect(pickLocale([undefined, 'EN-gb'])).toBe('en');
    expect(pickLocale(['fr'])).toBe('en');
  });
});
