import { describe, expect, it } from 'vitest';
import { LIMITS } from './limits.ts';
import { BusinessHoursSchema, SitePatchSchema, v } from './schemas.ts';

const valid = {
  timeZone: 'Europe/Warsaw',
  weekly: [
    { day: 1, open: '09:00', close: '12:00' },
    { day: 1, open: '13:00', close: '17:00' },
    { day: 5, open: '18:00', close: '24:00' },
  ],
  closedDates: ['2026-12-25', '2026-12-24', '2026-12-25'],
};

const problems = (input: unknown) => {
  const parsed = v.safeParse(BusinessHoursSchema, input);
  return parsed.success ? [] : parsed.issues.map((i) => i.message);
};

describe('business hours at the admin boundary', () => {
  it('accepts a schedule; canonical zone, closed dates sorted once each', () => {
    const parsed = v.parse(BusinessHoursSchema, { ...valid, timeZone: 'europe/warsaw' });
    expect(parsed.timeZone).toBe('Europe/Warsaw');
    expect(parsed.closedDates).toEqual(['2026-12-24', '2026-12-25']);
    expect(v.parse(SitePatchSchema, { hours: null })).toEqual({ hours: null });
    expect(v.parse(SitePatchSchema, { hours: valid }).hours?.weekly).toHaveLength(3);
  });

  it('refuses an unknown time zone', () => {
    expect(problems({ ...valid, timeZone: 'Mars/Olympus' })).toEqual(['Mars/Olympus: not a known time zone']);
    expect(problems({ ...valid, timeZone: '' })).toHaveLength(1);
  });

  it('refuses bad times, open after close, overlaps, and a 24:00 opening', () => {
    expect(problems({ ...valid, weekly: [{ day: 1, open: '9:00', close: '12:00' }] })).toContain(
      'opening time must be a time HH:MM',
    );
    expect(problems({ ...valid, weekly: [{ day: 1, open: '24:00', close: '24:00' }] })).toContain(
      'opening time must be a time HH:MM',
    );
    expect(problems({ ...valid, weekly: [{ day: 1, open: '12:00', close: '09:00' }] })).toEqual([
      'day 1: 12:00–09:00 closes before it opens',
    ]);
    expect(
      problems({
        ...valid,
        weekly: [
          { day: 2, open: '13:00', close: '17:00' },
          { day: 2, open: '09:00', close: '13:30' },
        ],
      }),
    ).toEqual(['day 2: 09:00–13:30 and 13:00–17:00 overlap']);
    // Back to back is fine.
    expect(
      problems({
        ...valid,
        weekly: [
          { day: 2, open: '09:00', close: '13:00' },
          { day: 2, open: '13:00', close: '17:00' },
        ],
      }),
    ).toEqual([]);
    expect(problems({ ...valid, weekly: [{ day: 7, open: '09:00', close: '12:00' }] })).toHaveLength(1);
  });

  it('refuses invalid dates and lists over their limits', () => {
    expect(problems({ ...valid, closedDates: ['2026-02-30'] })).toEqual(['must be a date YYYY-MM-DD']);
    const many = Array.from({ length: LIMITS.hoursClosedDatesMax + 1 }, (_, n) =>
      new Date(Date.UTC(2026, 0, 1) + n * 86_400_000).toISOString().slice(0, 10),
    );
    expect(problems({ ...valid, closedDates: many })).toHaveLength(1);
    const crowded = Array.from({ length: LIMITS.hoursIntervalsPerDayMax + 1 }, (_, n) => ({
      day: 3,
      open: `${String(n).padStart(2, '0')}:00`,
      close: `${String(n).padStart(2, '0')}:30`,
    }));
    expect(problems({ ...valid, weekly: crowded })).toEqual([
      `day 3: at most ${LIMITS.hoursIntervalsPerDayMax} intervals`,
    ]);
    expect(problems({ ...valid, extra: 1 })).toHaveLength(1);
  });
});
