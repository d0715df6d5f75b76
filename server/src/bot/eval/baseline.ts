// The plain TF-IDF baseline the README describes: one document per entry (question + examples), folded
// lower-case word tokens, no stop words, cosine; threshold chosen the "balanced" way on tuning queries.
import type { FaqEntry } from '../engine/index.ts';
import { words } from '../engine/normalize.ts';
import { HUMAN, type Query, SMALLTALK } from './dataset.ts';

export type Baseline = { rank(text: string): { id: string; score: number } | null };

export function createBaseline(entries: FaqEntry[]): Baseline {
  const docs = entries.map((e) => {
    const tf = new Map<string, number>();
    for (const w of [e.question, ...e.examples].flatMap(words)) tf.set(w, (tf.get(w) ?? 0) + 1);
    return { id: e.id, tf };
  });
  const df = new Map<string, number>();
  for (const d of docs) for (const w of d.tf.keys()) df.set(w, (df.get(w) ?? 0) + 1);
  const n = docs.length;
  const idf = (w: string): number => Math.log((1 + n) / (1 + (df.get(w) ?? 0))) + 1;
  const vectors = docs.map((d) => {
    const v = new Map<string, number>();
    let norm = 0;
    for (const [w, tf] of d.tf) {
      const x = tf * idf(w);
      v.set(w, x);
      norm += x * x;
    }
    norm = Math.sqrt(norm) || 1;
    for (const [w, x] of v) v.set(w, x / norm);
    return { id: d.id, v };
  });

  function rank(text: string): { id: string; score: number } | null {
    const tf = new Map<string, number>();
    for (const w of words(text)) tf.set(w, (tf.get(w) ?? 0) + 1);
    let norm = 0;
    for (const [w, c] of tf) norm += (c * idf(w)) ** 2;
    norm = Math.sqrt(norm);
    if (norm === 0) return null;
    let best: { id: string; score: number } | null = null;
    for (const d of vectors) {
      let dot = 0;
      for (const [w, c] of tf) dot += c * idf(w) * (d.v.get(w) ?? 0);
      const score = dot / norm;
      if (!best || score > best.score) best = { id: d.id, score };
    }
    return best;
  }
  return { rank };
}

/**
 * The balanced threshold: maximises the mean of in-scope accuracy and OOS recall on the tuning queries.
 * Built-in-intent queries (`__human__`, `__smalltalk__`) take no part.
 */
export function balancedThreshold(baseline: Baseline, queries: Query[]): number {
  const rows = queries
    .filter((q) => q.expected !== HUMAN && q.expected !== SMALLTALK)
    .map((q) => ({ q, r: baseline.rank(q.text) }));
  const inScope = rows.filter((x) => x.q.expected !== null);
  const oos = rows.filter((x) => x.q.expected === null);
  const candidates = [0, ...rows.map((x) => (x.r ? x.r.score + 1e-9 : 0))].sort((a, b) => a - b);
  let best = 0;
  let bestValue = -1;
  for (const t of candidates) {
    const acc =
      inScope.filter((x) => x.r && x.r.score >= t && x.r.id === x.q.expected).length / (inScope.length || 1);
    const rec = oos.length === 0 ? 1 : oos.filter((x) => !x.r || x.r.score < t).length / oos.length;
    const value = (acc + rec) / 2;
    if (value > bestValue) {
      bestValue = value;
      best = t;
    }
  }
  return best;
}
