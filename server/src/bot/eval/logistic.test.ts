import { describe, expect, it } from 'vitest';
import { fitLogistic, predict } from './logistic.ts';

describe('logistic regression', () => {
  it('recovers the weights of a known logistic model from its expected labels', () => {
    // rows repeated with label shares equal to σ(2x − 1): the maximum-likelihood fit is that model
    const xs: number[][] = [];
    const ys: (0 | 1)[] = [];
    for (const x of [-1, -0.5, 0, 0.5, 1, 1.5]) {
      const p = 1 / (1 + Math.exp(-(2 * x - 1)));
      const ones = Math.round(p * 1000);
      for (let i = 0; i < 1000; i++) {
        xs.push([x]);
        ys.push(i < ones ? 1 : 0);
      }
    }
    const m = fitLogistic(xs, ys, { l2: 0 });
    expect(m.weights[0]).toBeCloseTo(2, 1);
    expect(m.bias).toBeCloseTo(-1, 1);
  });

  it('separates two classes by the informative feature and ignores the constant one', () => {
    const xs = [
      [0, 1],
      [0.1, 1],
      [0.2, 1],
      [0.8, 1],
      [0.9, 1],
      [1, 1],
    ];
    const m = fitLogistic(xs, [0, 0, 0, 1, 1, 1], { l2: 0.1 });
    expect(predict(m, [1, 1])).toBeGreaterThan(0.8);
    expect(predict(m, [0, 1])).toBeLessThan(0.2);
  });

  it('weighs rows by their sample weight', () => {
    const xs = [[1], [1]];
    const m = fitLogistic(xs, [1, 0], { l2: 0, sampleWeights: [3, 1] });
    expect(predict(m, [1])).toBeCloseTo(0.75, 3);
  });
});
