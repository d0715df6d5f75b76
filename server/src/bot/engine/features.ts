// Feature extraction shared by documents and queries: term counts, character n-grams, term bigrams.
import type { Analysis } from './analyzer.ts';

export type Features = {
  terms: Map<string, number>;
  grams: Map<string, number>;
  bigrams: Set<string>;
};

const GRAM_SIZES = [3, 4] as const;

function bump(map: Map<string, number>, key: string, by = 1): void {
  map.set(key, (map.get(key) ?? 0) + by);
}

/** Character 3- and 4-grams of each word with boundary marks ("^zwrot$" → "^zw", "zwr", … "ot$"). */
export function charGrams(words: string[]): Map<string, number> {
  const grams = new Map<string, number>();
  for (const w of words) {
    const padded = `^${w}$`;
    for (const n of GRAM_SIZES) {
      for (let i = 0; i + n <= padded.length; i++) bump(grams, padded.slice(i, i + n));
    }
  }
  return grams;
}

export function featuresOf(analysis: Analysis): Features {
  const terms = new Map<string, number>();
  for (const t of analysis.terms) bump(terms, t);
  const bigrams = new Set<string>();
  for (let i = 0; i + 1 < analysis.terms.length; i++)
    bigrams.add(`${analysis.terms[i]}|${analysis.terms[i + 1]}`);
  return { terms, grams: charGrams(analysis.words), bigrams };
}

/** Sums the features of several documents (an entry's question and examples) into one. */
export function mergeFeatures(list: Features[]): Features {
  const terms = new Map<string, number>();
  const grams = new Map<string, number>();
  const bigrams = new Set<string>();
  for (const f of list) {
    for (const [k, v] of f.terms) bump(terms, k, v);
    for (const [k, v] of f.grams) bump(grams, k, v);
    for (const b of f.bigrams) bigrams.add(b);
  }
  return { terms, grams, bigrams };
}
