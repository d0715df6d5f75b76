// Public types of the FAQ engine: entries, options, decisions.

export type Lang = 'en' | 'pl';

export type FaqEntry = {
  id: string;
  lang: Lang;
  question: string;
  examples: string[];
  answer: string;
  tags?: string[];
};

export type EngineOptions = {
  /** Site synonym groups per language, added to the built-in base list. Each group: words or phrases. */
  synonyms?: Partial<Record<Lang, string[][]>>;
  /** Index the answer text as well (off by default: answers talk about more than the question). */
  indexAnswers?: boolean;
  /** The answer text in the entry's vectors at this fraction of a question's weight (0: not indexed; default `ANSWER_WEIGHT`). */
  answerWeight?: number;
  /** English: WordNet synonyms of the entry's words in its vectors at this weight (0: off). */
  expansionWeight?: number;
  /** … taken from this many most frequent senses per part of speech (default 1) … */
  expansionSenses?: number;
  /** English: a query word the FAQ does not use adds its WordNet synonyms the FAQ uses, at this weight (0: off). */
  queryExpansionWeight?: number;
  /** … and with the words derivationally related to them (default false). */
  expansionDerivations?: boolean;
  /** Site escalation phrases: a message containing one is flagged `escalation: true`. */
  escalationPhrases?: string[];
  /** Site override of the frozen `ANSWER_THRESHOLD` (calibrated confidence needed to answer). */
  answerThreshold?: number;
  /** Site override of the frozen `MIN_COVERAGE` (share of the question's content words the FAQ text must contain). */
  minCoverage?: number;
  /**
   * Fold the out-of-vocabulary check into the answer confidence (`OOV_CALIBRATION`, answer threshold
   * `OOV_CALIBRATION.threshold` unless `answerThreshold` is given); default `OOV_CHECK` (off, see README).
   */
  oovCheck?: boolean;
  /** Site override of the frozen `MAX_FOREIGN` (share of foreign content words that makes a question a miss; > 1: off). */
  maxForeign?: number;
  /**
   * Polish foreign words for the `maxForeign` gate: 'unknown' (words the dictionary does not know), 'nouns'
   * (… and unknown-to-the-FAQ words it reads as nouns); default 'off' (both cost in-scope accuracy on dev, README).
   */
  polishForeign?: 'off' | 'unknown' | 'nouns';
};

/** score = calibrated confidence in [0, 1] that this entry is the right answer. */
export type Candidate = { faqId: string; score: number };

export type BuiltinIntent = 'greeting' | 'thanks' | 'goodbye' | 'human' | 'not_helpful';

/** Raw per-signal scores of the top candidate, for the console's "why did the bot say that" view. */
export type Signals = { word: number; char: number; phrase: number; coverage: number; combined: number };

export type Decision = (
  | { type: 'intent'; intent: BuiltinIntent; lang: Lang; score: number }
  | { type: 'answer'; faqId: string; score: number; lang: Lang; candidates: Candidate[] }
  /** `near`: no answer reached the threshold, these are the closest entries (a near miss), not a tie. */
  | { type: 'clarify'; candidates: Candidate[]; lang: Lang; near?: true }
  | { type: 'miss'; lang: Lang; candidates: Candidate[] }
) & { escalation?: true; signals?: Signals };

export type ClassifyOptions = { lang?: Lang; langs?: Lang[] };

export type Engine = {
  /** lang given → use it; otherwise detect among langs (default: the languages the FAQ has). */
  classify(text: string, opts?: ClassifyOptions): Decision;
  /** FAQ ranking only (no intents, no thresholds): the console's "try a question" and top-1 evaluation. */
  rank(text: string, opts?: ClassifyOptions): Candidate[];
  /** Adds or replaces one entry; only that entry's documents are re-indexed. */
  upsert(entry: FaqEntry): void;
  remove(id: string): void;
  detectLanguage(text: string, langs?: Lang[]): Lang;
  /** Share of the message's content words found in the FAQ's questions, examples and answers (1 if none). */
  coverage(text: string, opts?: ClassifyOptions): number;
  /** `coverage`, and the share of the message's content words that entry `faqId`'s own text contains (plain and rarity-weighted). */
  vocabularyOf(text: string, faqId: string, opts?: ClassifyOptions): Vocabulary;
};

/** The out-of-vocabulary view of a message against the FAQ and one entry (see `Engine.vocabularyOf`). */
export type Vocabulary = {
  coverage: number;
  entryCoverage: number;
  entryMass: number;
  /** Share of the message's content words foreign to the FAQ: unknown to its text and, in English, unrelated in WordNet (`oov.ts`). */
  foreign: number;
};
