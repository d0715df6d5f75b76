// The FAQ engine's public surface: build an index per language, classify a visitor message into a
// built-in intent, an answer, a "did you mean" clarification or a miss. Pure: no I/O, no models.
import { createAnalyzer, STOP_MARK } from './analyzer.ts';
import { detectIntent, matchesEscalation } from './intents.ts';
import { createLangIndex, type LangIndex } from './lang-index.ts';
import { detectLanguage as detectLang } from './language.ts';
import { englishLexicon } from './lexicon-en.ts';
import { isPolishNoun, polishLexicon } from './lexicon-pl.ts';
import { foldText, tokenize } from './normalize.ts';
import { wordGraph } from './relatedness.ts';
import {
  ANSWER_THRESHOLD,
  ANSWER_WEIGHT,
  CANDIDATE_COUNT,
  CLARIFY_FLOOR,
  CLARIFY_GAP,
  combine,
  confidence,
  honestConfidence,
  MAX_FOREIGN,
  MIN_COVERAGE,
  OOV_CALIBRATION,
  OOV_CHECK,
  SUGGEST_COVERAGE,
  suggestionsOf,
} from './scoring.ts';
import { isStopWord } from './stopwords.ts';
import { baseSynonyms } from './synonyms.ts';
import type { Candidate, ClassifyOptions, Decision, Engine, EngineOptions, FaqEntry, Lang } from './types.ts';
import { type ExpansionOptions, expansionsOf } from './wordnet-en.ts';

export {
  ANSWER_THRESHOLD,
  CLARIFY_FLOOR,
  CLARIFY_GAP,
  honestConfidence,
  MAX_FOREIGN,
  MIN_COVERAGE,
  OOV_CALIBRATION,
  oovFeatures,
  SUGGEST_COVERAGE,
  suggestionsOf,
} from './scoring.ts';
export type {
  BuiltinIntent,
  Candidate,
  ClassifyOptions,
  Decision,
  Engine,
  EngineOptions,
  FaqEntry,
  Lang,
  Signals,
  Vocabulary,
} from './types.ts';

const LANGS: readonly Lang[] = ['en', 'pl'];
const ZERO_VOCABULARY = { coverage: 0, entryCoverage: 0, entryMass: 0, foreign: 0 };

/** The noun test `createLangIndex` gets for Polish foreign words (`oov.ts`), from the engine option. */
function polishForeignOf(mode: EngineOptions['polishForeign']): ((word: string) => boolean) | undefined {
  if (mode === 'nouns') return isPolishNoun;
  if (mode === 'unknown') return () => false;
  return undefined;
}

