import { describe, expect, it } from 'vitest';
import { createAnalyzer } from './analyzer.ts';
import { createLangIndex } from './lang-index.ts';
import {
  imperfectiveOf,
  isPolishNoun,
  isPolishWord,
  parseAffixes,
  parseWords,
  polishLemma,
  verbOfNoun,
} from './lexicon-pl.ts';
import { combine } from './scoring.ts';
import { stemPolish } from './stem-pl.ts';

describe('Hunspell parsing', () => {
  it('reads suffix and prefix rules with their folded endings and conditions', () => {
    const { suffixes, prefixes } = parseAffixes(
      ['PFX b Y 1', 'PFX b   0  nie  .', 'SFX M Y 2', 'SFX M   a  ę  a', 'SFX M   ka  ek  [^c]ka'].join('\n'),
    );
    expect(prefixes).toHaveLength(1);
    expect(prefixes[0]?.add).toBe('nie');
    const e = suffixes.get('e')?.get('a')?.[0];
    expect(e?.strip).toBe('a');
    expect(e?.condition?.test('ręka')).toBe(true);
    expect(suffixes.get('ek')?.get('ka')?.[0]?.condition?.test('ręcka')).toBe(false);
  });

  it('keys .dic lines by the folded word and keeps them as written', () => {
    const words = parseWords(['3', 'żółw/NOsT', 'Łódź/M', 'zolw'].join('\n'));
    expect(words.get('zolw')).toBe('żółw/NOsT\nzolw');
    expect(words.get('lodz')).toBe('Łódź/M');
  });
});

describe('Polish lemmas from dictionary-pl', () => {
  it('reads inflected nouns, adjectives and verbs as their lemma, with or without diacritics', () => {
    expect(polishLemma('ksiazki')).toBe('ksiazka');
    expect(polishLemma('ksiazek')).toBe('ksiazka');
    expect(polishLemma('samochodem')).toBe('samochod');
    expect(polishLemma('zoltych')).toBe('zolty');
    expect(polishLemma('zolty')).toBe('zolty');
    expect(polishLemma('lodowce')).toBe('lodowka');
    expect(polishLemma('xqzvt')).toBeNull();
  });

  it('reads a verbal noun as its verb and a prefixed perfective as its imperfective', () => {
    expect(verbOfNoun('czytanie')).toBe('czytac');
    expect(verbOfNoun('malowanie')).toBe('malowac');
    expect(imperfectiveOf('wyrzucic')).toBe('wyrzucac');
    expect(imperfectiveOf('odnowic')).toBe('odnawiac');
    expect(imperfectiveOf('kupic')).toBeNull(); // no prefix: "kupać" is another verb
    expect(polishLemma('wyrzucilam')).toBe(polishLemma('wyrzucam'));
  });

  it('gives every form of a word one stem', () => {
    expect(stemPolish('ksiazkami')).toBe(stemPolish('ksiazka'));
    expect(stemPolish('rowerem')).toBe(stemPolish('rowery'));
    expect(stemPolish('odnowilismy')).toBe(stemPolish('odnawiamy'));
    expect(stemPolish('malowanie')).toBe(stemPolish('maluje'));
  });

  it('knows real words in any form, not misspellings', () => {
    for (const w of ['rowerem', 'zolte', 'niebieskich', 'lodowke', 'piszemy'])
      expect(isPolishWord(w), w).toBe(true);
    for (const w of ['roweer', 'lodowkka', 'piszmey', 'abc1']) expect(isPolishWord(w), w).toBe(false);
  });

  it('tells nouns from verbs and adjectives', () => {
    expect(isPolishNoun('rowerem')).toBe(true);
    expect(isPolishNoun('zoltych')).toBe(false);
    expect(isPolishNoun('piszemy')).toBe(false);
  });
});

describe('Polish typo guard in the index', () => {
  const coverageOf = (query: string, guarded: boolean): number => {
    const idx = createLangIndex(createAnalyzer('pl', []), guarded ? isPolishWord : undefined);
    idx.put('washer', ['Czy naprawiacie pralki?', 'serwis pralek']);
    idx.put('other', ['Gdzie jest sklep?']);
    return idx.search(query, combine, 2).find((r) => r.id === 'washer')?.features.coverage ?? 0;
  };

  it('leaves a real look-alike word alone ("pałki" is not "pralki")', () => {
    expect(coverageOf('palki', false)).toBeCloseTo(1);
    expect(coverageOf('palki', true)).toBe(0);
  });

  it('still corrects a misspelt FAQ word', () => {
    expect(coverageOf('pralkki', true)).toBeCloseTo(1);
  });
});
