// Per-message language detection between English and Polish: diacritics, function words, FAQ vocabulary.
import { foldText, lowerText, tokenize } from './normalize.ts';
import { stopWords } from './stopwords.ts';
import type { Lang } from './types.ts';

const POLISH_LETTERS = /[ąćęłńóśźż]/g;
/** Letter clusters frequent in Polish and rare in English words, checked on folded text. */
const POLISH_CLUSTERS = /(?:szcz|rz|cz|sz|dz|ie|ow|aj|ej|yc|ac|wy|prz|zw|ych|acj|osc)/g;
const ENGLISH_CLUSTERS = /(?:th|wh|ing|ea|ou|ee|oo|ck|tion|ph|ght|er\b)/g;

/** Extra evidence a site's own vocabulary gives: a word the FAQ of only one language uses. */
export type VocabularyProbe = (lang: Lang, word: string) => boolean;

function count(text: string, re: RegExp): number {
  return text.match(re)?.length ?? 0;
}

/**
 * Scores each language and picks the best; ties go to the first of `langs`. Works on one short message:
 * "hi" (en), "jak zrobic zwrot" (pl, no diacritics), "gift card macie?" (pl: "macie").
 */
export function detectLanguage(text: string, langs: readonly Lang[], knows?: VocabularyProbe): Lang {
  const first = langs[0] ?? 'en';
  if (langs.length < 2) return first;
  const folded = foldText(text);
  const tokens = tokenize(folded);
  const score: Record<Lang, number> = { en: 0, pl: 0 };
  score.pl += 3 * count(lowerText(text), POLISH_LETTERS);
  for (const w of tokens) {
    for (const lang of langs) {
      if (stopWords(lang).has(w)) score[lang] += 2;
      if (knows?.(lang, w)) score[lang] += 1;
    }
    score.pl += 0.25 * count(w, POLISH_CLUSTERS);
    score.en += 0.25 * count(w, ENGLISH_CLUSTERS);
  }
  let best = first;
  for (const lang of langs) if (score[lang] > score[best]) best = lang;
  return best;
}
