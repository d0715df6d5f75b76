import { describe, expect, it } from 'vitest';
import { detectLanguage } from './language.ts';

describe('language detection', () => {
  it.each([
    ['Jak zwrócić towar?', 'pl'],
    ['jak zrobic zwrot bez paragonu', 'pl'],
    ['czy moge zaplacic przy odbiorze', 'pl'],
    ['How do I return an item?', 'en'],
    ['do u ship to spain', 'en'],
    ['where is my refund', 'en'],
  ])('%s → %s', (text, lang) => {
    expect(detectLanguage(text, ['en', 'pl'])).toBe(lang);
  });

  it('uses the FAQ vocabulary when function words say nothing', () => {
    const knows = (lang: 'en' | 'pl', word: string) => lang === 'pl' && word === 'paczkomat';
    expect(detectLanguage('paczkomat', ['en', 'pl'], knows)).toBe('pl');
  });

  it('returns the only language offered, and the first one on a tie', () => {
    expect(detectLanguage('Jak zwrócić towar?', ['en'])).toBe('en');
    expect(detectLanguage('12345', ['pl', 'en'])).toBe('pl');
  });
});
