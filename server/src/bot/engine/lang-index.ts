// One language's FAQ index: analysed documents per entry, vocabulary for typo correction, inverted lists.
// Entries are analysed once when added; the inverted lists and weights are recompiled lazily on the next
// query after a change (cheap: no text is re-analysed).
import { type Analyzer, STOP_MARK } from './analyzer.ts';
import { type Features, featuresOf, mergeFeatures } from './features.ts';
import { createForeignCheck } from './oov.ts';
import type { WordGraph } from './relatedness.ts';
import { type EntryFeatures, STOP_WEIGHT } from './scoring.ts';
import { createVocabulary, type Vocabulary } from './typo.ts';

export type ScoredEntry = { id: string; score: number; features: EntryFeatures };

/** Secondary text of an entry (its answer, expansions of its words): only in the entry vectors, at `weight`. */
export type WeightedText = { text: string; weight: number; grams?: boolean };

/** Sublinear tf weights of an entry's own text plus its secondary texts (scaled), for the entry vectors. */
type Soft = { terms: Map<string, number>; grams: Map<string, number> };

type Stored = {
  id: string;
  docs: Features[];
  merged: Features;
  soft: Soft;
  words: string[];
  covered: Set<string>;
  /** Content words of all its texts (answer included), for the foreign-word check. */
  coveredWords: Set<string>;
};

type Postings = Map<string, { ids: Int32Array; weights: Float64Array }>;

type Compiled = {
  ids: string[];
  docEntry: Int32Array;
  termIdf: Map<string, number>;
  gramIdf: Map<string, number>;
  unknownIdf: number;
  termEntry: Postings;
  /** Per term, the entries containing it and how fully (1 for their own text, less for a secondary text). */
  termPresence: Postings;
  termDoc: Postings;
  gramEntry: Postings;
  gramDoc: Postings;
  bigrams: Set<string>[];
};

export type LangIndex = {
  /** Index `texts`; `coverageTexts` (the answer) only widen the vocabulary `coverage` checks against. */
  put(id: string, texts: string[], coverageTexts?: string[], weighted?: WeightedText[]): void;
  /** Share of the text's content terms that the FAQ's text (questions, examples, answers) contains; 1 when it has none. */
  coverage(text: string): number;
  /**
   * The out-of-vocabulary view of a text: `coverage` as above, and `entryCoverage`, the share of its content
   * terms that entry `id`'s own text (question, examples, answer) contains (1 when it has none).
   */
  vocabularyOf(
    text: string,
    id: string,
  ): { coverage: number; entryCoverage: number; entryMass: number; foreign: number };
  delete(id: string): boolean;
  has(id: string): boolean;
  size(): number;
  /** The `limit` best entries by `score(features)`, best first. */
  search(text: string, score: (f: EntryFeatures) => number, limit: number): ScoredEntry[];
  vocabulary: Vocabulary;
};

/** Stop words stay in the vectors at a fraction of their weight; char grams and content terms count fully. */
function termWeight(key: string): number {
  return key.startsWith(STOP_MARK) ? STOP_WEIGHT : 1;
}

function idfTable(maps: Iterable<Map<string, number> | Set<string>>, n: number): Map<string, number> {
  const df = new Map<string, number>();
  for (const m of maps) for (const k of m.keys()) df.set(k, (df.get(k) ?? 0) + 1);
  const idf = new Map<string, number>();
  for (const [k, d] of df) idf.set(k, Math.log(1 + n / d));
  return idf;
}

const sublinear = (tf: number): number => 1 + Math.log(tf);
const identity = (w: number): number => w;

/** Sublinear tf of the entry's own counts, plus each secondary text's sublinear tf × its weight. */
function softOf(merged: Features, extra: { features: Features; weight: number; grams: boolean }[]): Soft {
  const terms = new Map<string, number>();
  const grams = new Map<string, number>();
  for (const [k, tf] of merged.terms) terms.set(k, sublinear(tf));
  for (const [k, tf] of merged.grams) grams.set(k, sublinear(tf));
  for (const { features, weight, grams: withGrams } of extra) {
    for (const [k, tf] of features.terms) terms.set(k, (terms.get(k) ?? 0) + weight * sublinear(tf));
    if (withGrams)
      for (const [k, tf] of features.grams) grams.set(k, (grams.get(k) ?? 0) + weight * sublinear(tf));
  }
  return { terms, grams };
}

/**
 * IDF over the entries' own text (questions, examples): secondary texts do not change how rare a question
 * word is. A term only secondary texts have gets its IDF from them.
 */
