import { describe, expect, it } from 'vitest';
import type { FaqEntry } from '../engine/index.ts';
import { binsOf, crossValidate, crossValidateHonest, foldsOf, reliability, spreadOf } from './crossval.ts';
import type { Query } from './dataset.ts';

const q = (text: string, expected: string | null, oosType?: string): Query => ({
  text,
  expected,
  lang: 'en',
  ...(oosType ? { oosType } : {}),
});

const entries: FaqEntry[] = [
  {
    id: 'ship',
    lang: 'en',
    question: 'How much is shipping?',
    examples: ['delivery cost', 'shipping price'],
    answer: 'Shipping costs 10 PLN.',
  },
  {
    id: 'ret',
    lang: 'en',
    question: 'How do I return an item?',
    examples: ['send it back', 'return a product'],
    answer: 'Use the return form.',
  },
];

describe('k-fold cross-validation', () => {
  it('deals every query into exactly one fold, each label spread over the folds', () => {
    const queries = [
      ...Array.from({ length: 10 }, (_, i) => q(`a${i}`, 'A')),
      ...Array.from({ length: 5 }, (_, i) => q(`o${i}`, null, 'ood')),
    ];
    const folds = foldsOf(queries, 5);
    expect(folds.flat()).toHaveLength(15);
    expect(new Set(folds.flat())).toEqual(new Set(queries));
    for (const f of folds) expect(f.filter((x) => x.expected === 'A')).toHaveLength(2);
  });

  it('reports mean, sample standard deviation and range', () => {
    expect(spreadOf([80, 90, 100])).toEqual({ mean: 90, sd: 10, min: 80, max: 100 });
  });

  it('chooses an operating point per fold and reports held-out figures per language', () => {
    const queries = [
      q('how much does shipping cost', 'ship'),
      q('delivery price?', 'ship'),
      q('what is the shipping price', 'ship'),
      q('how to return an item', 'ret'),
      q('i want to send it back', 'ret'),
      q('return a product how', 'ret'),
      q('do you sell tractors', null, 'ood'),
      q('what is the capital of peru', null, 'ood'),
      q('tractor engine oil', null, 'ood'),
    ];
    const cv = crossValidate(entries, queries, 3);
    expect(cv.points).toHaveLength(3);
    const en = cv.byLang.en;
    expect(en?.k).toBe(3);
    expect(en?.top1.mean).toBe(100);
    expect(en?.oosRecall.min).toBeGreaterThanOrEqual(0);
    expect(cv.beforeOov.en?.top1.mean).toBe(100);
  });

  it('bins the top confidence for the reliability diagram', () => {
    const bins = reliability(
      entries,
      [q('shipping cost', 'ship'), q('return item', 'ret'), q('delivery price', null)],
      'en',
      {},
      5,
    );
    expect(bins).toHaveLength(5);
    expect(bins.reduce((a, b) => a + b.count, 0)).toBe(3);
    for (const b of bins) expect(b.accuracy).toBeGreaterThanOrEqual(0);
  });

  it('cross-validates the out-of-vocabulary check: a model and threshold per fold, out-of-fold calibration', () => {
    const queries = [
      q('how much does shipping cost', 'ship'),
      q('delivery price?', 'ship'),
      q('what is the shipping price', 'ship'),
      q('how to return an item', 'ret'),
      q('i want to send it back', 'ret'),
      q('return a product how', 'ret'),
      q('do you sell tractors', null, 'ood'),
      q('what is the capital of peru', null, 'ood'),
      q('tractor engine oil', null, 'ood'),
    ];
    const cv = crossValidateHonest(entries, queries, 3);
    expect(cv.folds).toHaveLength(3);
    for (const f of cv.folds) expect(f.model.weights).toHaveLength(4);
    expect(cv.byLang.en?.top1.mean).toBe(100);
    const bins = cv.calibration.en ?? [];
    // every in-scope query has a top entry; an OOS query sharing no word with the FAQ has none
    const binned = bins.reduce((a, b) => a + b.count, 0);
    expect(binned).toBeGreaterThanOrEqual(6);
    expect(binned).toBeLessThanOrEqual(queries.length);
  });

  it('bins (confidence, right) pairs with the accuracy of each bin', () => {
    const bins = binsOf(
      [
        { confidence: 0.95, right: true },
        { confidence: 0.91, right: false },
        { confidence: 0.05, right: false },
      ],
      10,
    );
    expect(bins[9]).toMatchObject({ count: 2, accuracy: 0.5 });
    expect(bins[9]?.meanConfidence).toBeCloseTo(0.93);
    expect(bins[0]).toMatchObject({ count: 1, accuracy: 0 });
  });
});
