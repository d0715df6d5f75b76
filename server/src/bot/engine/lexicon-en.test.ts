import { describe, expect, it } from 'vitest';
import { createAnalyzer } from './analyzer.ts';
import { createLangIndex } from './lang-index.ts';
import { isEnglishWord, parseIndex } from './lexicon-en.ts';
import { combine } from './scoring.ts';

describe('parseIndex', () => {
  it('keeps single-word lemmas and skips the license header and multi-word lemmas', () => {
    const set = new Set<string>();
    parseIndex(
      '  1 This software and database\nparcel n 2 3 @ ~ + 2 1 0001 0002\nparcel_post n 1 1 @ 1 0 0003\n',
      set,
    );
    expect([...set]).toEqual(['parcel']);
  });
});

describe('isEnglishWord', () => {
  it('knows real words and their inflected forms', () => {
    for (const w of ['router', 'capital', 'shopping', 'parcels', 'boxes', 'refunded', 'cheaper'])
      expect(isEnglishWord(w), w).toBe(true);
  });

  it('does not know typos, so those are still corrected', () => {
    for (const w of ['shiping', 'damged', 'coutries', 'refnud']) expect(isEnglishWord(w), w).toBe(false);
  });
});

describe('typo guard in the index', () => {
  const texts = ['How much is shipping?', 'What does shipping cost?'];
  const coverageOf = (query: string, guarded: boolean): number => {
    const idx = createLangIndex(createAnalyzer('en', []), guarded ? isEnglishWord : undefined);
    idx.put('shipping', texts);
    idx.put('other', ['Where is my order?']);
    return idx.search(query, combine, 2).find((r) => r.id === 'shipping')?.features.coverage ?? 0;
  };

  it('leaves a real word the FAQ does not use alone ("shopping" is not "shipping")', () => {
    expect(coverageOf('shopping', false)).toBeCloseTo(1);
    expect(coverageOf('shopping', true)).toBe(0);
  });

  it('still corrects a misspelt FAQ word', () => {
    expect(coverageOf('shiping', true)).toBeCloseTo(1);
  });
});
