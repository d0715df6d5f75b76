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
  honestConfidence,
  type Lang,
  MAX_FOREIGN,
  oovFeatures,
  SUGGEST_COVERAGE,
  suggestionsOf,
  type Vocabulary,
} from '../engine/index.ts';
import { type Baseline, balancedThreshold } from './baseline.ts';
import type { Query } from './dataset.ts';
import { fitLogistic, type Logistic } from './logistic.ts';
import { computeMetrics, type Metrics } from './metrics.ts';
import { predictionOf } from './prediction.ts';

export const COVERAGE_GRID = [0, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7];
/** Foreign-word gate (`MAX_FOREIGN`) candidates; `OFF` never gates. */
export const FOREIGN_OFF = Number.POSITIVE_INFINITY;
export const FOREIGN_GRID = [FOREIGN_OFF, 0.25, 0.33, 0.4, 0.5, 0.67];

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
  /** "Talk to a person" and small-talk queries recognised. */
  human: Spread;
  smalltalk: Spread;
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

/**
 * One operating point: the answer threshold (calibrated confidence), the out-of-vocabulary floor and the
 * foreign-word gate (a question with at least this share of foreign content words is a miss).
 */
export type OperatingPoint = { answerThreshold: number; minCoverage: number; maxForeign: number };
/** The operating point before the out-of-vocabulary check: the frozen answer threshold, no coverage floor, no gate. */
export const FROZEN_BEFORE: OperatingPoint = {
  answerThreshold: ANSWER_THRESHOLD,
  minCoverage: 0,
  maxForeign: FOREIGN_OFF,
};
/** The frozen point with the foreign-word gate at `MAX_FOREIGN`. */
export const FROZEN_NOW: OperatingPoint = { ...FROZEN_BEFORE, maxForeign: MAX_FOREIGN };
export const THRESHOLD_GRID = [0.45, 0.5, 0.55, 0.6, 0.65];

type Scored = {
  query: Query;
  decision: Decision;
  top1: string | null;
  coverage: number;
  /** The top candidate's confidence and out-of-vocabulary view (null: an intent or no candidate). */
  top: { confidence: number; vocab: Vocabulary } | null;
};

/** The engine's decision at an operating point, from its decision at threshold 0 / no floor (as `classify` gates). */
function gate(s: Scored, p: OperatingPoint): Decision {
  const d = s.decision;
  if (d.type !== 'answer' && d.type !== 'clarify') return d;
  if (p.minCoverage > 0 && s.coverage < p.minCoverage) return { type: 'miss', lang: d.lang, candidates: [] };
  if (s.top && s.top.vocab.foreign >= p.maxForeign)
    return { type: 'miss', lang: d.lang, candidates: d.candidates };
  if (d.type === 'answer' && d.score < p.answerThreshold)
    return d.score >= CLARIFY_FLOOR && s.coverage >= SUGGEST_COVERAGE
      ? { type: 'clarify', lang: d.lang, candidates: suggestionsOf(d.candidates), near: true }
      : { type: 'miss', lang: d.lang, candidates: d.candidates };
  return d;
}

/** Every operating point the threshold search tries (answer threshold × coverage floor × foreign-word gate). */
function operatingGrid(): OperatingPoint[] {
  return THRESHOLD_GRID.flatMap((answerThreshold) =>
    COVERAGE_GRID.flatMap((minCoverage) =>
      FOREIGN_GRID.map((maxForeign) => ({ answerThreshold, minCoverage, maxForeign })),
    ),
  );
}