function idfOf(own: Map<string, number>[], soft: Map<string, number>[], n: number): Map<string, number> {
  const idf = idfTable(own, n);
  for (const [k, v] of idfTable(soft, n)) if (!idf.has(k)) idf.set(k, v);
  return idf;
}

/** Inverted lists of tf weight × idf, each vector normalised to unit length; `tfWeight` maps a count to its weight. */
function postingsOf(
  vectors: Map<string, number>[],
  idf: Map<string, number>,
  tfWeight: (tf: number) => number = sublinear,
): Postings {
  const lists = new Map<string, { ids: number[]; weights: number[] }>();
  vectors.forEach((vec, id) => {
    let norm = 0;
    const weighted: [string, number][] = [];
    for (const [k, tf] of vec) {
      const w = tfWeight(tf) * (idf.get(k) ?? 0) * termWeight(k);
      weighted.push([k, w]);
      norm += w * w;
    }
    norm = Math.sqrt(norm) || 1;
    for (const [k, w] of weighted) {
      let list = lists.get(k);
      if (!list) {
        list = { ids: [], weights: [] };
        lists.set(k, list);
      }
      list.ids.push(id);
      list.weights.push(w / norm);
    }
  });
  const out: Postings = new Map();
  for (const [k, l] of lists)
    out.set(k, { ids: Int32Array.from(l.ids), weights: Float64Array.from(l.weights) });
  return out;
}

/** Per term, the entries whose vector has it and min(1, its tf weight there). */
function presenceOf(vectors: Map<string, number>[]): Postings {
  const lists = new Map<string, { ids: number[]; weights: number[] }>();
  vectors.forEach((vec, id) => {
    for (const [k, w] of vec) {
      let list = lists.get(k);
      if (!list) {
        list = { ids: [], weights: [] };
        lists.set(k, list);
      }
      list.ids.push(id);
      list.weights.push(Math.min(1, w));
    }
  });
  const out: Postings = new Map();
  for (const [k, l] of lists)
    out.set(k, { ids: Int32Array.from(l.ids), weights: Float64Array.from(l.weights) });
  return out;
}

function phraseShare(query: Set<string>, entry: Set<string>): number {
  if (query.size === 0) return 0;
  let hit = 0;
  for (const b of query) if (entry.has(b)) hit++;
  return hit / query.size;
}

/**
 * `isWord` (optional): a dictionary of the language. A query word it knows is never typo-corrected, so a
 * real word the FAQ does not use keeps counting as unknown (an out-of-scope signal) instead of being
 * turned into a look-alike FAQ word ("router" must not become "order").
 */
