/**
 * `pnpm bench [--quick] [--json]`: widget weight, host-page impact in Chromium, the server under load
 * beside a bare socket.io relay, and the bot evaluation; prints the table (or one JSON object with
 * --json) and writes both to bench/results/<timestamp>.{json,md}.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, platform, release, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { BOT_EVAL_CLI } from '@frontdesk/server/testing';
import { WIDGET_BUDGETS } from '@frontdesk/shared';
import { CHROMIUM_PATH, measureHostPage, readManifest, weightFromManifest } from './browser/host-page.ts';
import { PLANS } from './plans.ts';
import {
  type BenchJson,
  type BotLatency,
  formatReport,
  type Machine,
  OTHER_WIDGETS,
  serverJson,
} from './report.ts';
import { runScaleOut } from './scale-out.ts';
import { scaleOutJson } from './scale-out-report.ts';
import { runTarget, singleNode } from './server-load.ts';

const RESULTS = fileURLToPath(new URL('../results/', import.meta.url));
const FAQ_EVAL_DIR =
  process.env.FAQ_EVAL_DIR ?? fileURLToPath(new URL('../../../shared/data/faq-eval', import.meta.url));

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    'skip-server': { type: 'boolean', default: false },
    'skip-browser': { type: 'boolean', default: false },
  },
});
const mode = values.quick ? 'quick' : 'full';
const plan = PLANS[mode];
// With --json, stdout carries only the JSON object; progress goes to stderr.
const log = (line: string) => process.stderr.write(`${line}\n`);

const loadNow = () => Math.round((loadavg()[0] ?? 0) * 10) / 10;
const loadAtStart = loadNow();

function machine(): Machine {
  const cpu = cpus();
  return {
    loadAverage: { start: loadAtStart, end: loadNow() },
    cpu: cpu[0]?.model.trim() ?? 'unknown',
    cores: cpu.length,
    memoryGB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    os: `${platform()} ${release()}`,
  };
}

function runBotEval(): BenchJson['bot'] {
  if (!plan.bot) return { measured: false, reason: 'skipped with --quick' };
  if (!existsSync(BOT_EVAL_CLI)) return { measured: false, reason: 'no bot evaluation in this checkout' };
  if (!existsSync(FAQ_EVAL_DIR)) return { measured: false, reason: `no data sets at ${FAQ_EVAL_DIR}` };
  const run = (json: boolean, extra: string[] = []) =>
    spawnSync(
      process.execPath,
      ['--import', 'tsx', BOT_EVAL_CLI, FAQ_EVAL_DIR, ...(json ? ['--json'] : []), ...extra],
      {
        encoding: 'utf8',
        timeout: 180_000,
        maxBuffer: 64 * 2 ** 20,
      },
    );
  const table = run(false);
  if (table.status !== 0)
    return { measured: false, reason: `bot evaluation failed: ${table.stderr.slice(0, 500)}` };
  const json = run(true);
  const latency = run(true, ['--latency']);
  return {
    table: table.stdout,
    json: json.status === 0 ? (JSON.parse(json.stdout) as unknown) : null,
    latency: latency.status === 0 ? (JSON.parse(latency.stdout) as BotLatency) : null,
  };
}

async function main() {
  const started = new Date();
  const t0 = performance.now();
  log(`Frontdesk bench (${mode})`);

  const manifest = readManifest();
  const browserReady = existsSync(CHROMIUM_PATH);
  let widget: BenchJson['widget'] = {
    built: false,
    reason: 'widget/dist/manifest.json not found: run pnpm build',
  };
  let host: BenchJson['host'] = { measured: false, reason: 'the widget is not built' };
  if (values['skip-browser']) host = { measured: false, reason: 'skipped with --skip-browser' };
  else if (manifest && !browserReady)
    host = { measured: false, reason: `Chromium not found at ${CHROMIUM_PATH}` };
  if (manifest) {
    const weight = weightFromManifest(manifest);
    let requests = {
      requestsOnLoad: Number.NaN,
      requestsOnOpen: Number.NaN,
      bytesOnLoad: Number.NaN,
      bytesOnOpen: Number.NaN,
      socketsOnLoad: Number.NaN,
    };
    if (browserReady && !values['skip-browser']) {
      log(
        `host page: ${plan.hostRuns} rounds of three embeds (after load, plain tag, none)${process.env.BENCH_COMPARE_LOADER ? `, and the after-load embed with ${process.env.BENCH_COMPARE_LOADER}` : ''}`,
      );
      const measured = await measureHostPage(plan.hostRuns, plan.settleMs, log);
      const { withWidget: _w, withTag: _t, withoutWidget: _wo, withCompare: _c, ...medians } = measured.host;
      host = medians;
      requests = measured.requests;
    }
    widget = { built: true, budgets: WIDGET_BUDGETS, ...weight, ...requests };
  }

  let server: BenchJson['server'] = null;
  if (!values['skip-server']) {
    log('server: Frontdesk, one node on SQLite');
    const frontdesk = await runTarget(singleNode('frontdesk'), plan.server, log);
    const scaleOut = await runScaleOut(plan.scaleOut, log);
    log('server: bare socket.io relay');
    const bare = await runTarget(singleNode('bare'), plan.server, log);
    const saturationSockets = Math.max(...plan.server.sizes);
    server = serverJson(
      frontdesk,
      bare,
      plan.server.topology,
      saturationSockets,
      scaleOutJson(scaleOut, frontdesk, bare, saturationSockets),
    );
  }

  log('bot evaluation');
  const bot = runBotEval();

  const result: BenchJson = {
    schema: 1,
    mode,
    startedAt: started.toISOString(),
    durationS: Math.round((performance.now() - t0) / 1000),
    machine: machine(),
    widget,
    host,
    server,
    bot,
    others: OTHER_WIDGETS,
  };
  const text = formatReport(result);
  mkdirSync(RESULTS, { recursive: true });
  const stamp = started.toISOString().replace(/[:.]/g, '-');
  writeFileSync(`${RESULTS}${stamp}.json`, `${JSON.stringify(result, null, 2)}\n`);
  writeFileSync(`${RESULTS}${stamp}.md`, `${text}\n`);
  if (values.json) process.stdout.write(`${JSON.stringify(result)}\n`);
  else process.stdout.write(`\n${text}\n\nWritten: bench/results/${stamp}.json\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = 1;
});
