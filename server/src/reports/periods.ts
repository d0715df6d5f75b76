/**
 * Reports (issue 15): calendar arithmetic in the site's time zone, pure. A range of local days
 * becomes a UTC window; the previous period is the same number of days just before it; UTC buckets
 * counted by the database are folded into local days and a weekday × hour heat map (DST-correct,
 * since every bucket is converted on its own).
 */
import { startOfLocalDay, wallClock } from '@frontdesk/shared';
import { daysInRange } from '@frontdesk/shared/reports';
import type { BucketWidth, ReportWindow } from './store.ts';

export type DayRange = { from: string; to: string };

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const shiftDay = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/** The same number of days, ending the day before `range` starts. */
export function previousRange(range: DayRange): DayRange {
  const days = daysInRange(range.from, range.to);
  return { from: shiftDay(range.from, -days), to: shiftDay(range.from, -1) };
}

/** The UTC window `[start of from, start of the day after to)` of local days in `zone`. */
export function windowOf(siteId: string, zone: string, range: DayRange): ReportWindow {
  return {
    siteId,
    from: new Date(startOfLocalDay(zone, range.from)).toISOString(),
    to: new Date(startOfLocalDay(zone, shiftDay(range.to, 1))).toISOString(),
  };
}

/** Whole-hour zones are bucketed by UTC hour; zones at :30 or :45 need minutes to land right. */
export function bucketWidth(zone: string, w: ReportWindow): BucketWidth {
  const wholeHours = [w.from, w.to].every((iso) => {
    const instant = Date.parse(iso);
    return (wallClock(zone, instant).getTime() - instant) % HOUR_MS === 0;
  });
  return wholeHours ? 13 : 16;
}

export type Folded = { byDay: { day: string; conversations: number }[]; heatmap: number[][] };

/** Local days of the range (zeros included) and `[weekday Monday=0][hour]` counts. */
export function foldBuckets(
  zone: string,
  range: DayRange,
  buckets: readonly { bucket: string; count: number }[],
): Folded {
  const perDay = new Map<string, number>();
  const days = daysInRange(range.from, range.to);
  for (let i = 0; i < days; i++) perDay.set(shiftDay(range.from, i), 0);
  const heatmap = Array.from({ length: 7 }, () => Array.from({ length: 24 }, () => 0));
  for (const { bucket, count } of buckets) {
    const instant = Date.parse(bucket.length === 13 ? `${bucket}:00:00Z` : `${bucket}:00Z`);
    const wall = wallClock(zone, instant);
    const day = wall.toISOString().slice(0, 10);
    if (!perDay.has(day)) continue;
    perDay.set(day, (perDay.get(day) ?? 0) + count);
    const row = heatmap[(wall.getUTCDay() + 6) % 7];
    if (row) row[wall.getUTCHours()] = (row[wall.getUTCHours()] ?? 0) + count;
  }
  return { byDay: [...perDay].map(([day, conversations]) => ({ day, conversations })), heatmap };
}
