/**
 * Business hours (issue 10): a site's weekly schedule in its own time zone, with closed dates, and the
 * three questions asked of it — open now? when next open? when does this opening end? Pure; time zones
 * through `Intl.DateTimeFormat` only (no date library, so the widget could use it too).
 *
 * Meaning of an interval `open`–`close` on a local date D: it starts at the first instant the site's
 * wall clock shows D `open` or later and ends at the first instant it shows D `close` or later
 * (`24:00` = the next day's 00:00). So on a spring-forward day an interval inside the skipped hour
 * (02:00–03:00 in Warsaw on 2026-03-29) is empty, one reaching past it opens when the clocks jump; on
 * an autumn day an interval over the repeated hour lasts an hour longer in real time.
 */

/** A day of the week: 0 = Sunday … 6 = Saturday (as `Date#getDay`). */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

export type HoursInterval = {
  day: Weekday;
  /** `HH:MM`, 00:00–23:59. */
  open: string;
  /** `HH:MM` after `open`; `24:00` = the end of the day. */
  close: string;
};

export type BusinessHours = {
  /** IANA time zone of the schedule and the closed dates, e.g. `Europe/Warsaw`. */
  timeZone: string;
  /** Several intervals a day are allowed (they do not overlap). */
  weekly: HoursInterval[];
  /** `YYYY-MM-DD` in the site's zone: holidays and other closed days. */
  closedDates: string[];
};

export const WEEKDAYS = [0, 1, 2, 3, 4, 5, 6] as const satisfies readonly Weekday[];

const MINUTE = 60_000;
const DAY = 86_400_000;

/** Minutes since midnight of `HH:MM` (`24:00` = 1440), or null when not a time of day. */
export function parseTimeOfDay(text: string): number | null {
  const match = /^([01]\d|2[0-4]):([0-5]\d)$/.exec(text);
  if (!match) return null;
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  return minutes <= 1440 ? minutes : null;
}

/** The day number (days since 1970-01-01) of a real `YYYY-MM-DD` date, or null. */
export function parseLocalDate(text: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return null;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(y, m - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d) return null;
  return ms / DAY;
}

/** Whether `Intl` knows the zone (an IANA name, `UTC`, …). */
export function isTimeZone(zone: string): boolean {
  return canonicalTimeZone(zone) !== null;
}

/** The zone as `Intl` spells it (`europe/warsaw` → `Europe/Warsaw`), or null when unknown. */
export function canonicalTimeZone(zone: string): string | null {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    // RangeError: not a time zone Intl knows; the caller reports it.
    return null;
  }
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, f);
  }
  return f;
}

/**
 * The wall-clock time of `instant` in `zone`, as milliseconds of a UTC date with the same reading
 * ("wall milliseconds"): comparing them compares (date, time) readings. Milliseconds are kept.
 */
