// Logistic regression by Newton's method (iteratively reweighted least squares) with a small L2 penalty:
// the calibration of the engine's confidence is fitted with it, per fold in the cross-validation.

export type Logistic = { weights: number[]; bias: number };

export const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

export function predict(model: Logistic, x: readonly number[]): number {
  let z = model.bias;
  for (let i = 0; i < model.weights.length; i++) z += (model.weights[i] ?? 0) * (x[i] ?? 0);
  return sigmoid(z);
}

/** Solves A·x = b (A symmetric positive definite, small) by Gaussian elimination with partial pivoting. */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i] ?? 0]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[p]![c]!)) p = r;
    [m[c], m[p]] = [m[p]!, m[c]!];
    const pivot = m[c]![c]! || 1e-12;
    for (let r = c + 1; r < n; r++) {
      const f = m[r]![c]! / pivot;
      for (let k = c; k <= n; k++) m[r]![k]! -= f * m[c]![k]!;
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let s = m[r]![n]!;
    for (let k = r + 1; k < n; k++) s -= m[r]![k]! * x[k]!;
    x[r] = s / (m[r]![r]! || 1e-12);
  }
  return x;
}

/**
 * Fits P(y = 1 | x) = σ(w·x + b). `sampleWeights` (optional) weigh rows, e.g. so two data sets count the
 * same. `l2` penalises the weights (not the bias).
 */
export function fitLogistic(
  xs: readonly (readonly number[])[],
  ys: readonly (0 | 1)[],
  options: { l2?: number; iterations?: number; sampleWeights?: readonly number[] } = {},
): Logistic {
  const d = xs[0]?.length ?? 0;
  const l2 = options.l2 ?? 1e-3;
  let beta = new Array<number>(d + 1).fill(0); // [w…, b]
  for (let it = 0; it < (options.iterations ?? 50); it++) {
    const grad = new Array<number>(d + 1).fill(0);
    const hess = Array.from({ length: d + 1 }, () => new Array<number>(d + 1).fill(0));
    xs.forEach((x, i) => {
      const row = [...x, 1];
      const p = sigmoid(row.reduce((a, v, j) => a + v * beta[j]!, 0));
      const sw = options.sampleWeights?.[i] ?? 1;
      const r = (p - (ys[i] ?? 0)) * sw;
      const h = p * (1 - p) * sw;
      for (let j = 0; j <= d; j++) {
        grad[j]! += r * row[j]!;
        for (let k = 0; k <= d; k++) hess[j]![k]! += h * row[j]! * row[k]!;
      }
    });
    for (let j = 0; j < d; j++) {
      grad[j]! += l2 * beta[j]!;
      hess[j]![j]! += l2;
    }
    hess[d]![d]! += 1e-9;
    const step = solve(hess, grad);
    beta = beta.map((v, j) => v - step[j]!);
    if (Math.max(...step.map(Math.abs)) < 1e-8) break;
  }
  return { weights: beta.slice(0, d), bias: beta[d]! };
}
