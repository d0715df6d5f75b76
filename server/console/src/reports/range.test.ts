import { describe, expect, it } from 'vitest';
import { formatDuration, presetRange } from './range.ts';

describe('report range', () => {
  it('presets end today and include it', () => {
    expect(presetRange(7, new Date(2026, 0, 11, 15))).toEqual({ from: '2026-01-05', to: '2026-01-11' });
    expect(presetRange(30, new Date(2026, 2, 1))).toEqual({ from: '2026-01-31', to: '2026-03-01' });
  });
  it('durations read as seconds, minutes, hours', () => {
    expect(formatDuration(null)).toBeNull();
    expect(formatDuration(45)).toBe('45 s');
    expect(formatDuration(601)).toBe('10 min');
    expect(formatDuration(3600)).toBe('1 h');
    expect(formatDuration(4800)).toBe('1 h 20 min');
  });
});
