/**
 * Issue 17: where the loader's own main-thread time goes, from a Chromium trace at the bench's CPU
 * slowdown (4×). A blank page on its own origin with the plain tag and the built `widget/dist/widget.js`
 * (no Frontdesk server: the loader draws the launcher without one); a fresh context per run (cold
 * cache). Times are the trace's thread (CPU) times where it has them (`tdur`; on a busy machine the
 * wall time includes descheduling). Per run: the loader's `v8.compile`, its `EvaluateScript` (the top-level run: Shadow DOM,
 * constructed stylesheet, the button), the work inside that run by trace event (self time), and
 * what the launcher costs after the run (style, layout, paint) until it is laid out. Medians.
 *
 *   pnpm build && pnpm --filter @frontdesk/bench exec node --import tsx src/browser/loader-trace.ts [runs]
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { PATHS } from '@frontdesk/shared';
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

const LOADER = readFileSync(
  fileURLToPath(new URL('../../../widget/dist/widget.js', import.meta.url)),
  'utf8',
);
const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Loader trace</title></head>
<body><h1>Loader trace</h1><script src="${PATHS.loader}" data-site="demo" data-locale="en" async></script></body></html>`;
/** Resolves one frame after the launcher's button is laid out (a string: tsx would add helpers to a function). */
const LAUNCHER_LAID_OUT = `new Promise((resolve) => {
  const check = () => {
    const button = document.querySelector('frontdesk-widget')?.shadowRoot?.querySelector('button');
    if (button && button.getBoundingClientRect().width > 0) requestAnimationFrame(() => resolve());
    else requestAnimationFrame(check);
  };
  check();
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

async function main() {
  const runs = Number(process.argv[2] ?? 9);
  const server = createServer((req, res) => {
    if (req.url === PATHS.loader) {
      res.setHeader('content-type', 'text/javascript; charset=utf-8');
      res.end(LOADER);
    } else {
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end(PAGE);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const browser = await launchBrowser();
  const rows: Record<string, number>[] = [];
  try {
    for (let i = 0; i < runs; i++) {
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

      const isLoader = (e: TraceEvent) =>
        (e.args?.data?.url ?? e.args?.fileName ?? '').endsWith(PATHS.loader);
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
      const row: Record<string, number> = {
        'EvaluateScript, wall (incl. compile)': evaluate.dur / 1000,
        'EvaluateScript, CPU (incl. compile)': cost(evaluate) / 1000,
        'v8.compile of the loader': compile / 1000,
      };
      for (const [name, us] of within) row[`in run: ${name}`] = us / 1000;
      for (const name of ['UpdateLayoutTree', 'Layout', 'Paint', 'PrePaint', 'Layerize', 'RunTask'])
        row[`after run: ${name}`] = (after.get(name) ?? 0) / 1000;
      rows.push(row);
      process.stderr.write(
        `run ${i + 1}/${runs}: EvaluateScript ${(evaluate.dur / 1000).toFixed(1)} ms wall, ${(cost(evaluate) / 1000).toFixed(1)} ms CPU\n`,
      );
    }
  } finally {
    await browser.close();
    server.close();
  }
  const names = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const table = names
    .map((name) => ({ name, ms: median(rows.map((r) => r[name] ?? 0)) }))
    .filter((r) => r.ms >= 0.05)
    .sort((a, b) => (a.name.startsWith('in run') === b.name.startsWith('in run') ? b.ms - a.ms : 0));
  console.log(`loader trace, ${CPU_SLOWDOWN}× CPU slowdown, ${runs} cold runs, medians (ms):`);
  for (const r of table) console.log(`${r.name.padEnd(48)} ${r.ms.toFixed(2)}`);
}

await main();
