import { describe, expect, it } from 'vitest';
import { createAnalyzer } from './analyzer.ts';
import { createLangIndex } from './lang-index.ts';
import { combine } from './scoring.ts';

const ids = (rows: { id: string }[]) => rows.map((r) => r.id);

describe('secondary texts at a weight', () => {
  it('a word only an answer has finds the entry, but a question word outranks the same word in an answer', () => {
    const idx = createLangIndex(createAnalyzer('en', []));
    idx.put(
      'warranty',
      ['How long is the guarantee?'],
      [],
      [{ text: 'Two years for every appliance.', weight: 0.3 }],
    );
    idx.put('appliances', ['Which appliance brands do you sell?']);
    idx.put('hours', ['When are you open?']);
    expect(ids(idx.search('appliance brands', combine, 3))[0]).toBe('appliances');
    expect(ids(idx.search('how many years', combine, 3))).toContain('warranty');
  });

  it('weight 0 or an empty text changes nothing', () => {
    const plain = createLangIndex(createAnalyzer('en', []));
    const zero = createLangIndex(createAnalyzer('en', []));
    for (const [id, q] of [
      ['a', 'Where is my parcel?'],
      ['b', 'Can I pay by card?'],
    ] as const) {
      plain.put(id, [q]);
      zero.put(
        id,
        [q],
        [],
        [
          { text: 'cards and parcels', weight: 0 },
          { text: '  ', weight: 0.5 },
        ],
      );
    }
    const a = plain.search('parcel card', combine, 2);
    const b = zero.search('parcel card', combine, 2);
    expect(ids(b)).toEqual(ids(a));
    expect(b.map((r) => r.score)).toEqual(a.map((r) => r.score));
  });

  it('a secondary text counts only partly towards the coverage signal', () => {
    const idx = createLangIndex(createAnalyzer('en', []));
    idx.put('own', ['gift wrapping'], [], []);
    idx.put('answer', ['presents'], [], [{ text: 'gift wrapping', weight: 0.3 }]);
    const rows = idx.search('gift wrapping', combine, 2);
    const own = rows.find((r) => r.id === 'own');
    const viaAnswer = rows.find((r) => r.id === 'answer');
    expect(own?.features.coverage).toBeCloseTo(1, 5);
    expect(viaAnswer?.features.coverage).toBeCloseTo(0.3, 5);
  });
});
