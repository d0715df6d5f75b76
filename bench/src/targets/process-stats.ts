/** What a server process reports about itself: memory after a full GC, and CPU time used so far. */
export type ProcessStats = { rssBytes: number; heapUsedBytes: number; cpuMicros: number; at: number };

export function processStats(collect: boolean): ProcessStats {
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
  };
}
