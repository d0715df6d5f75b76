// Runs the engine and the TF-IDF baseline over one dataset, per language, and collects the metrics.
import { createEngine, type Engine, type Lang } from '../engine/index.ts';
import { type Baseline, balancedThreshold, createBaseline } from './baseline.ts';
import {
  type CrossValidation,
  crossValidate,
  crossValidateBaseline,
  crossValidateHonest,
  type ReliabilityBin,
  reliability,
} from './crossval.ts';
import type { Dataset, Query } from './dataset.ts';
import { computeMetrics, type Metrics, type Prediction } from './metrics.ts';
import { createNlpjsBaseline } from './nlpjs-baseline.ts';
import { predictionOf } from './prediction.ts';

export type LangResult = {
  lang: Lang;
  engine: Metrics;
  baseline: Metrics & { threshold: number };
  /** NLP.js 4.x, trained on the same questions and examples, threshold chosen the same way. */
  nlpjs: Metrics & { threshold: number };
  /** Share of this language's queries whose language the engine detected right (datasets with 2+ languages). */
  languageDetection?: number;
};

export type SetResult = {
  set: string;
  tunedOn: 'val_queries' | 'queries';
  langs: LangResult[];
  /** Sets tuned on their own dev queries: 5-fold cross-validation of the operating point. */
  crossValidation?: ReturnType<typeof crossValidate>;
  /** Reliability diagram data per language (top candidate's confidence vs. right). */
  calibration?: Record<string, ReliabilityBin[]>;
  /** Sets tuned on their own dev queries: the out-of-vocabulary check, cross-validated (`OOV_CALIBRATION`). */
  oovCheck?: ReturnType<typeof crossValidateHonest>;
  /** Sets tuned on their own dev queries: the baselines on the same folds (threshold chosen on the other folds). */
  baselinesCv?: { tfidf: Record<string, CrossValidation>; nlpjs: Record<string, CrossValidation> };
};

/** Placeholder answers (CLINC) contain the entry id and would leak the label: never index those. */
function answersAreReal(ds: Dataset): boolean {
  return ds.entries.every((e) => e.answer.trim() !== '' && !e.answer.includes(e.id));
}

function runEngine(engine: Engine, queries: Query[], lang: Lang): Prediction[] {
  engine.rank('warm-up', { lang }); // the index compiles lazily on the first query: keep that out of the latency
  return queries.map((q) => {
    const start = performance.now();
    const decision = engine.classify(q.text, { lang });
    const ms = performance.now() - start;
    const top1 = engine.rank(q.text, { lang })[0]?.faqId ?? null;
    return predictionOf(decision, top1, ms);
  });
}

/** Predictions of a threshold baseline (best entry and its score) on queries. */
function baselinePredictions(
  baseline: Baseline & { msOf?: (text: string) => number },
  queries: Query[],
  threshold: number,
): Prediction[] {
  return queries.map((q) => {
    const start = performance.now();
    const r = baseline.rank(q.text);
    const ms = baseline.msOf?.(q.text) ?? performance.now() - start;
    return { predicted: r && r.score >= threshold ? r.id : null, top1: r?.id ?? null, ms };
  });
}

export async function evaluateDataset(
  ds: Dataset,
  options: { indexAnswers?: boolean } = {},
): Promise<SetResult> {
  const langs = [...new Set(ds.entries.map((e) => e.lang))].sort();
  const indexAnswers = options.indexAnswers ?? false;
  if (indexAnswers && !answersAreReal(ds))
    throw new Error(`${ds.name}: answers are placeholders; not indexing them`);
  // placeholder answers name the entry: keep them out of the vectors (the default `ANSWER_WEIGHT` would index them)
  const answerWeight = answersAreReal(ds) ? {} : { answerWeight: 0 };
  const engine = createEngine(ds.entries, { indexAnswers, ...answerWeight });
  const tfidf: Record<string, Baseline> = {};
  const nlpjs: Record<string, Baseline> = {};
  const results: LangResult[] = [];
  for (const lang of langs) {
    const test = ds.test.filter((q) => q.lang === lang);
    const tuning = ds.tuning.filter((q) => q.lang === lang);
    const engineMetrics = computeMetrics(test, runEngine(engine, test, lang));
    const own = ds.entries.filter((e) => e.lang === lang);
    const baseline = createBaseline(own);
    const threshold = balancedThreshold(baseline, tuning);
    const nlp = await createNlpjsBaseline(
      own,
      lang,
      [...test, ...tuning].map((q) => q.text),
    );
    const nlpThreshold = balancedThreshold(nlp, tuning);
    tfidf[lang] = baseline;
    nlpjs[lang] = nlp;
    const result: LangResult = {
      lang,
      engine: engineMetrics,
      baseline: { ...computeMetrics(test, baselinePredictions(baseline, test, threshold)), threshold },
      nlpjs: {
        ...computeMetrics(test, baselinePredictions(nlp, test, nlpThreshold)),
        threshold: nlpThreshold,
      },
    };
    if (langs.length > 1 && test.length > 0) {
      const detected = test.filter((q) => engine.detectLanguage(q.text) === lang).length;
      result.languageDetection = detected / test.length;
    }
    results.push(result);
  }
  const out: SetResult = { set: ds.name, tunedOn: ds.hasVal ? 'val_queries' : 'queries', langs: results };
  const calibration: Record<string, ReliabilityBin[]> = {};
  for (const lang of langs)
    calibration[lang] = reliability(
      ds.entries,
      ds.tuning.filter((q) => q.lang === lang),
      lang,
      answerWeight,
    );
  out.calibration = calibration;
  if (!ds.hasVal) {
    out.crossValidation = crossValidate(ds.entries, ds.tuning);
    out.oovCheck = crossValidateHonest(ds.entries, ds.tuning);
    out.baselinesCv = {
      tfidf: crossValidateBaseline(tfidf, ds.tuning),
      nlpjs: crossValidateBaseline(nlpjs, ds.tuning),
    };
  }
  return out;
}
