import { describe, expect, it } from 'vitest';
import { foldText, highlightParts, SEARCH_LIMITS, searchTerms, snippetParts } from './search.ts';

describe('search terms and highlighting', () => {
  it('folds Polish diacritics, ł included, and lower-cases', () => {
    expect(foldText('Żółty ŁAŃCUCH, Łódź')).toBe('zolty lancuch, lodz');
  });

  it('takes the words of a query, folded, without duplicates or punctuation, at most termsMax', () => {
    expect(searchTerms('  "Zwrot" zwrot; <b>ŻÓŁTY</b> ')).toEqual(['zwrot', 'b', 'zolty']);
    expect(searchTerms('a b c d e f g h i j k')).toHaveLength(SEARCH_LIMITS.termsMax);
    expect(searchTerms('*** ()')).toEqual([]);
  });

  it('marks whole words that start with a term, in the original spelling', () => {
    expect(highlightParts('Chcę zwrotu za żółty płaszcz', ['zwrot', 'zolty'])).toEqual([
      { text: 'Chcę ', hit: false },
      { text: 'zwrotu', hit: true },
      { text: ' za ', hit: false },
      { text: 'żółty', hit: true },
      { text: ' płaszcz', hit: false },
    ]);
  });

  it('R4: markup in a message stays text in the parts (nothing is HTML)', () => {
    const parts = highlightParts('<img src=x onerror=alert(1)> refund', ['refund']);
    expect(parts.map((p) => p.text).join('')).toBe('<img src=x onerror=alert(1)> refund');
    expect(parts.filter((p) => p.hit).map((p) => p.text)).toEqual(['refund']);
  });

  it('cuts a window around the first hit with ellipses, one line', () => {
    const text = `${'lorem '.repeat(60)}\n\nthe refund\tarrived ${'ipsum '.repeat(60)}`;
    const parts = snippetParts(text, ['refund'], 60);
    expect(parts[0]).toEqual({ text: '…', hit: false });
    expect(parts[parts.length - 1]).toEqual({ text: '…', hit: false });
    expect(parts.find((p) => p.hit)?.text).toBe('refund');
    const joined = parts.map((p) => p.text).join('');
    expect(joined).not.toMatch(/[\n\t]/);
    expect(joined.length).toBeLessThanOrEqual(62);
  });

  it('a short text without hits comes back whole', () => {
    expect(snippetParts('hello there', ['zzz'])).toEqual([{ text: 'hello there', hit: false }]);
  });
});

describe('search query schema', () => {
  it('A3 an empty, odd or impossible day is refused as invalid input, never a thrown RangeError', async () => {
    const v = await import('valibot');
    const { SearchQuerySchema } = await import('./search-schemas.ts');
    for (const to of ['', '2026-13-45', '2026-02-30', 'x'])
      expect(v.safeParse(SearchQuerySchema, { q: 'zwrot', to }).success).toBe(false);
    expect(v.safeParse(SearchQuerySchema, { q: 'zwrot', to: '2026-02-28' }).success).toBe(true);
  });
});
