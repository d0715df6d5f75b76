import { describe, expect, it } from 'vitest';
import { createVocabulary, editDistance } from './typo.ts';

describe('editDistance', () => {
  it('counts insertions, deletions, substitutions and adjacent transpositions', () => {
    expect(editDistance('dostawa', 'dostwa')).toBe(1);
    expect(editDistance('dostawy', 'dostway')).toBe(1);
    expect(editDistance('refund', 'refudn')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });
});

describe('vocabulary correction', () => {
  const vocab = createVocabulary();
  for (const w of [
    'dostawa',
    'dostawy',
    'promocyjny',
    'infolinii',
    'countries',
    'damaged',
    'account',
    'refund',
  ])
    vocab.add(w);

  it('corrects Polish typos typed without diacritics', () => {
    expect(vocab.correct('dostwa')).toBe('dostawa');
    expect(vocab.correct('promocyjy')).toBe('promocyjny');
    expect(vocab.correct('infolini')).toBe('infolinii');
  });

  it('corrects English typos, distance 2 only for long words', () => {
    expect(vocab.correct('coutries')).toBe('countries');
    expect(vocab.correct('damged')).toBe('damaged');
    expect(vocab.correct('acount')).toBe('account');
    expect(vocab.correct('rfnd')).toBe('rfnd');
  });

  it('leaves known words, short words and unrelated words alone', () => {
    expect(vocab.correct('refund')).toBe('refund');
    expect(vocab.correct('abc')).toBe('abc');
    expect(vocab.correct('weather')).toBe('weather');
  });

  it('forgets a word once every use of it is removed', () => {
    const v = createVocabulary();
    v.add('voucher');
    v.add('voucher');
    v.remove('voucher');
    expect(v.correct('vouchr')).toBe('voucher');
    v.remove('voucher');
    expect(v.has('voucher')).toBe(false);
    expect(v.correct('vouchr')).toBe('vouchr');
  });
});
