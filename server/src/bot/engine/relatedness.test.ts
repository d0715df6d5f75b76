import { describe, expect, it } from 'vitest';
import {
  createRelatedness,
  fromMaps,
  neighbourhood,
  parseHypernyms,
  parseIndexSynsets,
  wordGraph,
} from './relatedness.ts';

describe('WordNet relatedness', () => {
  it('parses index lines into sense-ordered synsets and data lines into hypernyms', () => {
    const synsets = new Map<string, number[]>();
    parseIndexSynsets('  1 licence header\nsweater n 2 4 @ ~ %p + 2 1 04377135 10438480  \n', 0, synsets);
    expect(synsets.get('sweater')).toEqual([4377135 * 2, 10438480 * 2]);
    const ups = new Map<number, number[]>();
    parseHypernyms(
      '04377135 06 n 02 sweater 0 jumper 0 002 @ 03419014 n 0000 ~ 02387603 n 0000 | a crocheted or knitted garment\n',
      0,
      ups,
    );
    expect(ups.get(4377135 * 2)).toEqual([3419014 * 2]);
  });

  it('relates words joined by a short hypernym path through a specific synset, not through the root', () => {
    // entity(0) > artifact(1) > … > clothing(5) > garment(6) > sweater(7); vehicle(5) > tractor(6)
    const chain = ['entity', 'object', 'whole', 'artifact', 'covering', 'clothing', 'garment', 'sweater'];
    const synsets = new Map<string, number[]>();
    const ups = new Map<number, number[]>();
    chain.forEach((w, i) => {
      synsets.set(w, [i * 2]);
      ups.set(i * 2, i === 0 ? [] : [(i - 1) * 2]);
    });
    synsets.set('clothes', [5 * 2]);
    synsets.set('vehicle', [100]);
    ups.set(100, [3 * 2]);
    synsets.set('tractor', [102]);
    ups.set(102, [100]);
    const g = fromMaps(synsets, new Set(synsets.keys()), ups);
    expect(neighbourhood(g, 'sweater', 2, 3)).toEqual(
      new Map([
        [14, 0],
        [12, 1],
        [10, 2],
      ]),
    );
    const r = createRelatedness(g);
    r.add('clothes');
    expect(r.related('sweater')).toBe(true);
    expect(r.related('garment')).toBe(true);
    expect(r.related('tractor')).toBe(false); // joined to clothes only through "artifact", too general
    r.remove('clothes');
    expect(r.related('sweater')).toBe(false);
  });

  it('on WordNet 3.1: a sweater is near clothes, a tractor and a router are not near gift cards and returns', () => {
    const r = createRelatedness(wordGraph());
    for (const w of ['clothes', 'gift', 'card', 'return', 'item', 'refund', 'money']) r.add(w);
    expect(r.related('sweater')).toBe(true);
    expect(r.related('sweaters')).toBe(true);
    expect(r.related('tractor')).toBe(false);
    expect(r.related('tractors')).toBe(false);
    expect(r.related('photosynthesis')).toBe(false);
  });
});
