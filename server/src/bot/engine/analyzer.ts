// Turns a text into index terms for one language: fold → tokenise → stem → synonyms → stop words.
import { foldText, tokenize } from './normalize.ts';
import { stemEnglish } from './stem-en.ts';
import { stemPolish } from './stem-pl.ts';
import { isStopWord } from './stopwords.ts';
import type { Lang } from './types.ts';

export type Analysis = {
  /** Terms in order: stems, a synonym group's canonical term ("gift_card"), or a marked stop word ("_the"). */
  terms: string[];
  /** Folded content words (stop words removed, typos corrected), for the character n-gram signal. */
  words: string[];
};

/** Maps an unknown word to a known one (typo tolerance); returns the word itself when nothing is close. */
export type Corrector = (word: string) => string;

const MAX_PHRASE = 4;

/** Prefix of a stop-word term: kept in the index with a small weight ("how do i" still says something). */
export const STOP_MARK = '_';

type PhraseMatch = { canonical: string; end: number };

export type Analyzer = {
  lang: Lang;
  stem(word: string): string;
  analyze(text: string, correct?: Corrector): Analysis;
  /** Every folded word the synonym groups know, so typo correction can land on them. */
  synonymWords(): string[];
};

export function createAnalyzer(lang: Lang, groups: string[][]): Analyzer {
  const stem = lang === 'en' ? stemEnglish : stemPolish;
  const phraseToCanonical = new Map<string, string>();
  const knownWords = new Set<string>();

  for (const group of groups) {
    const first = group[0];
    if (first === undefined) continue;
    const canonical = tokenize(foldText(first)).map(stem).join('_');
    for (const member of group) {
      const memberWords = tokenize(foldText(member));
      for (const w of memberWords) knownWords.add(w);
      const key = memberWords.map(stem).join(' ');
      if (key && !phraseToCanonical.has(key)) phraseToCanonical.set(key, canonical);
    }
  }

  /**
   * Longest synonym phrase starting at i: first over the exact words ("za darmo"), then skipping stop
   * words ("send it back" → "send back"), then the single word. Returns the canonical term and the index after the phrase.
   */
  function matchPhrase(fixed: string[], stems: string[], i: number): PhraseMatch | null {
    for (let len = Math.min(MAX_PHRASE, stems.length - i); len >= 2; len--) {
      const canonical = phraseToCanonical.get(stems.slice(i, i + len).join(' '));
      if (canonical !== undefined) return { canonical, end: i + len };
    }
    const single = phraseToCanonical.get(stems[i] ?? '');
    const first = fixed[i];
    if (first === undefined || isStopWord(first, lang))
      return single === undefined ? null : { canonical: single, end: i + 1 };
    const picked: string[] = [];
    const ends: number[] = [];
    for (let k = i; k < stems.length && picked.length < MAX_PHRASE; k++) {
      const w = fixed[k];
      const s = stems[k];
      if (w === undefined || s === undefined) break;
      if (isStopWord(w, lang)) continue;
      picked.push(s);
      ends.push(k + 1);
    }
    for (let len = picked.length; len >= 2; len--) {
      const canonical = phraseToCanonical.get(picked.slice(0, len).join(' '));
      const end = ends[len - 1];
      if (canonical !== undefined && end !== undefined) return { canonical, end };
    }
    return single === undefined ? null : { canonical: single, end: i + 1 };
  }

  function analyze(text: string, correct?: Corrector): Analysis {
    const raw = tokenize(foldText(text));
    const fixed = correct ? raw.map((w) => (isStopWord(w, lang) ? w : correct(w))) : raw;
    const stems = fixed.map(stem);
    const terms: string[] = [];
    const contentWords: string[] = [];
    let i = 0;
    while (i < stems.length) {
      const match = matchPhrase(fixed, stems, i);
      if (match) {
        terms.push(match.canonical);
        for (let k = i; k < match.end; k++) {
          const w = fixed[k];
          if (w !== undefined && !isStopWord(w, lang)) contentWords.push(w);
        }
        i = match.end;
        continue;
      }
      const w = fixed[i];
      const s = stems[i];
      if (w !== undefined && s !== undefined) {
        if (!isStopWord(w, lang)) {
          terms.push(s);
          contentWords.push(w);
        } else {
          terms.push(`${STOP_MARK}${w}`);
        }
      }
      i++;
    }
    return { terms, words: contentWords };
  }

  return { lang, stem, analyze, synonymWords: () => [...knownWords] };
}
