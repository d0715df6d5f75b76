import { describe, expect, it } from 'vitest';
import { cpuDelta, procStatTicks, redisInfoCpuMicros } from './proc-cpu.ts';

describe('procStatTicks', () => {
  it('adds utime and stime (fields 14 and 15)', () => {
    const stat =
      '2197 (postgres) S 2196 2197 2197 0 -1 4194368 599 0 2 0 8 29 0 0 20 0 1 0 3150 222765056 7676';
    expect(procStatTicks(stat)).toBe(37);
  });

  it('counts fields after the last parenthesis, so a command name with spaces and ")" is fine', () => {
    const stat = '42 (postgres: 15/main: x) y) R 1 42 42 0 -1 0 0 0 0 0 100 23 0 0 20 0 1 0 1 1 1';
    expect(procStatTicks(stat)).toBe(123);
  });

  it('returns null for text that is not a stat line', () => {
    expect(procStatTicks('')).toBeNull();
    expect(procStatTicks('1 (x) S 1')).toBeNull();
  });
});

describe('cpuDelta', () => {
  it('sums what each process used, counting new processes from zero and skipping gone ones', () => {
    const before = new Map([
      [1, 1000],
      [2, 500],
      [3, 700],
    ]);
    const after = new Map([
      [1, 1600],
      [2, 500],
      [4, 250],
    ]);
    expect(cpuDelta(before, after)).toBe(600 + 0 + 250);
  });

  it('never goes negative when a pid was reused by a younger process', () => {
    expect(cpuDelta(new Map([[7, 900]]), new Map([[7, 100]]))).toBe(0);
  });
});

describe('redisInfoCpuMicros', () => {
  it('adds used_cpu_sys and used_cpu_user', () => {
    const info = '# CPU\r\nused_cpu_sys:1.250000\r\nused_cpu_user:2.500000\r\nused_cpu_sys_children:0.1\r\n';
    expect(redisInfoCpuMicros(info)).toBe(3_750_000);
  });

  it('returns null when the fields are missing', () => {
    expect(redisInfoCpuMicros('# CPU\r\n')).toBeNull();
  });
});
