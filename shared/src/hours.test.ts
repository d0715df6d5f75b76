import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type BusinessHours,
  canonicalTimeZone,
  currentClosing,
  type HoursInterval,
  isOpen,
  nextOpening,
  parseLocalDate,
  parseTimeOfDay,
  type Weekday,
} from './hours.ts';

const at = (iso: string) => new Date(iso);
const weekdays = (open: string, close: string, days: Weekday[] = [1, 2, 3, 4, 5]): HoursInterval[] =>
  days.map((day) => ({ day, open, close }));
const hours = (timeZone: string, weekly: HoursInterval[], closedDates: string[] = []): BusinessHours => ({
  timeZone,
  weekly,
  closedDates,
});

describe('business hours in several zones', () => {
  // Winter dates: Warsaw UTC+1, New York UTC−5, Kolkata UTC+5:30, Auckland UTC+13 (summer there).
  const warsaw = hours('Europe/Warsaw', weekdays('09:00', '17:00'));

  it('Warsaw: open from the opening minute, closed from the closing minute', () => {
    // Wednesday 2026-12-02.
    expect(isOpen(warsaw, at('2026-12-02T07:59:59.999Z'))).toBe(false);
    expect(isOpen(warsaw, at('2026-12-02T08:00:00Z'))).toBe(true);
    expect(isOpen(warsaw, at('2026-12-02T15:59:59.999Z'))).toBe(true);
    expect(isOpen(warsaw, at('2026-12-02T16:00:00Z'))).toBe(false);
    expect(currentClosing(warsaw, at('2026-12-02T08:00:00Z'))).toEqual(at('2026-12-02T16:00:00Z'));
    expect(currentClosing(warsaw, at('2026-12-02T16:00:00Z'))).toBeNull();
  });

  it('Warsaw: next opening the next morning, and over the weekend', () => {
    expect(nextOpening(warsaw, at('2026-12-02T16:00:00Z'))).toEqual(at('2026-12-03T08:00:00Z'));
    expect(nextOpening(warsaw, at('2026-12-04T16:30:00Z'))).toEqual(at('2026-12-07T08:00:00Z'));
    // Open now: the instant itself.
    expect(nextOpening(warsaw, at('2026-12-02T10:00:00Z'))).toEqual(at('2026-12-02T10:00:00Z'));
  });

  it('New York: local 9:00 is 14:00 UTC in winter and 13:00 UTC in summer', () => {
    const ny = hours('America/New_York', weekdays('09:00', '17:00'));
    expect(isOpen(ny, at('2026-12-07T13:59:00Z'))).toBe(false);
    expect(isOpen(ny, at('2026-12-07T14:00:00Z'))).toBe(true);
    expect(nextOpening(ny, at('2026-07-06T05:00:00Z'))).toEqual(at('2026-07-06T13:00:00Z'));
  });

  it('Kolkata: half-hour offset', () => {
    const kolkata = hours('Asia/Kolkata', weekdays('10:00', '18:30', [0, 1, 2, 3, 4, 5, 6]));
    expect(isOpen(kolkata, at('2026-12-02T04:30:00Z'))).toBe(true);
    expect(currentClosing(kolkata, at('2026-12-02T04:30:00Z'))).toEqual(at('2026-12-02T13:00:00Z'));
    expect(isOpen(kolkata, at('2026-12-02T13:00:00Z'))).toBe(false);
    expect(nextOpening(kolkata, at('2026-12-02T13:00:00Z'))).toEqual(at('2026-12-03T04:30:00Z'));
  });

  it('Auckland: Monday morning there is Sunday evening in UTC', () => {
    const auckland = hours('Pacific/Auckland', weekdays('09:00', '17:00', [1]));
    expect(isOpen(auckland, at('2026-12-06T20:00:00Z'))).toBe(true);
    expect(isOpen(auckland, at('2026-12-07T20:00:00Z'))).toBe(false);
    expect(nextOpening(auckland, at('2026-12-07T04:00:00Z'))).toEqual(at('2026-12-13T20:00:00Z'));
  });
});

