/**
 * Diagnosis run: `PAIRS=5000 RATE=500 [TARGETS=frontdesk,bare] [BENCH_PROFILE=<file>]
 * [LISTS=2] [BENCH_SERVER_FLAGS=--trace-gc] node --import tsx src/profile-run.ts` — one steady phase at the given
 * size per target (Frontdesk profiled when asked), one after the other in the same run, then the
 * CPU-per-message ratio of each target against the last one (by default Frontdesk alone).
 */
import { LISTS_PER_SITE } from './load/protocol.ts';
import { runTarget, singleNode } from './server-load.ts';

const pairs = Number(process.env.PAIRS ?? 1000);
const rate = Number(process.env.RATE ?? 1500);
const targets = (process.env.TARGETS ?? 'frontdesk')
  .split(',')
  .filter(Boolean)
  .map((name) => {
    if (name !== 'frontdesk' && name !== 'bare') throw new Error(`TARGETS: unknown target ${name}`);
    return name;
  });
const summary: { target: string; cpuUsPerMessage: number }[] = [];
for (const target of targets) {
  const run = await runTarget(
    singleNode(target),
    {
      sizes: [pairs],
      // RATES=5000,500: steady phases before the profiled one (e.g. a backlog, then a light load).
      rates: (process.env.RATES ?? '').split(',').filter(Boolean).map(Number),
      warmupMs: 1000,
      measureMs: 3000,
      drainMs: 20_000,
      rampRates: [rate],
      rampMeasureMs: Number(process.env.MEASURE_MS ?? 8000),
      // LISTS=<n>: how many of a site's 4 agent sockets show the conversation list (issue 17).
      topology: {
        chatsPerAgent: 5,
        agentsPerSite: 4,
        listsPerSite: Number(process.env.LISTS ?? LISTS_PER_SITE),
      },
      idleSockets: 200,
    },
    (line) => process.stderr.write(`${line}\n`),
  );
  for (const row of [...run.rows, ...run.ramp])
    process.stderr.write(
      `${target} ${row.rate}/s: delivery ${JSON.stringify(row.delivery)} server cpu ${row.serverCpuPct}% ` +
        `(${row.serverCpuUsPerMessage} µs/msg), event loop delay ${JSON.stringify(row.eventLoopDelay)}\n`,
    );
  const last = run.ramp.at(-1);
  if (last) summary.push({ target, cpuUsPerMessage: last.serverCpuUsPerMessage });
}
const base = summary.at(-1);
if (base && summary.length > 1)
  for (const s of summary)
    process.stderr.write(
      `${s.target}: ${s.cpuUsPerMessage} µs/msg, ${(s.cpuUsPerMessage / base.cpuUsPerMessage).toFixed(2)}× ${base.target}\n`,
    );
