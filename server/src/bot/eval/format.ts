// Renders evaluation results as a plain-text table (engine and baseline side by side).
import { MAX_FOREIGN } from '../engine/index.ts';
import type { CrossValidation } from './crossval.ts';
import type { Metrics } from './metrics.ts';
import type { SetResult } from './run.ts';

function pct(x: number | null): string {
  return x === null ? '–' : (x * 100).toFixed(1);
}

function oosCell(m: Metrics): string {
  const parts = Object.entries(m.oosRecallByType).map(
    ([type, v]) => `${type === 'in-domain' ? 'ID' : type === 'out-of-domain' ? 'OOD' : type} ${pct(v)}`,
  );
  return parts.length > 0 ? `${pct(m.oosRecall)} (${parts.join(' / ')})` : pct(m.oosRecall);
}

const HEADER = [
  'set',
  'lang',
  'method',
  'top-1',
  'in-scope',
  'OOS recall (ID / OOD)',
  'ans. prec.',
  'human',
  'small talk',
  'did you mean (hit)',
  'reached',
  'OOS suggested',
  'median ms',
  'p99 ms',
];

function row(set: string, lang: string, method: string, m: Metrics): string[] {
  return [
    set,
    lang,
    method,
    pct(m.top1),
    pct(m.inScopeAccuracy),
    oosCell(m),
    pct(m.answeredPrecision),
    pct(m.humanAccuracy),
    pct(m.smalltalkAccuracy),
    `${pct(m.clarifyRate)} (${pct(m.clarifyHit)})`,
    pct(m.reached),
    pct(m.oosSuggested),
    m.latencyMedianMs.toFixed(3),
    m.latencyP99Ms.toFixed(3),
  ];
}

/** A Markdown table: paste-able into the README and the closing note. */
export function formatTable(results: SetResult[]): string {
  const rows: string[][] = [];
  for (const r of results) {
    for (const l of r.langs) {
      rows.push(row(r.set, l.lang, 'engine', l.engine));
      rows.push(row(r.set, l.lang, `TF-IDF (thr ${l.baseline.threshold.toFixed(3)})`, l.baseline));
      rows.push(row(r.set, l.lang, `NLP.js 4 (thr ${l.nlpjs.threshold.toFixed(3)})`, l.nlpjs));
    }
  }
  const widths = HEADER.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  const notes = results
    .flatMap((r) =>
      r.langs
        .filter((l) => l.languageDetection !== undefined)
        .map((l) => `${r.set} ${l.lang}: language detected right in ${pct(l.languageDetection ?? null)}%`),
    )
    .join('\n');
  const cv = results.flatMap((r) => {
    const c = r.crossValidation;
    if (!c) return [];
    const sp = (s: { mean: number; sd: number }) => `${s.mean.toFixed(1)} ± ${s.sd.toFixed(1)}`;
    const points = c.points
      .map(
        (p) =>
          `${p.answerThreshold}/${p.minCoverage}/${Number.isFinite(p.maxForeign) ? p.maxForeign : 'off'}`,
      )
      .join(', ');
    const frozenLine =
      (label: string) =>
      ([lang, m]: [string, CrossValidation]) =>
        `  ${lang}, ${label}: top-1 ${sp(m.top1)}, in-scope ${sp(m.inScopeAccuracy)}, OOS recall ${sp(m.oosRecall)}, answered precision ${sp(m.answeredPrecision)}, reached ${sp(m.reached)}, person ${sp(m.human)}, small talk ${sp(m.smalltalk)}`;
    return [
      `${r.set} 5-fold cross-validation (operating point answer threshold/min coverage/max foreign chosen per fold: ${points}); mean ± sd over folds:`,
      ...Object.entries(c.beforeOov).map(
        frozenLine('frozen point without the coverage floor or foreign-word gate'),
      ),
      ...Object.entries(c.frozen).map(frozenLine(`frozen point with the foreign-word gate (${MAX_FOREIGN})`)),
      ...Object.entries(c.byLang).map(
        ([lang, m]) =>
          `  ${lang}, point chosen on the other folds: top-1 ${sp(m.top1)}, in-scope ${sp(m.inScopeAccuracy)}, OOS recall ${sp(m.oosRecall)}, answered precision ${sp(m.answeredPrecision)}`,
      ),
      ...Object.entries(r.oovCheck?.byLang ?? {}).map(
        ([lang, m]) =>
          `  ${lang}, out-of-vocabulary check (calibration fitted and threshold chosen on the other folds: ${r.oovCheck?.folds.map((f) => f.threshold).join(', ')}): in-scope ${sp(m.inScopeAccuracy)}, OOS recall ${sp(m.oosRecall)}, answered precision ${sp(m.answeredPrecision)}, reached ${sp(m.reached)}`,
      ),
      ...(['tfidf', 'nlpjs'] as const).flatMap((method) =>
        Object.entries(r.baselinesCv?.[method] ?? {}).map(
          ([lang, m]) =>
            `  ${lang}, ${method === 'tfidf' ? 'TF-IDF' : 'NLP.js'} (threshold chosen on the other folds): top-1 ${sp(m.top1)}, in-scope ${sp(m.inScopeAccuracy)}, OOS recall ${sp(m.oosRecall)}, answered precision ${sp(m.answeredPrecision)}`,
        ),
      ),
    ];
  });
  return [line(HEADER), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line), '', notes, ...cv]
    .join('\n')
    .trimEnd();
}