/** The point of `grid` with the best mean over languages of the balanced score (each language weighs the same). */
function bestPoint(scored: Scored[], langs: string[], grid: OperatingPoint[]): OperatingPoint {
  let best = grid[0]!;
  let bestScore = -1;
  for (const p of grid) {
    const score =
      langs.reduce(
        (a, l) =>
          a +
          balanced(
            metricsAt(
              scored.filter((s) => s.query.lang === l),
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
  return best;
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
  /** The frozen point with the foreign-word gate at `MAX_FOREIGN` (what `classify` does by default). */
  frozen: Record<string, CrossValidation>;
} {
  const scored = scoreQueries(entries, queries);
  const grid = operatingGrid();
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
  const nowHeld: Record<string, Metrics[]> = {};
  for (let f = 0; f < k; f++) {
    const train = scored.filter((s) => foldOf.get(s.query) !== f);
    const best = bestPoint(train, langs, grid);
    points.push(best);
    for (const l of langs) {
      const test = scored.filter((s) => foldOf.get(s.query) === f && s.query.lang === l);
      const list = held[l] ?? [];
      list.push(metricsAt(test, best));
      held[l] = list;
      const fixed = frozenHeld[l] ?? [];
      fixed.push(metricsAt(test, FROZEN_BEFORE));
      frozenHeld[l] = fixed;
      const now = nowHeld[l] ?? [];
      now.push(metricsAt(test, FROZEN_NOW));
      nowHeld[l] = now;
    }
  }
  const summary = (ms: Metrics[]): CrossValidation =>
    summarise(
      ms,
      k,
      points.map((p) => p.minCoverage),
    );
  const byLang: Record<string, CrossValidation> = {};
  const beforeOov: Record<string, CrossValidation> = {};
  const frozen: Record<string, CrossValidation> = {};
  for (const l of langs) {
    byLang[l] = summary(held[l] ?? []);
    beforeOov[l] = summary(frozenHeld[l] ?? []);
    frozen[l] = summary(nowHeld[l] ?? []);
  }
  return { points, byLang, beforeOov, frozen };
}

export function scoreQueries(entries: FaqEntry[], queries: Query[]): Scored[] {
  const engine = createEngine(entries, {
    answerThreshold: 0,
    minCoverage: 0,
    oovCheck: false,
    maxForeign: FOREIGN_OFF,
  });
  return queries.map((q) => {
    const decision = engine.classify(q.text, { lang: q.lang });
    const first = engine.rank(q.text, { lang: q.lang })[0];
    return {
      query: q,
      decision,
      top1: first?.faqId ?? null,
      coverage: engine.coverage(q.text, { lang: q.lang }),
      top:
        first && decision.type !== 'intent'
          ? { confidence: first.score, vocab: engine.vocabularyOf(q.text, first.faqId, { lang: q.lang }) }
          : null,
    };
  });
}

/** The engine's decision with the out-of-vocabulary check `model` and answer threshold `threshold`. */
function gateHonest(s: Scored, model: Logistic, threshold: number): Decision {
  const d = s.decision;
  if (d.type === 'intent' || !s.top || (d.type === 'clarify' && !d.near)) return d;
  const candidates = d.candidates;
  const h = honestConfidence(s.top.confidence, s.top.vocab, model);
  const best = candidates[0];
  if (best && h >= threshold)
    return { type: 'answer', faqId: best.faqId, score: h, lang: d.lang, candidates };
  return h >= CLARIFY_FLOOR && s.coverage >= SUGGEST_COVERAGE
    ? { type: 'clarify', lang: d.lang, candidates: suggestionsOf(candidates), near: true }
    : { type: 'miss', lang: d.lang, candidates };
}

/** Fits the out-of-vocabulary calibration on scored dev queries: label = the top entry is right (OOS: never). */
export function fitHonest(scored: Scored[]): Logistic {
  const rows = scored.filter((s) => s.top && !s.query.expected?.startsWith('__'));
  return fitLogistic(
    rows.map((s) => oovFeatures(s.top!.confidence, s.top!.vocab)),
    rows.map((s) => (s.query.expected !== null && s.top1 === s.query.expected ? 1 : 0)),
  );
}

export const HONEST_GRID = [0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75];

/** The answer threshold with the best balanced score (mean over languages) under `model`. */
export function bestHonestThreshold(scored: Scored[], model: Logistic): number {
  const langs = [...new Set(scored.map((s) => s.query.lang))];
  let best = HONEST_GRID[0]!;
  let bestScore = -1;
  for (const t of HONEST_GRID) {
    const score =
      langs.reduce(
        (a, l) =>
          a +
          balanced(
            computeMetrics(
              scored.filter((s) => s.query.lang === l).map((s) => s.query),
              scored
                .filter((s) => s.query.lang === l)
                .map((s) => predictionOf(gateHonest(s, model, t), s.top1, 0)),
            ),
          ),
        0,
      ) / langs.length;
    if (score > bestScore + 1e-9) {
      best = t;
      bestScore = score;
    }
  }
  return best;
}

export type HonestCrossValidation = {
  k: number;
  /** Per fold: the model fitted and the threshold chosen on the other folds. */
  folds: { model: Logistic; threshold: number }[];
  byLang: Record<string, CrossValidation>;
  /** Reliability diagram of the out-of-fold honest confidence (each query scored by the model of the other folds). */
  calibration: Record<string, ReliabilityBin[]>;
};

/** k-fold cross-validation of the out-of-vocabulary calibration: fitted and thresholded on k−1 folds, scored on the last. */
export function crossValidateHonest(
  entries: FaqEntry[],
  queries: Query[],
  k = 5,
  /** Fixed answer threshold instead of one chosen per fold. */
  fixedThreshold?: number,
): HonestCrossValidation {
  const scored = scoreQueries(entries, queries);
  const folds = foldsOf(
    scored.map((s) => s.query),
    k,
  );
  const foldOf = new Map<Query, number>();
  folds.forEach((f, i) => {
    for (const q of f) foldOf.set(q, i);
  });
  const langs = [...new Set(queries.map((q) => q.lang))].sort();
  const out: HonestCrossValidation['folds'] = [];
  const held: Record<string, Metrics[]> = {};
  const outOfFold: { lang: string; confidence: number; right: boolean }[] = [];
  for (let f = 0; f < k; f++) {
    const train = scored.filter((s) => foldOf.get(s.query) !== f);
    const model = fitHonest(train);
    const threshold = fixedThreshold ?? bestHonestThreshold(train, model);
    out.push({ model, threshold });
    for (const l of langs) {
      const test = scored.filter((s) => foldOf.get(s.query) === f && s.query.lang === l);
      const m = (gate: (s: Scored) => Decision) =>
        computeMetrics(
          test.map((s) => s.query),
          test.map((s) => predictionOf(gate(s), s.top1, 0)),
        );
      const list = held[l] ?? [];
      list.push(m((s) => gateHonest(s, model, threshold)));
      held[l] = list;
      for (const s of test)
        if (s.top && !s.query.expected?.startsWith('__'))
          outOfFold.push({
            lang: l,
            confidence: honestConfidence(s.top.confidence, s.top.vocab, model),
            right: s.query.expected !== null && s.top1 === s.query.expected,
          });
    }
  }
  const byLang: Record<string, CrossValidation> = {};
  const calibration: Record<string, ReliabilityBin[]> = {};
  for (const l of langs) {
    byLang[l] = summarise(held[l] ?? [], k, []);
    calibration[l] = binsOf(outOfFold.filter((p) => p.lang === l));
  }
  return { k, folds: out, byLang, calibration };
}

/** Reliability diagram bins of (confidence, right) pairs. */
export function binsOf(points: { confidence: number; right: boolean }[], bins = 10): ReliabilityBin[] {
  const acc = Array.from({ length: bins }, () => ({ count: 0, conf: 0, right: 0 }));
  for (const p of points) {
    const b = acc[Math.min(bins - 1, Math.floor(p.confidence * bins))]!;
    b.count++;
    b.conf += p.confidence;
    if (p.right) b.right++;
  }
  return acc.map((b, i) => ({
    from: i / bins,
    to: (i + 1) / bins,
    count: b.count,
    meanConfidence: b.count ? b.conf / b.count : 0,
    accuracy: b.count ? b.right / b.count : 0,
  }));
}

function summarise(ms: Metrics[], k: number, thresholds: number[]): CrossValidation {
  const pick = (fn: (m: Metrics) => number | null) => spreadOf(ms.map((m) => (fn(m) ?? 0) * 100));
  return {
    k,
    thresholds,
    top1: pick((m) => m.top1),
    inScopeAccuracy: pick((m) => m.inScopeAccuracy),
    oosRecall: pick((m) => m.oosRecall),
    answeredPrecision: pick((m) => m.answeredPrecision),
    reached: pick((m) => m.reached),
    human: pick((m) => m.humanAccuracy),
    smalltalk: pick((m) => m.smalltalkAccuracy),
  };
}

/**
 * A threshold baseline (per language) on the same folds as the engine: per fold, the balanced threshold on
 * the other folds' queries of that language, figures on the held-out fold.
 */
export function crossValidateBaseline(
  baselines: Record<string, Baseline>,
  queries: Query[],
  k = 5,
): Record<string, CrossValidation> {
  const folds = foldsOf(queries, k);
  const out: Record<string, CrossValidation> = {};
  for (const [lang, baseline] of Object.entries(baselines)) {
    const ms: Metrics[] = [];
    const thresholds: number[] = [];
    for (let f = 0; f < k; f++) {
      const train = folds
        .filter((_, i) => i !== f)
        .flat()
        .filter((q) => q.lang === lang);
      const test = (folds[f] ?? []).filter((q) => q.lang === lang);
      const t = balancedThreshold(baseline, train);
      thresholds.push(t);
      ms.push(
        computeMetrics(
          test,
          test.map((q) => {
            const r = baseline.rank(q.text);
            return { predicted: r && r.score >= t ? r.id : null, top1: r?.id ?? null, ms: 0 };
          }),
        ),
      );
    }
    out[lang] = summarise(ms, k, thresholds);
  }
  return out;
}

/** Reliability diagram data over in-scope and OOS queries: the top candidate's confidence vs. being right. */
export function reliability(
  entries: FaqEntry[],
  queries: Query[],
  lang: Lang,
  options: { answerWeight?: number } = {},
  bins = 10,
): ReliabilityBin[] {
  const engine = createEngine(entries, options);
  const points: { confidence: number; right: boolean }[] = [];
  for (const q of queries) {
    if (q.expected?.startsWith('__')) continue;
    const top = engine.rank(q.text, { lang })[0];
    if (top) points.push({ confidence: top.score, right: top.faqId === q.expected });
  }
  return binsOf(points, bins);
}

/**
 * `bot:eval --fit-calibration`: the constants fitted on all of a set's dev queries, to paste into
 * `scoring.ts` after the ranking changes: the operating point (answer threshold, coverage floor, foreign-word
 * gate) with the best balanced score, and the out-of-vocabulary calibration (`OOV_CALIBRATION`) with its
 * threshold. The cross-validated figures of the same procedure are what `bot:eval` prints.
 */
export function fitCalibration(
  entries: FaqEntry[],
  queries: Query[],
): { point: OperatingPoint; oovCalibration: Logistic & { threshold: number } } {
  const scored = scoreQueries(entries, queries);
  const langs = [...new Set(queries.map((q) => q.lang))].sort();
  const point = bestPoint(scored, langs, operatingGrid());
  const model = fitHonest(scored);
  return { point, oovCalibration: { ...model, threshold: bestHonestThreshold(scored, model) } };
}
