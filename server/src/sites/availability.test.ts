import type { BusinessHours } from '@frontdesk/shared';
import { describe, expect, it } from 'vitest';
import { siteOpenNow, widgetHours } from './availability.ts';
import { readSiteSettings } from './settings.ts';

const weekdays: BusinessHours = {
  timeZone: 'Europe/Warsaw',
  weekly: [1, 2, 3, 4, 5].map((day) => ({ day: day as 1, open: '09:00', close: '17:00' })),
  closedDates: [],
};
const site = (hours: BusinessHours | null) => ({ settings: { ...readSiteSettings({}), hours } });

describe('site availability', () => {
  it('a site with no schedule is always in, and the widget is told nothing', () => {
    expect(readSiteSettings({}).hours).toBeNull();
    expect(siteOpenNow(site(null), new Date('2026-12-06T03:00:00Z'))).toBe(true);
    expect(widgetHours(site(null), new Date('2026-12-06T03:00:00Z'))).toBeNull();
  });

  it('open: when this opening ends and when the next one starts', () => {
    const now = new Date('2026-12-04T10:00:00Z'); // Friday 11:00 Warsaw
    expect(siteOpenNow(site(weekdays), now)).toBe(true);
    expect(widgetHours(site(weekdays), now)).toEqual({
      openNow: true,
      closesAt: '2026-12-04T16:00:00.000Z',
      nextOpenAt: '2026-12-07T08:00:00.000Z',
    });
  });

  it('closed: the next opening and when it ends', () => {
    const now = new Date('2026-12-05T10:00:00Z'); // Saturday
    expect(siteOpenNow(site(weekdays), now)).toBe(false);
    expect(widgetHours(site(weekdays), now)).toEqual({
      openNow: false,
      nextOpenAt: '2026-12-07T08:00:00.000Z',
      closesAt: '2026-12-07T16:00:00.000Z',
    });
  });

  it('a schedule that never opens: closed, no next opening', () => {
    const never = { ...weekdays, weekly: [] };
    expect(widgetHours(site(never), new Date('2026-12-05T10:00:00Z'))).toEqual({
      openNow: false,
      nextOpenAt: null,
      closesAt: null,
    });
  });
});
