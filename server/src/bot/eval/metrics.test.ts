import { describe, expect, it } from 'vitest';
import { HUMAN, type Query, SMALLTALK } from './dataset.ts';
import { computeMetrics, type Prediction, percentile } from './metrics.ts';

const q = (expected: string | null, oosType?: string): Query => ({
  text: 't',
  expected,
  lang: 'en',
  ...(oosType ? { oosType } : {}),
});
const p = (predicted: string | null, top1: string | null = predicted, ms = 1): Prediction => ({
  predicted,
  top1,
  ms,
});

describe('computeMetrics', () => {
  it('computes the protocol figures', () => {
    const queries = [
      q('a'),
      q('b'),
      q('c'),
      q(null, 'in-domain'),
      q(null, 'out-of-domain'),
      q(HUMAN),
      q(SMALLTALK),
    ];
    const predictions = [
      p('a', 'a', 1),
      p(null, 'b', 2),
      p('a', 'a', 3),
      p('a', 'a', 4),
      p(null, 'x', 5),
      p(HUMAN, null, 6),
      p('a', 'a', 7),
    ];
    const m = computeMetrics(queries, predictions);
    expect(m.inScope).toBe(3);
    expect(m.top1).toBeCloseTo(2 / 3);
    expect(m.inScopeAccuracy).toBeCloseTo(1 / 3);
    expect(m.oosRecall).toBeCloseTo(1 / 2);
    expect(m.oosRecallByType).toEqual({ 'in-domain': 0, 'out-of-domain': 1 });
    // answered: a(right), a(wrong for c), a(OOS), a(small talk) → 1 of 4
    expect(m.answeredPrecision).toBeCloseTo(1 / 4);
    expect(m.humanAccuracy).toBe(1);
    expect(m.smalltalkAccuracy).toBe(0);
    expect(m.latencyMedianMs).toBe(4);
    expect(m.latencyP99Ms).toBe(7);
  });

  it('reports clarifications apart and leaves absent categories null', () => {
    const m = computeMetrics(
      [q('a'), q('b')],
      [{ predicted: null, top1: 'a', clarified: ['a', 'b'], ms: 1 }, p('b')],
    );
    expect(m.clarifyRate).toBe(0.5);
    expect(m.clarifyHit).toBe(1);
    // reached: a offered as "did you mean", b answered right
    expect(m.reached).toBe(1);
    expect(m.oosRecall).toBeNull();
    expect(m.oosSuggested).toBeNull();
    expect(m.humanAccuracy).toBeNull();
  });

  it('counts out-of-scope questions shown suggestions apart from those answered', () => {
    const m = computeMetrics(
      [q(null), q(null), q('a')],
      [
        { predicted: null, top1: 'a', clarified: ['a'], ms: 1 },
        p('a'),
        { predicted: null, top1: 'b', clarified: ['b'], ms: 1 },
      ],
    );
    expect(m.oosRecall).toBe(0.5);
    expect(m.oosSuggested).toBe(0.5);
    expect(m.reached).toBe(0);
  });

  it('percentile takes the nearest rank', () => {
    expect(percentile([1, 2, 3, 4], 50)).toBe(2);
    expect(percentile([], 50)).toBe(0);
  });
});
