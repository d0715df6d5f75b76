// `pnpm bot:eval <dir> [--json] [--answers] [--latency] [--fit-calibration]`: evaluates the FAQ engine and the TF-IDF and
// NLP.js baselines on a faq-eval directory (one dataset, or a parent of several) and prints a table or one JSON
// object; with --latency, times matches over 1,000 entries built from the clinc150 set instead.
import { basename, resolve } from 'node:path';
import { fitCalibration } from './crossval.ts';
import { findDatasets, loadDataset } from './dataset.ts';
import { formatTable } from './format.ts';
import { measureLatency } from './latency.ts';
import { evaluateDataset, type SetResult } from './run.ts';

const USAGE = [
  'usage: pnpm bot:eval <dir> [--json] [--answers] [--latency] [--fit-calibration]',
  '  --answers  also index FAQ answers (only for sets with real answer text)',
  '  --latency  time per match over 1,000 entries built from the clinc150 set (median, p99)',
  '  --fit-calibration  fit the operating point and OOV_CALIBRATION on the dev queries of sets tuned on them (shop)',
].join('\n');
const FLAGS = new Set(['--json', '--answers', '--latency', '--fit-calibration', '--help']);

/** JSON keyed by set and language: { [set]: { [lang]: { engine: {...}, baseline: {...} } } }. */
function toJson(results: SetResult[]): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const r of results) {
    const perLang: Record<string, unknown> = {};
    for (const l of r.langs)
      perLang[l.lang] = {
        engine: l.engine,
        baseline: l.baseline,
        nlpjs: l.nlpjs,
        languageDetection: l.languageDetection ?? null,
      };
    out[r.set] = {
      tunedOn: r.tunedOn,
      ...perLang,
      crossValidation: r.crossValidation ?? null,
      calibration: r.calibration ?? null,
      oovCheck: r.oovCheck ?? null,
      baselinesCrossValidation: r.baselinesCv ?? null,
    };
  }
  return out;
}

async function main(argv: string[]): Promise<number> {
  const args = argv.filter((a) => !a.startsWith('--'));
  const flags = new Set(argv.filter((a) => a.startsWith('--')));
  const unknown = [...flags].filter((f) => !FLAGS.has(f));
  if (flags.has('--help') || args.length !== 1 || unknown.length > 0) {
    process.stderr.write(`${unknown.length ? `unknown option ${unknown.join(', ')}\n` : ''}${USAGE}\n`);
    return flags.has('--help') ? 0 : 2;
  }
  const base = process.env.INIT_CWD ?? process.cwd();
  const dir = resolve(base, args[0] ?? '.');
  const dirs = findDatasets(dir);
  if (dirs.length === 0) {
    process.stderr.write(`no faq-eval dataset (faq.jsonl + queries.jsonl) in ${dir} or its subdirectories\n`);
    return 1;
  }
  if (flags.has('--latency')) {
    const clinc = dirs.find((d) => basename(d) === 'clinc150');
    if (!clinc) {
      process.stderr.write(`--latency needs the clinc150 set in ${dir}\n`);
      return 1;
    }
    const result = measureLatency(clinc);
    process.stdout.write(
      flags.has('--json')
        ? `${JSON.stringify(result)}\n`
        : `median ${result.medianMs.toFixed(3)} ms, p99 ${result.p99Ms.toFixed(3)} ms per match over ` +
            `${result.entries} entries (${result.queries} queries; budget ${result.budgetMs} ms median)\n`,
    );
    return 0;
  }
  if (flags.has('--fit-calibration')) {
    for (const d of dirs) {
      const ds = loadDataset(d);
      if (ds.hasVal) continue; // CLINC: tuned on val by the frozen rules, never refitted here
      const fit = fitCalibration(ds.entries, ds.tuning);
      const r = (x: number) => Math.round(x * 1000) / 1000;
      const constants = {
        set: ds.name,
        ANSWER_THRESHOLD: fit.point.answerThreshold,
        MIN_COVERAGE: fit.point.minCoverage,
        MAX_FOREIGN: Number.isFinite(fit.point.maxForeign) ? fit.point.maxForeign : null,
        OOV_CALIBRATION: {
          weights: fit.oovCalibration.weights.map(r),
          bias: r(fit.oovCalibration.bias),
          threshold: fit.oovCalibration.threshold,
        },
      };
      process.stdout.write(`${JSON.stringify(constants, null, flags.has('--json') ? 0 : 2)}\n`);
    }
    return 0;
  }
  const results: SetResult[] = [];
  for (const d of dirs)
    results.push(await evaluateDataset(loadDataset(d), { indexAnswers: flags.has('--answers') }));
  process.stdout.write(
    flags.has('--json') ? `${JSON.stringify(toJson(results), null, 2)}\n` : `${formatTable(results)}\n`,
  );
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
