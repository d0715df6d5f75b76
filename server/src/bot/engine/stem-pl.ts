// Polish inflection: dictionary lemmas (Hunspell, `lexicon-pl.ts`) and a light suffix stripper, both over
// diacritic-folded words (visitors often type without ą, ł …).
import { polishLemma } from './lexicon-pl.ts';

/**
 * Inflectional and derivational endings, folded (ą→a, ć→c, ł→l …), tried longest first. One strip per word,
 * leaving at least MIN_STEM letters, so "zwrotu"/"zwrotow" → "zwrot", "zamowienia" → "zamow",
 * "wyslalam" → "wysl". Stems are then cut to MAX_STEM letters, which merges long compound endings
 * ("paczkomatu", "paczkomatami" → "paczkom"). Whatever this misses, the character n-gram signal catches.
 */
const SUFFIXES = [
  // verbal nouns and participles
  'ieniami',
  'ieniach',
  'ieniem',
  'ienia',
  'ieniu',
  'ienie',
  'owaniami',
  'owaniach',
  'owaniem',
  'owania',
  'owaniu',
  'owanie',
  'eniami',
  'eniach',
  'eniem',
  'enia',
  'eniu',
  'enie',
  'aniem',
  'ania',
  'aniu',
  'anie',
  'ciem',
  'owany',
  'owana',
  'owane',
  'owani',
  'ony',
  'ona',
  'one',
  'ane',
  'any',
  'ana',
  // past tense
  'alysmy',
  'alyscie',
  'alismy',
  'aliscie',
  'ilysmy',
  'ilismy',
  'iliscie',
  'ilam',
  'ilem',
  'ilas',
  'iles',
  'ila',
  'ilo',
  'ili',
  'ily',
  'alam',
  'alem',
  'alas',
  'ales',
  'ala',
  'alo',
  'ali',
  'aly',
  'elam',
  'elem',
  'ela',
  'elo',
  'eli',
  'ely',
  'ylam',
  'ylem',
  'yla',
  'ylo',
  'yli',
  'yly',
  // conditional
  'abym',
  'abys',
  'ibym',
  'ilabym',
  'alabym',
  // present tense and imperative
  'ujemy',
  'ujecie',
  'ujesz',
  'ujac',
  'uje',
  'uja',
  'ujcie',
  'uj',
  'owac',
  'ywac',
  'iwac',
  'acie',
  'ecie',
  'icie',
  'ycie',
  'amy',
  'emy',
  'imy',
  'ymy',
  'am',
  'asz',
  'esz',
  'isz',
  'ysz',
  'aja',
  'eja',
  'ac',
  'ic',
  'yc',
  'ec',
  // adjectives
  'owego',
  'owemu',
  'owych',
  'owymi',
  'owej',
  'owym',
  'owy',
  'owa',
  'owe',
  'ego',
  'emu',
  'ych',
  'ich',
  'ymi',
  'imi',
  'ej',
  'ym',
  'im',
  // nouns
  'osciami',
  'osciach',
  'oscia',
  'osci',
  'osc',
  'owie',
  'owi',
  'ami',
  'ach',
  'iem',
  'om',
  'ow',
  'em',
  'ie',
  'a',
  'e',
  'i',
  'o',
  'u',
  'y',
].sort((a, b) => b.length - a.length);

const MIN_STEM = 3;
const MAX_STEM = 7;

/** Light stem of a folded, lower-case Polish word. Digits and short words pass through unchanged. */
export function lightStemPolish(word: string): string {
  if (word.length <= MIN_STEM || !/^[a-z]+$/.test(word)) return word;
  let stem = word;
  for (const suffix of SUFFIXES) {
    if (word.endsWith(suffix) && word.length - suffix.length >= MIN_STEM) {
      stem = word.slice(0, word.length - suffix.length);
      break;
    }
  }
  return stem.length > MAX_STEM ? stem.slice(0, MAX_STEM) : stem;
}

const CACHE_LIMIT = 50_000;
const cache = new Map<string, string>();

/**
 * Stem of a folded, lower-case Polish word: the light stem of its dictionary lemma (`lexicon-pl.ts`), so every
 * inflected form meets ("paczki", "paczek" → "paczka"; "zwracam", "zwrócić" → "zwracać") and verbal nouns still
 * meet their verbs through the stripper ("zamówienie", "zamówić" → "zamow"). A word the dictionary does not
 * know (a name, a typo) gets the light stem of the word itself.
 */
export function stemPolish(word: string): string {
  if (word.length <= MIN_STEM || !/^[a-z]+$/.test(word)) return word;
  let stem = cache.get(word);
  if (stem === undefined) {
    stem = lightStemPolish(polishLemma(word) ?? word);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(word, stem);
  }
  return stem;
}
