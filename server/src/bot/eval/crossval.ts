// k-fold cross-validation of the out-of-vocabulary threshold (`minCoverage`) over a set's dev queries:
// per fold, the threshold with the best balanced score (mean of in-scope accuracy and OOS recall) on the
// other k−1 folds is applied to the held-out fold. Also the calibration of the engine's confidence
// (reliability diagram data: per confidence bin, how often the top entry was right).
import {
  ANSWER_THRESHOLD,
  CLARIFY_FLOOR,
  createEngine,
  type Decision,
  type FaqEntry,
  type Lang,
  SUGGEST_COVERAGE,
  suggestionsOf,
} from '../engine/index.ts';
import type { Query } from './dataset.ts';
import { computeMetrics, type Metrics } from './metrics.ts';
import { predictionOf } from './prediction.ts';

export const COVERAGE_GRID = [0, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7];

export type Spread = { mean: number; sd: number; min: number; max: number };
export type CrossValidation = {
  k: number;
  thresholds: number[];
  top1: Spread;
  inScopeAccuracy: Spread;
  oosRecall: Spread;
  answeredPrecision: Spread;
  /** Right entry answered or offered as "did you mean". */
  reached: Spread;
};
export type ReliabilityBin = {
  from: number;
  to: number;
  count: number;
  meanConfidence: number;
  accuracy: number;
};

/** Deterministic stratified folds: queries grouped by expected label, dealt round-robin in file order. */
export function foldsOf(queries: Query[], k: number): Query[][] {
  const folds: Query[][] = Array.from({ length: k }, () => []);
  const byLabel = new Map<string, Query[]>();
  for (const q of queries) {
    const key = q.expected ?? `oos:${q.oosType ?? ''}`;
    byLabel.set(key, [...(byLabel.get(key) ?? []), q]);
  }
  let next = 0;
  for (const group of byLabel.values())
    for (const q of group) {
      folds[next % k]?.push(q);
      next++;
    }
  return folds;
}

export function spreadOf(values: number[]): Spread {
  const n = values.length;
  const mean = values.reduce((a, b) => a + b, 0) / n;
  const sd = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, n - 1));
  return { mean, sd, min: Math.min(...values), max: Math.max(...values) };
}

const balanced = (m: Metrics) => ((m.inScopeAccuracy ?? 0) + (m.oosRecall ?? m.inScopeAccuracy ?? 0)) / 2;

/** One operating point: the answer threshold (calibrated confidence) and the out-of-vocabulary floor. */
export type OperatingPoint = { answerThreshold: number; minCoverage: number };
/** The operating point before the out-of-vocabulary check: the frozen answer threshold, no coverage floor. */
export const FROZEN_BEFORE: OperatingPoint = { answerThreshold: ANSWER_THRESHOLD, minCoverage: 0 };
export const THRESHOLD_GRID = [0.45, 0.5, 0.55, 0.6, 0.65];

type Scored = { query: Query; decision: Decision; top1: string | null; coverage: number };

/** The engine's decision at an operating point, from its decision at threshold 0 / no floor (as `classify` gates). */
function gate(s: Scored, p: OperatingPoint): Decision {
  const d = s.decision;
  if (d.type !== 'answer' && d.type !== 'clarify') return d;
  if (p.minCoverage > 0 && s.coverage < p.minCoverage) return { type: 'miss', lang: d.lang, candidates: [] };
  if (d.type === 'answer' && d.score < p.answerThreshold)
    return d.score >= CLARIFY_FLOOR && s.coverage >= SUGGEST_COVERAGE
      ? { type: 'clarify', lang: d.lang, candidates: suggestionsOf(d.candidates), near: true }
      : { type: 'miss', lang: d.lang, candidates: d.candidates };
  return d;
}

function metricsAt(scored: Scored[], p: OperatingPoint): Metrics {
  return computeMetrics(
    scored.map((s) => s.query),
    scored.map((s) => predictionOf(gate(s, p), s.top1, 0)),
  );
}

/**
 * k-fold cross-validation over the dev queries of all languages at once (one operating point serves every
 * language): per fold, the grid point with the best balanced score on the other folds, reported per language
 * on the held-out fold.
 */
