import { monitorEventLoopDelay } from 'node:perf_hooks';

/**
 * The event-loop delay of this server process since the previous stats call (the histogram restarts
 * on every call, so the orchestrator's call after a phase covers exactly that phase), in ms.
 */
export type LoopDelay = { p99Ms: number; maxMs: number };

/** What a server process reports about itself: memory after a full GC, CPU time used so far, loop delay. */
export type ProcessStats = {
  rssBytes: number;
  heapUsedBytes: number;
  cpuMicros: number;
  at: number;
  loopDelay: LoopDelay;
};

// 10 ms resolution: the goal is "no stall over 20 ms", and a finer sampling timer costs CPU itself.
const RESOLUTION_MS = 10;
const loop = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
loop.enable();

/** The histogram records the whole interval between two timer runs; the stall is what exceeds the resolution. */
const ms = (ns: number) => Math.max(0, Math.round((ns / 1e6 - RESOLUTION_MS) * 100) / 100);

export function processStats(collect: boolean): ProcessStats {
  // Read before a forced GC, so the GC the memory measurement forces never counts as a stall.
  const loopDelay = { p99Ms: ms(loop.percentile(99)), maxMs: ms(loop.max) };
  loop.reset();
  if (collect) {
    const gc = (globalThis as { gc?: () => void }).gc;
    if (!gc) throw new Error('start the server process with --expose-gc');
    gc();
    gc();
  }
  const memory = process.memoryUsage();
  const cpu = process.cpuUsage();
  return {
    rssBytes: memory.rss,
    heapUsedBytes: memory.heapUsed,
    cpuMicros: cpu.user + cpu.system,
    at: performance.timeOrigin + performance.now(),
    loopDelay,
  };
}
