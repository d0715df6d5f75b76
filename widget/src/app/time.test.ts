import { describe, expect, it } from 'vitest';
import { exactTime, relativeTime } from './time.ts';

const NOW = Date.parse('2026-03-10T12:00:00.000Z');
const ago = (ms: number) => new Date(NOW - ms).toISOString();

describe('message timestamps', () => {
  it('says "just now" under a minute, and for a clock slightly ahead', () => {
    expect(relativeTime(ago(30_000), NOW, 'en', 'just now')).toBe('just now');
    expect(relativeTime(ago(-5_000), NOW, 'en', 'just now')).toBe('just now');
  });

  it('counts minutes, hours and days in the visitor language', () => {
    expect(relativeTime(ago(5 * 60_000), NOW, 'en', 'just now')).toBe('5 minutes ago');
    expect(relativeTime(ago(2 * 3_600_000), NOW, 'en', 'just now')).toBe('2 hours ago');
    expect(relativeTime(ago(26 * 3_600_000), NOW, 'en', 'just now')).toBe('yesterday');
    expect(relativeTime(ago(5 * 60_000), NOW, 'pl', 'przed chwilą')).toBe('5 minut temu');
    expect(relativeTime(ago(2 * 3_600_000), NOW, 'pl', 'przed chwilą')).toBe('2 godziny temu');
  });

  it('shows the date after a week, and the exact time in full', () => {
    expect(relativeTime(ago(10 * 86_400_000), NOW, 'en', 'just now')).toBe('Feb 28, 2026');
    expect(exactTime('2026-03-10T12:00:00.000Z', 'en')).toMatch(/Mar 10, 2026/);
    expect(relativeTime('not a date', NOW, 'en', 'just now')).toBe('');
  });
});
