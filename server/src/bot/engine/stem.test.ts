import { describe, expect, it } from 'vitest';
import { stemEnglish } from './stem-en.ts';
import { stemPolish } from './stem-pl.ts';

describe('English Porter stemmer', () => {
  it.each([
    ['caresses', 'caress'],
    ['ponies', 'poni'],
    ['running', 'run'],
    ['hopping', 'hop'],
    ['relational', 'relat'],
    ['agreed', 'agre'],
    ['shipping', 'ship'],
    ['shipped', 'ship'],
    ['refunded', 'refund'],
    ['cancellation', 'cancel'],
    ['cancelled', 'cancel'],
  ])('%s → %s', (word, stem) => {
    expect(stemEnglish(word)).toBe(stem);
  });

  it('merges British and American spellings of instalments', () => {
    expect(stemEnglish('instalments')).toBe(stemEnglish('installments'));
  });

  it('leaves digits and short words alone', () => {
    expect(stemEnglish('45821')).toBe('45821');
    expect(stemEnglish('is')).toBe('is');
  });
});

describe('Polish light stemmer (on folded words)', () => {
  it('maps inflected forms of one noun to one stem', () => {
    expect(stemPolish('zwrotu')).toBe(stemPolish('zwrot'));
    expect(stemPolish('zwroty')).toBe(stemPolish('zwrot'));
    expect(stemPolish('paczkomatu')).toBe(stemPolish('paczkomacie'));
    expect(stemPolish('paczkomatow')).toBe(stemPolish('paczkomat'));
    expect(stemPolish('faktury')).toBe(stemPolish('fakture'));
    expect(stemPolish('reklamacja')).toBe(stemPolish('reklamacje'));
  });

  it('maps verb forms and verbal nouns of "zamówić" to one stem', () => {
    const stem = stemPolish('zamowienie');
    expect(stemPolish('zamowienia')).toBe(stem);
    expect(stemPolish('zamowilam')).toBe(stem);
    expect(stemPolish('zamowic')).toBe(stem);
  });

  it('leaves short words and numbers unchanged', () => {
    expect(stemPolish('kod')).toBe('kod');
    expect(stemPolish('199')).toBe('199');
  });
});