function wallAt(zone: string, instant: number): number {
  const parts: Record<string, number> = {};
  for (const part of formatter(zone).formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const { year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0 } = parts;
  const ms = ((instant % 1000) + 1000) % 1000;
  return Date.UTC(year, month - 1, day, hour, minute, second) + ms;
}

const offsetAt = (zone: string, instant: number) => wallAt(zone, instant) - instant;

/**
 * The first instant at which the zone's wall clock reads `wall` or later. In a skipped hour that is
 * the instant the clocks jump; in a repeated hour, the first occurrence.
 */
function firstInstant(zone: string, wall: number): number {
  const offsets = [offsetAt(zone, wall - DAY), offsetAt(zone, wall + DAY)];
  const reached = offsets.map((o) => wall - o).filter((i) => wallAt(zone, i) >= wall);
  let best = Math.min(...reached);
  if (wallAt(zone, best) > wall) {
    // A gap: search back (minute steps; zones change offset on whole minutes) for the jump.
    let lo = best - Math.abs((offsets[0] ?? 0) - (offsets[1] ?? 0)) - MINUTE;
    while (best - lo > MINUTE) {
      const mid = lo + Math.max(1, Math.floor((best - lo) / (2 * MINUTE))) * MINUTE;
      if (wallAt(zone, mid) >= wall) best = mid;
      else lo = mid;
    }
  }
  return best;
}

type Span = { start: number; end: number };

type Plan = {
  zone: string;
  /** Per weekday, [open, close) minutes sorted by open. */
  byDay: [number, number][][];
  closed: Set<number>;
  /** How many local days ahead to look before giving up (every closed date could fall on an open day). */
  horizon: number;
};

function plan(hours: BusinessHours): Plan {
  const byDay: [number, number][][] = WEEKDAYS.map(() => []);
  for (const interval of hours.weekly) {
    const open = parseTimeOfDay(interval.open);
    const close = parseTimeOfDay(interval.close);
    if (open !== null && close !== null && open < close) byDay[interval.day]?.push([open, close]);
  }
  for (const list of byDay) list.sort((a, b) => a[0] - b[0]);
  const closed = new Set<number>();
  for (const date of hours.closedDates) {
    const day = parseLocalDate(date);
    if (day !== null) closed.add(day);
  }
  return { zone: hours.timeZone, byDay, closed, horizon: (closed.size + 2) * 7 };
}

/** 1970-01-01 was a Thursday. */
const weekdayOf = (day: number) => (((day + 4) % 7) + 7) % 7;

/** The non-empty real-time spans of one local day, in order. */
function spansOf(p: Plan, day: number): Span[] {
  if (p.closed.has(day)) return [];
  const spans: Span[] = [];
  for (const [open, close] of p.byDay[weekdayOf(day)] ?? []) {
    const start = firstInstant(p.zone, day * DAY + open * MINUTE);
    const end = firstInstant(p.zone, day * DAY + close * MINUTE);
    if (end > start) spans.push({ start, end });
  }
  return spans;
}

/** Every span from the local day before `instant`'s onwards, lazily, up to the plan's horizon. */
function* spansFrom(p: Plan, instant: number): Generator<Span> {
  const today = Math.floor(wallAt(p.zone, instant) / DAY);
  for (let day = today - 1; day <= today + p.horizon; day++) yield* spansOf(p, day);
}

const toInstant = (at: Date | number) => (typeof at === 'number' ? at : at.getTime());

/** Whether the schedule is open at `instant`. */
export function isOpen(hours: BusinessHours, instant: Date | number): boolean {
  const t = toInstant(instant);
  const p = plan(hours);
  const today = Math.floor(wallAt(p.zone, t) / DAY);
  // Tomorrow too: where clocks fall back at midnight, tomorrow's 00:00 comes before today's last hour.
  for (let day = today - 1; day <= today + 1; day++) {
    if (spansOf(p, day).some((s) => s.start <= t && t < s.end)) return true;
  }
  return false;
}

/**
 * The first instant at or after `instant` at which the schedule is open (`instant` itself when open
 * now), or null when it never opens (no intervals, or every open day closed).
 */
export function nextOpening(hours: BusinessHours, instant: Date | number): Date | null {
  const t = toInstant(instant);
  for (const span of spansFrom(plan(hours), t)) {
    if (span.end > t) return new Date(Math.max(span.start, t));
  }
  return null;
}

/**
 * When the opening that contains `instant` ends: back-to-back intervals (one ending at 24:00, the
 * next day's starting at 00:00) count as one. Null when closed at `instant`, or when it does not
 * close within the horizon (open around the clock).
 */
export function currentClosing(hours: BusinessHours, instant: Date | number): Date | null {
  const t = toInstant(instant);
  const p = plan(hours);
  let end: number | null = null;
  for (const span of spansFrom(p, t)) {
    if (end === null) {
      if (span.start <= t && t < span.end) end = span.end;
      else if (span.start > t) return null;
    } else if (span.start > end) {
      return new Date(end);
    } else if (span.end > end) {
      end = span.end;
    }
  }
  // Open up to the horizon's last day: it may go on beyond it, so no closing is known.
  const lastDay = Math.floor(wallAt(p.zone, t) / DAY) + p.horizon;
  return end !== null && end < lastDay * DAY - DAY ? new Date(end) : null;
}

/** What can be wrong with one weekday's intervals (the admin schema and the console both ask). */
export type HoursProblem =
  | { type: 'time'; day: Weekday; interval: HoursInterval }
  | { type: 'order'; day: Weekday; interval: HoursInterval }
  | { type: 'overlap'; day: Weekday; interval: HoursInterval; other: HoursInterval }
  | { type: 'too_many'; day: Weekday; max: number };

/**
 * Every problem of a weekly schedule, per day: a time that is not `HH:MM` (or an opening at 24:00),
 * a closing not after its opening, overlapping intervals (back to back is fine), too many a day.
 */
export function weeklyProblems(weekly: readonly HoursInterval[], maxPerDay: number): HoursProblem[] {
  const problems: HoursProblem[] = [];
  for (const day of WEEKDAYS) {
    const list = weekly.filter((i) => i.day === day);
    if (list.length > maxPerDay) problems.push({ type: 'too_many', day, max: maxPerDay });
    const timed: { interval: HoursInterval; open: number; close: number }[] = [];
    for (const interval of list) {
      const open = parseTimeOfDay(interval.open);
      const close = parseTimeOfDay(interval.close);
      if (open === null || close === null || open === 1440) problems.push({ type: 'time', day, interval });
      else if (close <= open) problems.push({ type: 'order', day, interval });
      else timed.push({ interval, open, close });
    }
    timed.sort((a, b) => a.open - b.open);
    for (let n = 1; n < timed.length; n++) {
      const [previous, current] = [timed[n - 1], timed[n]];
      if (previous && current && current.open < previous.close) {
        problems.push({ type: 'overlap', day, interval: current.interval, other: previous.interval });
      }
    }
  }
  return problems;
}

/** Issue 15 (reports): the instant the local calendar day `YYYY-MM-DD` starts in `zone`. */
export function startOfLocalDay(zone: string, day: string): number {
  return firstInstant(zone, Date.parse(`${day}T00:00:00Z`));
}

/** Issue 15 (reports): the wall-clock reading of `instant` in `zone`, as a UTC date with that reading. */
export function wallClock(zone: string, instant: number): Date {
  return new Date(wallAt(zone, instant));
}
