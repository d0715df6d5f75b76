/** CPU time of other processes, from text they or the kernel publish (pure parsers). */

/**
 * User + system CPU time in clock ticks from a `/proc/<pid>/stat` line (fields 14 and 15). The
 * command name (field 2) may hold spaces and parentheses, so fields are counted after its last `)`.
 */
export function procStatTicks(stat: string): number | null {
  const end = stat.lastIndexOf(')');
  if (end < 0) return null;
  // After ")": field 3 (state) is the first; utime is field 14, stime field 15.
  const fields = stat
    .slice(end + 1)
    .trim()
    .split(/\s+/);
  const utime = Number(fields[14 - 3]);
  const stime = Number(fields[15 - 3]);
  return Number.isFinite(utime) && Number.isFinite(stime) ? utime + stime : null;
}

/**
 * CPU used between two samples of the same set of processes (pid → microseconds). A process that is
 * new in `after` counts from zero (it started during the interval); one gone by `after` is not
 * counted (its last part is missed, so the sum is a lower bound).
 */
export function cpuDelta(before: ReadonlyMap<number, number>, after: ReadonlyMap<number, number>): number {
  let total = 0;
  for (const [pid, micros] of after) total += Math.max(0, micros - (before.get(pid) ?? 0));
  return total;
}

/** `used_cpu_sys` + `used_cpu_user` of a Redis `INFO cpu` reply, in microseconds. */
export function redisInfoCpuMicros(info: string): number | null {
  const value = (key: string) => {
    const match = new RegExp(`^${key}:([0-9.]+)\\s*$`, 'm').exec(info);
    return match ? Number(match[1]) : Number.NaN;
  };
  const seconds = value('used_cpu_sys') + value('used_cpu_user');
  return Number.isFinite(seconds) ? Math.round(seconds * 1e6) : null;
}