describe('daylight saving change days in Warsaw', () => {
  // 2026-03-29 (Sunday): at 01:00 UTC the clocks go from 02:00 to 03:00.
  it('spring forward: an interval inside the skipped hour never opens that day', () => {
    const h = hours('Europe/Warsaw', [{ day: 0, open: '02:00', close: '03:00' }]);
    expect(isOpen(h, at('2026-03-29T00:59:00Z'))).toBe(false);
    expect(isOpen(h, at('2026-03-29T01:00:00Z'))).toBe(false);
    // The next Sunday it exists: 02:00 CEST = 00:00 UTC.
    expect(nextOpening(h, at('2026-03-28T12:00:00Z'))).toEqual(at('2026-04-05T00:00:00Z'));
  });

  it('spring forward: an interval reaching over the skipped hour is an hour shorter', () => {
    const h = hours('Europe/Warsaw', [{ day: 0, open: '01:30', close: '04:00' }]);
    expect(nextOpening(h, at('2026-03-28T12:00:00Z'))).toEqual(at('2026-03-29T00:30:00Z'));
    expect(currentClosing(h, at('2026-03-29T00:30:00Z'))).toEqual(at('2026-03-29T02:00:00Z'));
  });

  it('spring forward: an interval opening in the skipped hour opens when the clocks jump', () => {
    const h = hours('Europe/Warsaw', [{ day: 0, open: '02:30', close: '05:00' }]);
    expect(nextOpening(h, at('2026-03-28T12:00:00Z'))).toEqual(at('2026-03-29T01:00:00Z'));
    expect(isOpen(h, at('2026-03-29T00:59:59Z'))).toBe(false);
    expect(isOpen(h, at('2026-03-29T01:00:00Z'))).toBe(true);
  });

  // 2026-10-25 (Sunday): at 01:00 UTC the clocks go from 03:00 back to 02:00.
  it('fall back: an interval over the repeated hour lasts both of them', () => {
    const h = hours('Europe/Warsaw', [{ day: 0, open: '02:00', close: '03:00' }]);
    expect(nextOpening(h, at('2026-10-24T12:00:00Z'))).toEqual(at('2026-10-25T00:00:00Z'));
    expect(isOpen(h, at('2026-10-25T00:30:00Z'))).toBe(true); // 02:30 summer time
    expect(isOpen(h, at('2026-10-25T01:30:00Z'))).toBe(true); // 02:30 winter time
    expect(currentClosing(h, at('2026-10-25T00:10:00Z'))).toEqual(at('2026-10-25T02:00:00Z'));
    expect(isOpen(h, at('2026-10-25T02:00:00Z'))).toBe(false);
  });

  it('fall back: a working day that day is an hour longer', () => {
    const h = hours('Europe/Warsaw', weekdays('00:00', '08:00', [0]));
    expect(currentClosing(h, at('2026-10-24T22:00:00Z'))).toEqual(at('2026-10-25T07:00:00Z'));
  });
});

describe('closed dates, empty schedules, midnight', () => {
  it('skips closed dates (in the site zone)', () => {
    const h = hours('Europe/Warsaw', weekdays('09:00', '17:00'), ['2026-12-24', '2026-12-25']);
    expect(isOpen(h, at('2026-12-24T10:00:00Z'))).toBe(false);
    expect(nextOpening(h, at('2026-12-23T16:00:00Z'))).toEqual(at('2026-12-28T08:00:00Z'));
  });

  it('a schedule with no intervals never opens', () => {
    const h = hours('Europe/Warsaw', []);
    expect(isOpen(h, at('2026-12-02T10:00:00Z'))).toBe(false);
    expect(nextOpening(h, at('2026-12-02T10:00:00Z'))).toBeNull();
    expect(currentClosing(h, at('2026-12-02T10:00:00Z'))).toBeNull();
  });

  it('a schedule whose every open day is closed never opens', () => {
    const h = hours('UTC', weekdays('09:00', '17:00', [1]), ['2026-12-07', '2026-12-14', '2026-12-21']);
    expect(nextOpening(h, at('2026-12-02T10:00:00Z'))).toEqual(at('2026-12-28T09:00:00Z'));
  });

  it('an interval to 24:00 and the next starting at 00:00 are one opening', () => {
    const h = hours('Europe/Warsaw', [
      { day: 5, open: '18:00', close: '24:00' },
      { day: 6, open: '00:00', close: '02:00' },
    ]);
    // Friday 2026-12-04, 21:00 Warsaw.
    expect(currentClosing(h, at('2026-12-04T20:00:00Z'))).toEqual(at('2026-12-05T01:00:00Z'));
    expect(isOpen(h, at('2026-12-04T23:00:00Z'))).toBe(true); // Saturday 00:00
    expect(isOpen(h, at('2026-12-05T01:00:00Z'))).toBe(false);
    expect(nextOpening(h, at('2026-12-05T01:00:00Z'))).toEqual(at('2026-12-11T17:00:00Z'));
  });

  it('open around the clock: no closing known, unless a closed date comes', () => {
    const always = weekdays('00:00', '24:00', [0, 1, 2, 3, 4, 5, 6]);
    expect(currentClosing(hours('Asia/Kolkata', always), at('2026-12-02T10:00:00Z'))).toBeNull();
    expect(currentClosing(hours('Asia/Kolkata', always, ['2026-12-10']), at('2026-12-02T10:00:00Z'))).toEqual(
      at('2026-12-09T18:30:00Z'),
    );
  });

  it('parses times and dates strictly', () => {
    expect(parseTimeOfDay('09:30')).toBe(570);
    expect(parseTimeOfDay('24:00')).toBe(1440);
    expect(parseTimeOfDay('24:01')).toBeNull();
    expect(parseTimeOfDay('9:30')).toBeNull();
    expect(parseLocalDate('2026-02-29')).toBeNull();
    expect(parseLocalDate('2028-02-29')).not.toBeNull();
    expect(canonicalTimeZone('europe/warsaw')).toBe('Europe/Warsaw');
    expect(canonicalTimeZone('Mars/Olympus')).toBeNull();
  });
});