export function createLangIndex(
  analyzer: Analyzer,
  isWord?: (word: string) => boolean,
  /** WordNet's graph (English): unknown words related to the FAQ's words are not foreign (`oov.ts`). */
  graph?: WordGraph,
  queryExpansion?: { expand: (word: string) => string[]; weight: number },
  /** Without a graph (Polish): unknown words the dictionary reads as nouns are foreign too (`oov.ts`). */
  isNoun?: (word: string) => boolean,
): LangIndex {
  const entries = new Map<string, Stored>();
  const vocabulary = createVocabulary();
  const correct = isWord ? (w: string) => (isWord(w) ? w : vocabulary.correct(w)) : vocabulary.correct;
  for (const w of analyzer.synonymWords()) vocabulary.add(w);
  const coveredTerms = new Map<string, number>();
  const coveredWords = new Map<string, number>();
  const foreignCheck = createForeignCheck(graph, isWord, isNoun);
  /** The FAQ's text has the word: itself, or its term (stem or synonym concept). */
  const knownWord = (w: string): boolean =>
    coveredWords.has(w) || contentTerms(analyzer.analyze(w).terms).every((t) => coveredTerms.has(t));
  const contentTerms = (terms: string[]) => terms.filter((t) => !t.startsWith(STOP_MARK));
  let compiled: Compiled | null = null;

  function put(
    id: string,
    texts: string[],
    coverageTexts: string[] = [],
    weighted: WeightedText[] = [],
  ): void {
    remove(id);
    const analyses = texts.map((t) => analyzer.analyze(t));
    const docs = analyses.map(featuresOf);
    const merged = mergeFeatures(docs);
    const extra = weighted
      .filter((w) => w.weight > 0 && w.text.trim() !== '')
      .map((w) => ({
        features: featuresOf(analyzer.analyze(w.text)),
        weight: w.weight,
        grams: w.grams ?? false,
      }));
    const words = analyses.flatMap((a) => a.words);
    for (const w of words) vocabulary.add(w);
    const covered = new Set(
      [...analyses, ...coverageTexts.map((t) => analyzer.analyze(t))].flatMap((a) => contentTerms(a.terms)),
    );
    for (const t of covered) coveredTerms.set(t, (coveredTerms.get(t) ?? 0) + 1);
    const ownWords = new Set([...words, ...coverageTexts.flatMap((t) => analyzer.analyze(t).words)]);
    for (const w of ownWords) {
      const n = coveredWords.get(w) ?? 0;
      coveredWords.set(w, n + 1);
      if (n === 0) foreignCheck.add(w);
    }
    entries.set(id, {
      id,
      docs,
      merged,
      soft: softOf(merged, extra),
      words,
      covered,
      coveredWords: ownWords,
    });
    compiled = null;
  }

  function remove(id: string): boolean {
    const old = entries.get(id);
    if (!old) return false;
    for (const w of old.words) vocabulary.remove(w);
    for (const t of old.covered) {
      const n = (coveredTerms.get(t) ?? 0) - 1;
      if (n > 0) coveredTerms.set(t, n);
      else coveredTerms.delete(t);
    }
    for (const w of old.coveredWords) {
      const n = (coveredWords.get(w) ?? 0) - 1;
      if (n > 0) coveredWords.set(w, n);
      else {
        coveredWords.delete(w);
        foreignCheck.remove(w);
      }
    }
    entries.delete(id);
    compiled = null;
    return true;
  }

  function compile(): Compiled {
    const list = [...entries.values()];
    const n = list.length;
    const termIdf = idfOf(
      list.map((e) => e.merged.terms),
      list.map((e) => e.soft.terms),
      n,
    );
    const gramIdf = idfOf(
      list.map((e) => e.merged.grams),
      list.map((e) => e.soft.grams),
      n,
    );
    const docEntry: number[] = [];
    const docTerms: Map<string, number>[] = [];
    const docGrams: Map<string, number>[] = [];
    list.forEach((e, i) => {
      for (const d of e.docs) {
        docEntry.push(i);
        docTerms.push(d.terms);
        docGrams.push(d.grams);
      }
    });
    return {
      ids: list.map((e) => e.id),
      docEntry: Int32Array.from(docEntry),
      termIdf,
      gramIdf,
      unknownIdf: Math.log(1 + Math.max(n, 1)),
      termEntry: postingsOf(
        list.map((e) => e.soft.terms),
        termIdf,
        identity,
      ),
      termPresence: presenceOf(list.map((e) => e.soft.terms)),
      termDoc: postingsOf(docTerms, termIdf),
      gramEntry: postingsOf(
        list.map((e) => e.soft.grams),
        gramIdf,
        identity,
      ),
      gramDoc: postingsOf(docGrams, gramIdf),
      bigrams: list.map((e) => e.merged.bigrams),
    };
  }

  /** Adds query·vector cosines into entry and doc accumulators; returns the query norm. */
  function accumulate(
    query: Map<string, number>,
    idf: Map<string, number>,
    unknownIdf: number,
    entryLists: Postings,
    docLists: Postings,
    entryAcc: Float64Array,
    docAcc: Float64Array,
  ): void {
    let norm = 0;
    const weighted: [string, number][] = [];
    for (const [k, tf] of query) {
      const w = (1 + Math.log(tf)) * (idf.get(k) ?? unknownIdf) * termWeight(k);
      norm += w * w;
      weighted.push([k, w]);
    }
    norm = Math.sqrt(norm) || 1;
    for (const [k, w] of weighted) {
      const qw = w / norm;
      const el = entryLists.get(k);
      if (el) for (let i = 0; i < el.ids.length; i++) entryAcc[el.ids[i]!]! += qw * el.weights[i]!;
      const dl = docLists.get(k);
      if (dl) for (let i = 0; i < dl.ids.length; i++) docAcc[dl.ids[i]!]! += qw * dl.weights[i]!;
    }
  }

  /**
   * Query expansion: a content word the FAQ's terms do not have adds the FAQ terms among its synonyms at
   * `weight` (as a tf whose sublinear weight is `weight`).
   */
  function expandQuery(
    q: Features,
    words: string[],
    idf: Map<string, number>,
    x: { expand: (word: string) => string[]; weight: number },
  ): void {
    const tf = Math.exp(x.weight - 1);
    for (const w of words) {
      if (idf.has(analyzer.stem(w))) continue;
      for (const t of analyzer.analyze(x.expand(w).join(' ')).terms)
        if (idf.has(t) && !q.terms.has(t)) q.terms.set(t, tf);
    }
  }

  function search(text: string, score: (f: EntryFeatures) => number, limit: number): ScoredEntry[] {
    if (!compiled) compiled = compile();
    const c = compiled;
    const analysis = analyzer.analyze(text, correct);
    const q = featuresOf(analysis);
    if (queryExpansion) expandQuery(q, analysis.words, c.termIdf, queryExpansion);
    const nEntries = c.ids.length;
    const nDocs = c.docEntry.length;
    const wordEntry = new Float64Array(nEntries);
    const wordDocAcc = new Float64Array(nDocs);
    const charEntry = new Float64Array(nEntries);
    const charDocAcc = new Float64Array(nDocs);
    accumulate(q.terms, c.termIdf, c.unknownIdf, c.termEntry, c.termDoc, wordEntry, wordDocAcc);
    accumulate(q.grams, c.gramIdf, c.unknownIdf, c.gramEntry, c.gramDoc, charEntry, charDocAcc);

    const wordDoc = new Float64Array(nEntries);
    const charDoc = new Float64Array(nEntries);
    for (let d = 0; d < nDocs; d++) {
      const e = c.docEntry[d]!;
      if (wordDocAcc[d]! > wordDoc[e]!) wordDoc[e] = wordDocAcc[d]!;
      if (charDocAcc[d]! > charDoc[e]!) charDoc[e] = charDocAcc[d]!;
    }

    // Coverage: IDF mass of the query's distinct terms that each entry contains.
    const coverage = new Float64Array(nEntries);
    let totalIdf = 0;
    for (const k of q.terms.keys()) {
      const w = (c.termIdf.get(k) ?? c.unknownIdf) * termWeight(k);
      totalIdf += w;
      const el = c.termPresence.get(k);
      if (el) for (let i = 0; i < el.ids.length; i++) coverage[el.ids[i]!]! += w * el.weights[i]!;
    }

    // Score every touched entry through one reused features object; keep only the best `limit`.
    const f: EntryFeatures = { wordEntry: 0, wordDoc: 0, charEntry: 0, charDoc: 0, phrase: 0, coverage: 0 };
    const kept: { e: number; s: number }[] = [];
    for (let e = 0; e < nEntries; e++) {
      if (wordEntry[e]! <= 0 && charEntry[e]! <= 0) continue;
      f.wordEntry = wordEntry[e]!;
      f.wordDoc = wordDoc[e]!;
      f.charEntry = charEntry[e]!;
      f.charDoc = charDoc[e]!;
      f.phrase = phraseShare(q.bigrams, c.bigrams[e]!);
      f.coverage = totalIdf > 0 ? coverage[e]! / totalIdf : 0;
      const s = score(f);
      if (kept.length === limit && s <= kept[kept.length - 1]!.s) continue;
      let i = kept.length;
      while (i > 0 && kept[i - 1]!.s < s) i--;
      kept.splice(i, 0, { e, s });
      if (kept.length > limit) kept.pop();
    }
    const rows: ScoredEntry[] = kept.map(({ e, s }) => ({
      id: c.ids[e]!,
      score: s,
      features: {
        wordEntry: wordEntry[e]!,
        wordDoc: wordDoc[e]!,
        charEntry: charEntry[e]!,
        charDoc: charDoc[e]!,
        phrase: phraseShare(q.bigrams, c.bigrams[e]!),
        coverage: totalIdf > 0 ? coverage[e]! / totalIdf : 0,
      },
    }));
    return rows;
  }

  return {
    put,
    delete: remove,
    has: (id) => entries.has(id),
    size: () => entries.size,
    search,
    vocabulary,
    coverage(text: string): number {
      const terms = contentTerms(analyzer.analyze(text, correct).terms);
      if (terms.length === 0) return 1;
      return terms.filter((t) => coveredTerms.has(t)).length / terms.length;
    },
    vocabularyOf(text: string, id: string) {
      const analysis = analyzer.analyze(text, correct);
      const terms = contentTerms(analysis.terms);
      if (terms.length === 0) return { coverage: 1, entryCoverage: 1, entryMass: 1, foreign: 0 };
      const own = entries.get(id)?.covered;
      // entryMass: the same share weighted by rarity across the FAQ's texts (a word no entry has weighs most)
      const n = Math.max(entries.size, 1);
      let mass = 0;
      let ownMass = 0;
      for (const t of new Set(terms)) {
        const w = Math.log(1 + n / Math.max(coveredTerms.get(t) ?? 0, 0.5));
        mass += w;
        if (own?.has(t)) ownMass += w;
      }
      return {
        coverage: terms.filter((t) => coveredTerms.has(t)).length / terms.length,
        entryCoverage: own ? terms.filter((t) => own.has(t)).length / terms.length : 0,
        entryMass: mass > 0 ? ownMass / mass : 0,
        foreign: foreignCheck.foreignShare(analysis.words, knownWord),
      };
    },
  };
}