export function createEngine(entries: FaqEntry[], options: EngineOptions = {}): Engine {
  const indexes = new Map<Lang, LangIndex>();
  const expansionOptions = {
    senses: options.expansionSenses ?? 1,
    derivations: options.expansionDerivations ?? false,
  };
  const langOf = new Map<string, Lang>();
  const escalation = options.escalationPhrases ?? [];
  const minCoverage = options.minCoverage ?? MIN_COVERAGE;
  const oovCheck = options.oovCheck ?? OOV_CHECK;
  const maxForeign = options.maxForeign ?? MAX_FOREIGN;
  const answerThreshold =
    options.answerThreshold ?? (oovCheck ? OOV_CALIBRATION.threshold : ANSWER_THRESHOLD);

  function indexFor(lang: Lang): LangIndex {
    let idx = indexes.get(lang);
    if (!idx) {
      const groups = [...(options.synonyms?.[lang] ?? []), ...baseSynonyms(lang)];
      const qx = options.queryExpansionWeight ?? 0;
      idx = createLangIndex(
        createAnalyzer(lang, groups),
        lang === 'en' ? englishLexicon() : polishLexicon(),
        lang === 'en' ? wordGraph() : undefined,
        lang === 'en' && qx > 0
          ? { expand: (w) => expansionsOf(w, expansionOptions), weight: qx }
          : undefined,
        lang === 'pl' ? polishForeignOf(options.polishForeign) : undefined,
      );
      indexes.set(lang, idx);
    }
    return idx;
  }

  function upsert(entry: FaqEntry): void {
    const previous = langOf.get(entry.id);
    if (previous !== undefined && previous !== entry.lang) indexes.get(previous)?.delete(entry.id);
    const texts = [entry.question, ...entry.examples];
    if (options.indexAnswers) texts.push(entry.answer);
    const answerWeight = options.indexAnswers ? 0 : (options.answerWeight ?? ANSWER_WEIGHT);
    const weighted = answerWeight > 0 ? [{ text: entry.answer, weight: answerWeight, grams: true }] : [];
    const expansionWeight = options.expansionWeight ?? 0;
    if (entry.lang === 'en' && expansionWeight > 0)
      weighted.push({ text: expandEnglish(texts, expansionOptions), weight: expansionWeight, grams: false });
    indexFor(entry.lang).put(entry.id, texts, options.indexAnswers ? [] : [entry.answer], weighted);
    langOf.set(entry.id, entry.lang);
  }

  function remove(id: string): void {
    const lang = langOf.get(id);
    if (lang === undefined) return;
    indexes.get(lang)?.delete(id);
    langOf.delete(id);
  }

  function faqLangs(): Lang[] {
    const present = LANGS.filter((l) => (indexes.get(l)?.size() ?? 0) > 0);
    return present.length > 0 ? present : ['en'];
  }

  function detectLanguage(text: string, langs?: Lang[]): Lang {
    const among = langs && langs.length > 0 ? langs : faqLangs();
    return detectLang(text, among, (lang, word) => indexes.get(lang)?.vocabulary.has(word) ?? false);
  }

  function rank(text: string, lang: Lang): { candidates: Candidate[]; top: number; second: number } {
    const idx = indexes.get(lang);
    if (!idx || idx.size() === 0) return { candidates: [], top: 0, second: 0 };
    const scored = idx.search(text, combine, CANDIDATE_COUNT).map((r) => ({ id: r.id, s: r.score }));
    const top = scored[0]?.s ?? 0;
    const second = scored[1]?.s ?? 0;
    const candidates = scored.slice(0, CANDIDATE_COUNT).map((r, i) => ({
      faqId: r.id,
      score: round(confidence(r.s, i === 0 ? second : top)),
    }));
    return { candidates, top, second };
  }

  function coverage(text: string, lang: Lang): number {
    return indexes.get(lang)?.coverage(text) ?? 0;
  }

  function classify(text: string, opts: ClassifyOptions = {}): Decision {
    const lang = opts.lang ?? detectLanguage(text, opts.langs);
    const flag = matchesEscalation(text, escalation) ? ({ escalation: true } as const) : {};
    const intent = detectIntent(text, [lang, ...LANGS.filter((l) => l !== lang)]);
    if (intent) return { type: 'intent', intent: intent.intent, lang, score: intent.score, ...flag };

    const { candidates, top, second } = rank(text, lang);
    if (minCoverage > 0 && coverage(text, lang) < minCoverage)
      return { type: 'miss', lang, candidates, ...flag };
    const best = candidates[0];
    const runnerUp = candidates[1];
    // the out-of-vocabulary check: a question about things the FAQ never mentions is a miss
    const vocabulary = best ? indexes.get(lang)?.vocabularyOf(text, best.faqId) : undefined;
    if (best && vocabulary && vocabulary.foreign >= maxForeign)
      return { type: 'miss', lang, candidates, ...flag };
    if (best && runnerUp && best.score >= CLARIFY_FLOOR && top - second <= CLARIFY_GAP) {
      return { type: 'clarify', candidates: [best, runnerUp], lang, ...flag };
    }
    // the optional recalibration: how much of the question the best entry's own text covers
    const sure =
      best && oovCheck ? honestConfidence(best.score, vocabulary ?? ZERO_VOCABULARY) : (best?.score ?? 0);
    if (best && sure >= answerThreshold) {
      return { type: 'answer', faqId: best.faqId, score: round(sure), lang, candidates, ...flag };
    }
    return nearMiss(text, candidates, sure, lang, flag);
  }

  /** Below the answer threshold: a near miss offers the best entries ("did you mean"), else a miss. */
  function nearMiss(
    text: string,
    candidates: Candidate[],
    sure: number,
    lang: Lang,
    flag: { escalation?: true },
  ): Decision {
    const best = candidates[0];
    if (best && sure >= CLARIFY_FLOOR && coverage(text, lang) >= SUGGEST_COVERAGE)
      return { type: 'clarify', candidates: suggestionsOf(candidates), lang, near: true, ...flag };
    return { type: 'miss', lang, candidates, ...flag };
  }

  for (const e of entries) upsert(e);
  return {
    classify,
    rank: (text, opts = {}) => rank(text, opts.lang ?? detectLanguage(text, opts.langs)).candidates,
    upsert,
    remove,
    detectLanguage,
    coverage: (text, opts = {}) => coverage(text, opts.lang ?? detectLanguage(text, opts.langs)),
    vocabularyOf: (text, faqId, opts = {}) =>
      indexes.get(opts.lang ?? detectLanguage(text, opts.langs))?.vocabularyOf(text, faqId) ??
      ZERO_VOCABULARY,
  };
}

/**
 * What the index sees in a text without an FAQ: content stems and synonym concepts (stop words
 * dropped) and the folded content words. For grouping similar visitor questions.
 */
export function createTextAnalyzer(lang: Lang): (text: string) => { terms: string[]; words: string[] } {
  const analyzer = createAnalyzer(lang, baseSynonyms(lang));
  return (text) => {
    const { terms, words } = analyzer.analyze(text);
    return { terms: terms.filter((t) => !t.startsWith(STOP_MARK)), words };
  };
}

/** WordNet synonyms (and derivations) of the content words of an entry's texts, as one text. */
function expandEnglish(texts: string[], options: ExpansionOptions): string {
  const own = new Set(texts.flatMap((t) => tokenize(foldText(t))).filter((w) => !isStopWord(w, 'en')));
  const out = new Set<string>();
  for (const w of own)
    for (const x of expansionsOf(w, options)) if (!own.has(x) && !isStopWord(x, 'en')) out.add(x);
  return [...out].join(' ');
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
