/**
 * Issue 17: where the loader's own main-thread time goes, from a Chromium trace at the bench's CPU
 * slowdown (4×). A blank page on its own origin with the plain tag and the built `widget/dist/widget.js`
 * (no Frontdesk server: the loader draws the launcher without one); a fresh context per run (cold
 * cache). Times are the trace's thread (CPU) times where it has them (`tdur`; on a busy machine the
 * wall time includes descheduling). Per run: the loader's `v8.compile`, its `EvaluateScript` (the top-level run: Shadow DOM,
 * constructed stylesheet, the button), the work inside that run by trace event (self time), and
 * what the launcher costs after the run (style, layout, paint) until it is laid out. Medians.
 *
 * With a second loader file (e.g. an earlier build kept aside), both are traced in the same
 * session, interleaved and alternating which goes first each round, and the medians printed side by
 * side: a before/after on the same machine at the same time.
 *
 *   pnpm build && pnpm --filter @frontdesk/bench exec node --import tsx src/browser/loader-trace.ts [runs] [other-widget.js]
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { PATHS } from '@frontdesk/shared';
import type { Browser } from 'playwright-core';
import { median } from '../stats.ts';
import { CPU_SLOWDOWN, launchBrowser } from './host-page.ts';

type TraceEvent = {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) time: on a busy machine the wall time `dur` includes time the thread was not running. */
  tdur?: number;
  tid: number;
  pid: number;
  args?: { data?: { url?: string; stackTrace?: unknown }; fileName?: string };
};

