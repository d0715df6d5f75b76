// `pnpm bot:eval <dir> [--json] [--answers] [--latency]`: evaluates the FAQ engine and the TF-IDF and
// NLP.js baselines on a faq-eval directory (one dataset, or a parent of several) and prints a table or one JSON
// object; with --latency, times matches over 1,000 entries built from the clinc150 set instead.
import { basename, resolve } from 'node:path';
import { findDatasets, loadDataset } from './dataset.ts';
import { formatTable } from './format.ts';
import { measureLatency } from './latency.ts';
import { evaluateDataset, type SetResult } from './run.ts';

const USAGE = [
  'usage: pnpm bot:eval <dir> [--json] [--answers] [--latency]',
  '  --answers  also index FAQ answers (only for sets with real answer text)',
  '  --latency  time per match over 1,000 entries built from the clinc150 set (median, p99)',
].join('\n');
const FLAGS = new Set(['--json', '--answers', '--latency', '--help']);

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
  const results: SetResult[] = [];
  for (const d of dirs)
    results.push(await evaluateDataset(loadDataset(d), { indexAnswers: flags.has('--answers') }));
  process.stdout.write(
    flags.has('--json') ? `${JSON.stringify(toJson(results), null, 2)}\n` : `${formatTable(results)}\n`,
  );
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
