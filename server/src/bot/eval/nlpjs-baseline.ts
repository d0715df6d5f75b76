// NLP.js 4.x (MIT; a dev dependency of this evaluation only) as a second baseline: one intent per FAQ entry,
// trained on its question and examples with the library's defaults (its stemmer and neural classifier for
// the language). Its top classification and score stand in for a ranking; the threshold is chosen the same
// "balanced" way as the TF-IDF baseline's. NLP.js is asynchronous: every text is classified up front and the
// results are served through the synchronous `Baseline` interface.
import { containerBootstrap } from '@nlpjs/core';
import { LangEn } from '@nlpjs/lang-en-min';
import { LangPl } from '@nlpjs/lang-pl';
import { Nlp } from '@nlpjs/nlp';
import type { FaqEntry, Lang } from '../engine/index.ts';
import type { Baseline } from './baseline.ts';

type Classification = { intent: string; score: number };
type NlpResult = { classifications?: Classification[] };
type NlpManager = {
  settings: Record<string, unknown>;
  addLanguage(lang: string): void;
  addDocument(lang: string, text: string, intent: string): void;
  train(): Promise<unknown>;
  process(lang: string, text: string): Promise<NlpResult>;
};

/** Trains NLP.js on `entries` of one language and classifies `texts`; `rank` then answers for those texts. */
export async function createNlpjsBaseline(
  entries: FaqEntry[],
  lang: Lang,
  texts: string[],
): Promise<Baseline & { msOf(text: string): number }> {
  const container = await containerBootstrap();
  // the library's own NLU defaults, with its per-epoch console log off
  container.registerConfiguration(
    'nlu-??',
    {
      keepStopwords: true,
      nonefeatureValue: 1,
      nonedeltaMultiplier: 1.2,
      spellCheck: false,
      spellCheckDistance: 1,
      filterZeros: true,
      log: false,
    },
    true,
  );
  container.use(Nlp);
  container.use(lang === 'pl' ? LangPl : LangEn);
  const nlp = container.get('nlp') as NlpManager;
  nlp.settings.autoSave = false;
  nlp.settings.autoLoad = false;
  nlp.settings.log = false;
  nlp.addLanguage(lang);
  for (const e of entries) for (const t of [e.question, ...e.examples]) nlp.addDocument(lang, t, e.id);
  await nlp.train();
  const results = new Map<string, { id: string; score: number } | null>();
  const times = new Map<string, number>();
  for (const text of new Set(texts)) {
    const start = performance.now();
    const r = await nlp.process(lang, text);
    times.set(text, performance.now() - start);
    const top = (r.classifications ?? [])
      .filter((c) => c.intent !== 'None')
      .sort((a, b) => b.score - a.score)[0];
    results.set(text, top && top.score > 0 ? { id: top.intent, score: top.score } : null);
  }
  return {
    rank(text: string) {
      const r = results.get(text);
      if (r === undefined) throw new Error(`NLP.js baseline: "${text}" was not classified up front`);
      return r;
    },
    /** Time NLP.js took to classify `text` (its `process`, measured up front). */
    msOf: (text: string) => times.get(text) ?? 0,
  };
}
