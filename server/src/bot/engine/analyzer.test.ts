import { describe, expect, it } from 'vitest';
import { createAnalyzer, STOP_MARK } from './analyzer.ts';
import { baseSynonyms } from './synonyms.ts';

const en = createAnalyzer('en', baseSynonyms('en'));
const pl = createAnalyzer('pl', baseSynonyms('pl'));
const content = (terms: string[]) => terms.filter((t) => !t.startsWith(STOP_MARK));

describe('analyzer', () => {
  it('marks stop words in both languages and keeps content words', () => {
    const e = en.analyze('Where is my refund?');
    expect(e.terms).toContain(`${STOP_MARK}is`);
    expect(content(e.terms)).toEqual(['where', 'refund']);
    const p = pl.analyze('Czy mogę się zalogować?');
    expect(p.terms).toContain(`${STOP_MARK}sie`);
    expect(p.words).not.toContain('czy');
  });

  it('gives the same terms with and without Polish diacritics', () => {
    expect(pl.analyze('Jak zwrócić zamówienie?').terms).toEqual(pl.analyze('jak zwrocic zamowienie').terms);
  });

  it('maps Polish synonyms and inflections to one term: zwrot / zwrotu / zwrócić / oddać', () => {
    const term = content(pl.analyze('zwrot').terms)[0];
    for (const text of ['zwrotu', 'zwrócić', 'oddać', 'odesłać'])
      expect(content(pl.analyze(text).terms)).toEqual([term]);
  });

  it('maps English synonyms and phrases, skipping stop words inside a phrase', () => {
    expect(content(en.analyze('send it back').terms)).toEqual(content(en.analyze('return').terms));
    expect(content(en.analyze('gift voucher').terms)).toEqual(content(en.analyze('gift card').terms));
    expect(content(en.analyze('pw').terms)).toEqual(content(en.analyze('password').terms));
  });

  it('adds a site synonym group to the built-in list', () => {
    const site = createAnalyzer('en', [['sofa', 'couch', 'settee'], ...baseSynonyms('en')]);
    expect(content(site.analyze('couch').terms)).toEqual(content(site.analyze('sofa').terms));
  });

  it('applies a typo corrector to content words only', () => {
    const fix = (w: string) => (w === 'dostwa' ? 'dostawa' : w);
    expect(pl.analyze('czy dostwa jest za darmo', fix).terms).toEqual(
      pl.analyze('czy dostawa jest za darmo').terms,
    );
  });
});