const BUILT = fileURLToPath(new URL('../../../widget/dist/widget.js', import.meta.url));
const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Loader trace</title></head>
<body><h1>Loader trace</h1><script src="${PATHS.loader}" data-site="demo" data-locale="en" async></script></body></html>`;
/**
 * Resolves one frame after the launcher's button is laid out, without reading layout itself (a
 * `ResizeObserver`; a string: tsx would add helpers to a function).
 */
const LAUNCHER_LAID_OUT = `new Promise((resolve) => {
  const wait = () => {
    const button = document.querySelector('frontdesk-widget')?.shadowRoot?.querySelector('button');
    if (!button) return requestAnimationFrame(wait);
    const sized = new ResizeObserver((entries) => {
      if (!entries.some((e) => e.contentRect.width > 0)) return;
      sized.disconnect();
      requestAnimationFrame(() => resolve());
    });
    sized.observe(button);
  };
  wait();
})`;
const CATEGORIES = [
  'devtools.timeline',
  'v8',
  'v8.execute',
  'blink',
  'disabled-by-default-devtools.timeline',
];

/** The thread (CPU) time of an event where the trace has it, else its wall time. */
const cost = (e: TraceEvent) => e.tdur ?? e.dur ?? 0;

/** Self time of each event inside `[start, end]` on one thread (CPU time): its cost minus its children's. */
function selfTimes(events: TraceEvent[], start: number, end: number): Map<string, number> {
  const inside = events
    .filter((e) => e.ph === 'X' && e.dur !== undefined && e.ts >= start && e.ts + (e.dur ?? 0) <= end)
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const self = new Map<string, number>();
  const stack: { e: TraceEvent; end: number; children: number }[] = [];
  const close = (until: number) => {
    while (stack.length > 0 && (stack.at(-1)?.end ?? 0) <= until) {
      const top = stack.pop();
      if (!top) break;
      self.set(top.e.name, (self.get(top.e.name) ?? 0) + cost(top.e) - top.children);
    }
  };
  for (const e of inside) {
    close(e.ts);
    const parent = stack.at(-1);
    if (parent) parent.children += cost(e);
    stack.push({ e, end: e.ts + (e.dur ?? 0), children: 0 });
  }
  close(Number.POSITIVE_INFINITY);
  return self;
}

type Row = Record<string, number>;

/** One cold run of the blank page at `url` (its loader served beside it): the trace, summarised. */
async function traceOnce(browser: Browser, url: string): Promise<Row> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (data) => {
    events.push(...(data.value as unknown as TraceEvent[]));
  });
  const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.start', { categories: CATEGORIES.join(','), transferMode: 'ReportEvents' });
  await page.goto(url, { waitUntil: 'load' });
  await page.evaluate(LAUNCHER_LAID_OUT);
  await cdp.send('Tracing.end');
  await done;
  await context.close();

  const isLoader = (e: TraceEvent) => (e.args?.data?.url ?? e.args?.fileName ?? '').endsWith(PATHS.loader);
  const evaluate = events.find((e) => e.name === 'EvaluateScript' && e.ph === 'X' && isLoader(e));
  if (!evaluate?.dur) throw new Error('no EvaluateScript of the loader in the trace');
  const thread = events.filter((e) => e.tid === evaluate.tid && e.pid === evaluate.pid);
  const compile = thread
    .filter((e) => e.ph === 'X' && /^v8\.compile/.test(e.name) && isLoader(e))
    .reduce((sum, e) => sum + cost(e), 0);
  const evalEnd = evaluate.ts + evaluate.dur;
  const within = selfTimes(thread, evaluate.ts, evalEnd);
  // After the run until the trace ends (the launcher laid out and one more frame): rendering work.
  const after = selfTimes(thread, evalEnd, Number.POSITIVE_INFINITY);
  const row: Row = {
    'EvaluateScript, wall (incl. compile)': evaluate.dur / 1000,
    'EvaluateScript, CPU (incl. compile)': cost(evaluate) / 1000,
    'v8.compile of the loader': compile / 1000,
  };
  for (const [name, us] of within) row[`in run: ${name}`] = us / 1000;
  for (const name of ['UpdateLayoutTree', 'Layout', 'Paint', 'PrePaint', 'Layerize', 'RunTask'])
    row[`after run: ${name}`] = (after.get(name) ?? 0) / 1000;
  return row;
}

/** Serves the blank page and one loader's text as `PATHS.loader`; resolves with the page's URL. */
async function serve(loader: string): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    if (req.url === PATHS.loader) {
      res.setHeader('content-type', 'text/javascript; charset=utf-8');
      res.end(loader);
    } else {
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end(PAGE);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, server };
}

async function main() {
  const runs = Number(process.argv[2] ?? 9);
  const files = [BUILT, ...(process.argv[3] ? [process.argv[3]] : [])];
  const served = await Promise.all(files.map((file) => serve(readFileSync(file, 'utf8'))));
  const rows: Row[][] = files.map(() => []);
  const browser = await launchBrowser();
  try {
    for (let i = 0; i < runs; i++) {
      for (let k = 0; k < files.length; k++) {
        const which = (i + k) % files.length;
        const row = await traceOnce(browser, served[which]!.url);
        rows[which]!.push(row);
        process.stderr.write(
          `run ${i + 1}/${runs} ${files[which]}: EvaluateScript ${row['EvaluateScript, wall (incl. compile)']!.toFixed(1)} ms wall, ${row['EvaluateScript, CPU (incl. compile)']!.toFixed(1)} ms CPU\n`,
        );
      }
    }
  } finally {
    await browser.close();
    for (const { server } of served) server.close();
  }
  const names = [...new Set(rows.flat().flatMap((r) => Object.keys(r)))];
  const table = names
    .map((name) => ({ name, ms: rows.map((list) => median(list.map((r) => r[name] ?? 0))) }))
    .filter((r) => r.ms.some((ms) => ms >= 0.05))
    .sort((a, b) => (a.name.startsWith('in run') === b.name.startsWith('in run') ? b.ms[0]! - a.ms[0]! : 0));
  console.log(`loader trace, ${CPU_SLOWDOWN}× CPU slowdown, ${runs} cold runs each, medians (ms):`);
  console.log(
    `${''.padEnd(48)} ${files.map((f) => f.split('/').slice(-2).join('/').padStart(24)).join(' ')}`,
  );
  for (const r of table)
    console.log(`${r.name.padEnd(48)} ${r.ms.map((ms) => ms.toFixed(2).padStart(24)).join(' ')}`);
}

await main();
