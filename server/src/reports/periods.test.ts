import { describe, expect, it } from 'vitest';
import { bucketWidth, foldBuckets, previousRange, windowOf } from './periods.ts';

describe('report periods', () => {
  it('the previous period has the same length and ends the day before', () => {
    expect(previousRange({ from: '2026-03-01', to: '2026-03-31' })).toEqual({
      from: '2026-01-29',
      to: '2026-02-28',
    });
    expect(previousRange({ from: '2026-01-01', to: '2026-01-01' })).toEqual({
      from: '2025-12-31',
      to: '2025-12-31',
    });
  });

  it('local days become a UTC window, across a daylight-saving change (Warsaw, 29 March 2026: 23 hours)', () => {
    expect(windowOf('s', 'Europe/Warsaw', { from: '2026-03-29', to: '2026-03-29' })).toEqual({
      siteId: 's',
      from: '2026-03-28T23:00:00.000Z',
      to: '2026-03-29T22:00:00.000Z',
    });
    expect(windowOf('s', 'UTC', { from: '2026-01-01', to: '2026-12-31' })).toMatchObject({
      from: '2026-01-01T00:00:00.000Z',
      to: '2027-01-01T00:00:00.000Z',
    });
  });

  it('whole-hour zones bucket by hour; half-hour zones by minute', () => {
    const w = (zone: string) => windowOf('s', zone, { from: '2026-01-05', to: '2026-01-11' });
    expect(bucketWidth('Europe/Warsaw', w('Europe/Warsaw'))).toBe(13);
    expect(bucketWidth('Asia/Kolkata', w('Asia/Kolkata'))).toBe(16);
    expect(bucketWidth('Asia/Kathmandu', w('Asia/Kathmandu'))).toBe(16);
  });

  it('UTC buckets fold into local days and a Monday-first heat map; outside the range is dropped', () => {
    // Kolkata is UTC+5:30: 18:29 UTC Sunday is 23:59 Sunday, 18:30 is Monday 00:00.
    const folded = foldBuckets('Asia/Kolkata', { from: '2026-01-04', to: '2026-01-05' }, [
      { bucket: '2026-01-04T18:29', count: 2 },
      { bucket: '2026-01-04T18:30', count: 3 },
      { bucket: '2026-01-05T18:30', count: 7 }, // Tuesday 00:00: after the range
    ]);
    expect(folded.byDay).toEqual([
      { day: '2026-01-04', conversations: 2 },
      { day: '2026-01-05', conversations: 3 },
    ]);
    expect(folded.heatmap[6]?.[23]).toBe(2);
    expect(folded.heatmap[0]?.[0]).toBe(3);
    expect(folded.heatmap.flat().reduce((a, b) => a + b)).toBe(5);
  });
});