export function crossValidate(
  entries: FaqEntry[],
  queries: Query[],
  k = 5,
): {
  points: OperatingPoint[];
  byLang: Record<string, CrossValidation>;
  beforeOov: Record<string, CrossValidation>;
} {
  const engine = createEngine(entries, { answerThreshold: 0, minCoverage: 0 });
  const scored: Scored[] = queries.map((q) => ({
    query: q,
    decision: engine.classify(q.text, { lang: q.lang }),
    top1: engine.rank(q.text, { lang: q.lang })[0]?.faqId ?? null,
    coverage: engine.coverage(q.text, { lang: q.lang }),
  }));
  const grid = THRESHOLD_GRID.flatMap((answerThreshold) =>
    COVERAGE_GRID.map((minCoverage) => ({ answerThreshold, minCoverage })),
  );
  const langs = [...new Set(queries.map((q) => q.lang))].sort();
  const folds = foldsOf(
    scored.map((s) => s.query),
    k,
  );
  const foldOf = new Map<Query, number>();
  folds.forEach((f, i) => {
    for (const q of f) foldOf.set(q, i);
  });
  const points: OperatingPoint[] = [];
  const held: Record<string, Metrics[]> = {};
  const frozenHeld: Record<string, Metrics[]> = {};
  for (let f = 0; f < k; f++) {
    const train = scored.filter((s) => foldOf.get(s.query) !== f);
    let best = grid[0]!;
    let bestScore = -1;
    for (const p of grid) {
      // mean over languages of the balanced score, so each language weighs the same
      const score =
        langs.reduce(
          (a, l) =>
            a +
            balanced(
              metricsAt(
                train.filter((s) => s.query.lang === l),
                p,
              ),
            ),
          0,
        ) / langs.length;
      if (score > bestScore + 1e-9) {
        best = p;
        bestScore = score;
      }
    }
    points.push(best);
    for (const l of langs) {
      const test = scored.filter((s) => foldOf.get(s.query) === f && s.query.lang === l);
      const list = held[l] ?? [];
      list.push(metricsAt(test, best));
      held[l] = list;
      const fixed = frozenHeld[l] ?? [];
      fixed.push(metricsAt(test, FROZEN_BEFORE));
      frozenHeld[l] = fixed;
    }
  }
  const summary = (ms: Metrics[]): CrossValidation => {
    const pick = (fn: (m: Metrics) => number | null) => spreadOf(ms.map((m) => (fn(m) ?? 0) * 100));
    return {
      k,
      thresholds: points.map((p) => p.minCoverage),
      top1: pick((m) => m.top1),
      inScopeAccuracy: pick((m) => m.inScopeAccuracy),
      oosRecall: pick((m) => m.oosRecall),
      answeredPrecision: pick((m) => m.answeredPrecision),
      reached: pick((m) => m.reached),
    };
  };
  const byLang: Record<string, CrossValidation> = {};
  const beforeOov: Record<string, CrossValidation> = {};
  for (const l of langs) {
    byLang[l] = summary(held[l] ?? []);
    beforeOov[l] = summary(frozenHeld[l] ?? []);
  }
  return { points, byLang, beforeOov };
}

/** Reliability diagram data over in-scope and OOS queries: the top candidate's confidence vs. being right. */
export function reliability(entries: FaqEntry[], queries: Query[], lang: Lang, bins = 10): ReliabilityBin[] {
  const engine = createEngine(entries);
  const acc = Array.from({ length: bins }, () => ({ count: 0, conf: 0, right: 0 }));
  for (const q of queries) {
    if (q.expected?.startsWith('__')) continue;
    const top = engine.rank(q.text, { lang })[0];
    if (!top) continue;
    const b = acc[Math.min(bins - 1, Math.floor(top.score * bins))]!;
    b.count++;
    b.conf += top.score;
    if (top.faqId === q.expected) b.right++;
  }
  return acc.map((b, i) => ({
    from: i / bins,
    to: (i + 1) / bins,
    count: b.count,
    meanConfidence: b.count ? b.conf / b.count : 0,
    accuracy: b.count ? b.right / b.count : 0,
  }));
}
