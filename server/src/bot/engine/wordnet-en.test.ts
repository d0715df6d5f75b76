import { afterAll, describe, expect, it } from 'vitest';
import { closeWordnet, expansionsOf, parseIndexOffsets, parseSynset } from './wordnet-en.ts';

afterAll(closeWordnet);

describe('WordNet expansions', () => {
  it('reads the synset offsets of an index line, most frequent sense first, skipping the licence header', () => {
    const table = new Map<string, number[]>();
    parseIndexOffsets(
      '  1 This software and database is being provided\ndelivery n 3 2 @ + 3 1 00318033 07335222 07085523\nice_cream n 1 1 @ 1 0 07630165\n',
      table,
    );
    expect(table.get('delivery')).toEqual([318033, 7335222, 7085523]);
    expect(table.has('ice_cream')).toBe(false);
  });

  it('parses a data line: single-word lemmas (markers dropped) and derivation pointers only', () => {
    const s = parseSynset(
      '00043279 04 n 03 delivery 2 obstetrical_delivery 0 Birth(p) 0 003 @ 00030657 n 0000 + 00056644 v 0102 ~ 00186287 n 0000',
    );
    expect(s.words).toEqual(['delivery', 'birth']);
    expect(s.derived).toEqual([{ offset: 56644, pos: 'verb' }]);
  });

  it('gives the synonyms of the most frequent senses from the real database, without the word itself', () => {
    expect(expansionsOf('cheap', { senses: 1, derivations: false })).toContain('inexpensive');
    expect(expansionsOf('sweater', { senses: 1, derivations: false })).toContain('jumper');
    const parcel = expansionsOf('parcels', { senses: 1, derivations: false });
    expect(parcel).toContain('package');
    expect(parcel).not.toContain('parcels');
  });

  it('adds derivationally related words on request, and more senses widen the set', () => {
    const plain = expansionsOf('refund', { senses: 1, derivations: false });
    const derived = expansionsOf('refund', { senses: 1, derivations: true });
    expect(derived.length).toBeGreaterThan(plain.length);
    for (const w of plain) expect(derived).toContain(w);
    expect(expansionsOf('return', { senses: 3, derivations: false }).length).toBeGreaterThan(
      expansionsOf('return', { senses: 1, derivations: false }).length,
    );
    expect(expansionsOf('qwxzv', { senses: 3, derivations: true })).toEqual([]);
  });
});