describe('properties', () => {
  const zones = ['Europe/Warsaw', 'America/New_York', 'Asia/Kolkata', 'Pacific/Auckland', 'UTC'];
  const time = (minutes: number) =>
    minutes === 1440
      ? '24:00'
      : `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  // Per day: sorted cut points (quarter hours) paired into non-overlapping intervals.
  const day = fc
    .uniqueArray(fc.integer({ min: 0, max: 96 }), { maxLength: 6 })
    .map((cuts) => cuts.sort((a, b) => a - b))
    .map((cuts) => {
      const pairs: [number, number][] = [];
      for (let i = 0; i + 1 < cuts.length; i += 2) pairs.push([(cuts[i] ?? 0) * 15, (cuts[i + 1] ?? 0) * 15]);
      return pairs;
    });
  const schedule = fc
    .record({
      zone: fc.constantFrom(...zones),
      days: fc.array(day, { minLength: 7, maxLength: 7 }),
      closed: fc.uniqueArray(fc.integer({ min: 0, max: 400 }), { maxLength: 5 }),
    })
    .map(({ zone, days, closed }) =>
      hours(
        zone,
        days.flatMap((pairs, d) =>
          pairs.map(([o, c]) => ({ day: d as Weekday, open: time(o), close: time(c) })),
        ),
        closed.map((n) => new Date(Date.UTC(2026, 0, 1) + n * 86_400_000).toISOString().slice(0, 10)),
      ),
    );
  // Instants through 2026, both DST changes included, at whole seconds.
  const instant = fc
    .integer({ min: Date.UTC(2026, 0, 1) / 1000, max: Date.UTC(2027, 0, 1) / 1000 })
    .map((s) => s * 1000);

  it('closed now: the next opening is later, open, and nothing opens before it', () => {
    fc.assert(
      fc.property(schedule, instant, fc.double({ min: 0, max: 1, noNaN: true }), (h, t, f) => {
        fc.pre(!isOpen(h, t));
        const next = nextOpening(h, t);
        if (next === null) return;
        expect(next.getTime()).toBeGreaterThan(t);
        expect(isOpen(h, next)).toBe(true);
        const between = t + Math.floor((next.getTime() - t) * f);
        if (between < next.getTime()) expect(isOpen(h, between)).toBe(false);
      }),
      { numRuns: 150 },
    );
  });

  it('open now: the closing is later, closed, and it stays open until then', () => {
    fc.assert(
      fc.property(schedule, instant, (h, t) => {
        fc.pre(isOpen(h, t));
        expect(nextOpening(h, t)?.getTime()).toBe(t);
        const closing = currentClosing(h, t);
        if (closing === null) return;
        expect(closing.getTime()).toBeGreaterThan(t);
        expect(isOpen(h, closing)).toBe(false);
        expect(isOpen(h, closing.getTime() - 1)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });
});
