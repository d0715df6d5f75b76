/**
 * Diagnosis run, Frontdesk alone: `PAIRS=5000 RATE=500 [BENCH_PROFILE=<file>] [BENCH_SERVER_FLAGS=--trace-gc]
 * node --import tsx src/profile-run.ts` — one steady phase at the given size (profiled when asked).
 */
import { runTarget, singleNode } from './server-load.ts';

const pairs = Number(process.env.PAIRS ?? 1000);
const rate = Number(process.env.RATE ?? 1500);
const run = await runTarget(
  singleNode('frontdesk'),
  {
    sizes: [pairs],
    // RATES=5000,500: steady phases before the profiled one (e.g. a backlog, then a light load).
    rates: (process.env.RATES ?? '').split(',').filter(Boolean).map(Number),
    warmupMs: 1000,
    measureMs: 3000,
    drainMs: 20_000,
    rampRates: [rate],
    rampMeasureMs: Number(process.env.MEASURE_MS ?? 8000),
    topology: { chatsPerAgent: 5, agentsPerSite: 4 },
    idleSockets: 200,
  },
  (line) => process.stderr.write(`${line}\n`),
);
for (const row of [...run.rows, ...run.ramp])
  process.stderr.write(
    `${row.rate}/s: delivery ${JSON.stringify(row.delivery)} server cpu ${row.serverCpuPct}%\n`,
  );
