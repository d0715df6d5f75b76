// Evaluation metrics of the faq-eval protocol, from (query, prediction) pairs.
import { HUMAN, type Query, SMALLTALK } from './dataset.ts';

/** What the bot did with one query: an FAQ id, a built-in intent label, or null (hand-off / clarify). */
export type Prediction = { predicted: string | null; top1: string | null; clarified?: string[]; ms: number };

export type Metrics = {
  queries: number;
  inScope: number;
  /** Ranking quality, no threshold: share of in-scope queries whose best-ranked entry is right. */
  top1: number;
  inScopeAccuracy: number;
  oosRecall: number | null;
  oosRecallByType: Record<string, number>;
  answeredPrecision: number | null;
  humanAccuracy: number | null;
  smalltalkAccuracy: number | null;
  /** Share of in-scope queries answered with "Did you mean A or B?", and how often the right one was offered. */
  clarifyRate: number;
  clarifyHit: number | null;
  /** Share of in-scope queries that reach the right entry: answered right, or offered it as "did you mean". */
  reached: number;
  /** Share of out-of-scope queries shown "did you mean" buttons (with a person offered beside them). */
  oosSuggested: number | null;
  latencyMedianMs: number;
  latencyP99Ms: number;
};

function ratio(hit: number, total: number): number | null {
  return total === 0 ? null : hit / total;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] ?? 0;
}

const isFaqId = (id: string | null): id is string =>
  id !== null && id !== HUMAN && id !== SMALLTALK && !id.startsWith('__');

export function computeMetrics(queries: Query[], predictions: Prediction[]): Metrics {
  let inScope = 0;
  let top1 = 0;
  let correct = 0;
  let oos = 0;
  let oosHandedOff = 0;
  let oosSuggested = 0;
  const byType = new Map<string, { n: number; hit: number }>();
  let answered = 0;
  let answeredRight = 0;
  let human = 0;
  let humanRight = 0;
  let small = 0;
  let smallRight = 0;
  let clarified = 0;
  let clarifiedHit = 0;
  queries.forEach((q, i) => {
    const p = predictions[i];
    if (!p) return;
    if (isFaqId(p.predicted)) {
      answered++;
      if (p.predicted === q.expected) answeredRight++;
    }
    if (q.expected === null) {
      oos++;
      const handedOff = !isFaqId(p.predicted);
      if (handedOff) oosHandedOff++;
      if (p.clarified) oosSuggested++;
      const type = q.oosType ?? 'unspecified';
      const t = byType.get(type) ?? { n: 0, hit: 0 };
      t.n++;
      if (handedOff) t.hit++;
      byType.set(type, t);
    } else if (q.expected === HUMAN) {
      human++;
      if (p.predicted === HUMAN) humanRight++;
    } else if (q.expected === SMALLTALK) {
      small++;
      if (p.predicted === SMALLTALK) smallRight++;
    } else {
      inScope++;
      if (p.top1 === q.expected) top1++;
      if (p.predicted === q.expected) correct++;
      if (p.clarified) {
        clarified++;
        if (p.clarified.includes(q.expected)) clarifiedHit++;
      }
    }
  });
  const ms = predictions.map((p) => p.ms).sort((a, b) => a - b);
  const oosRecallByType: Record<string, number> = {};
  for (const [type, t] of [...byType].sort()) oosRecallByType[type] = t.hit / t.n;
  return {
    queries: queries.length,
    inScope,
    top1: ratio(top1, inScope) ?? 0,
    inScopeAccuracy: ratio(correct, inScope) ?? 0,
    oosRecall: ratio(oosHandedOff, oos),
    oosRecallByType,
    answeredPrecision: ratio(answeredRight, answered),
    humanAccuracy: ratio(humanRight, human),
    smalltalkAccuracy: ratio(smallRight, small),
    clarifyRate: ratio(clarified, inScope) ?? 0,
    clarifyHit: ratio(clarifiedHit, clarified),
    reached: ratio(correct + clarifiedHit, inScope) ?? 0,
    oosSuggested: ratio(oosSuggested, oos),
    latencyMedianMs: percentile(ms, 50),
    latencyP99Ms: percentile(ms, 99),
  };
}
