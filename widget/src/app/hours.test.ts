import type { WidgetHours } from '@frontdesk/shared';
import { translator, WIDGET_CATALOGS } from '@frontdesk/shared/i18n';
import { describe, expect, it } from 'vitest';
import { hoursStatus, hoursText, nextChange } from './hours.ts';

const en = translator(WIDGET_CATALOGS.en);
const pl = translator(WIDGET_CATALOGS.pl);
const ms = (iso: string) => Date.parse(iso);

// Open Friday 2026-12-04 until 16:00 UTC, then back Monday 2026-12-07 08:00 UTC.
const open: WidgetHours = {
  openNow: true,
  closesAt: '2026-12-04T16:00:00.000Z',
  nextOpenAt: '2026-12-07T08:00:00.000Z',
};

describe('hours status', () => {
  it('flips at the closing, and again at the next opening', () => {
    expect(hoursStatus(open, ms('2026-12-04T15:59:59Z'))).toEqual({ open: true });
    expect(hoursStatus(open, ms('2026-12-04T16:00:00Z'))).toEqual({
      open: false,
      back: ms(open.nextOpenAt ?? ''),
    });
    expect(hoursStatus(open, ms('2026-12-07T08:00:00Z'))).toEqual({ open: true });
    expect(nextChange(open, ms('2026-12-04T10:00:00Z'))).toBe(ms('2026-12-04T16:00:00Z'));
    expect(nextChange(open, ms('2026-12-05T10:00:00Z'))).toBe(ms('2026-12-07T08:00:00Z'));
  });

  it('closed: open from the next opening until it closes', () => {
    const closed: WidgetHours = {
      openNow: false,
      nextOpenAt: '2026-12-07T08:00:00.000Z',
      closesAt: '2026-12-07T16:00:00.000Z',
    };
    expect(hoursStatus(closed, ms('2026-12-05T10:00:00Z'))).toEqual({
      open: false,
      back: ms('2026-12-07T08:00:00Z'),
    });
    expect(hoursStatus(closed, ms('2026-12-07T08:00:00Z'))).toEqual({ open: true });
    // After that opening closes, the next one is unknown: no line rather than a guess.
    expect(hoursStatus(closed, ms('2026-12-07T16:00:00Z'))).toBeNull();
    expect(hoursStatus({ openNow: false, nextOpenAt: null, closesAt: null }, 0)).toEqual({
      open: false,
      back: null,
    });
  });
});

describe('hours text, in the visitor language and zone', () => {
  const back = (iso: string) => ({ open: false as const, back: ms(iso) });

  it('today, tomorrow, a weekday, a date', () => {
    const now = ms('2026-12-04T10:00:00Z'); // Friday
    expect(hoursText({ open: true }, now, 'en', en, 'UTC')).toBe("We're in now");
    expect(hoursText(back('2026-12-04T13:30:00Z'), now, 'en', en, 'UTC')).toBe(
      "We're away right now. Back today at 1:30 PM.",
    );
    expect(hoursText(back('2026-12-05T09:00:00Z'), now, 'en', en, 'UTC')).toBe(
      "We're away right now. Back tomorrow at 9:00 AM.",
    );
    expect(hoursText(back('2026-12-07T09:00:00Z'), now, 'en', en, 'UTC')).toBe(
      "We're away right now. Back on Monday at 9:00 AM.",
    );
    expect(hoursText(back('2026-12-21T09:00:00Z'), now, 'en', en, 'UTC')).toBe(
      "We're away right now. Back on December 21 at 9:00 AM.",
    );
    expect(hoursText({ open: false, back: null }, now, 'en', en, 'UTC')).toBe("We're away right now.");
  });

  it('Polish, with the weekday in the right case', () => {
    const now = ms('2026-12-04T10:00:00Z');
    expect(hoursText(back('2026-12-09T08:00:00Z'), now, 'pl', pl, 'Europe/Warsaw')).toBe(
      'Teraz nas nie ma. Wracamy w środę o 9:00.',
    );
    expect(hoursText(back('2026-12-05T08:00:00Z'), now, 'pl', pl, 'Europe/Warsaw')).toBe(
      'Teraz nas nie ma. Wracamy jutro o 9:00.',
    );
    expect(hoursText(back('2026-12-21T08:00:00Z'), now, 'pl', pl, 'Europe/Warsaw')).toBe(
      'Teraz nas nie ma. Wracamy 21 grudnia o 9:00.',
    );
    expect(hoursText({ open: true }, now, 'pl', pl)).toBe('Jesteśmy teraz dostępni');
  });

  it("the visitor's own zone decides today and tomorrow", () => {
    // 23:00 UTC Friday; back 08:00 UTC Saturday: tomorrow in London, but today in Auckland (Sat 12:00 → 21:00).
    const now = ms('2026-12-04T23:00:00Z');
    const opening = back('2026-12-05T08:00:00Z');
    expect(hoursText(opening, now, 'en', en, 'Europe/London')).toBe(
      "We're away right now. Back tomorrow at 8:00 AM.",
    );
    expect(hoursText(opening, now, 'en', en, 'Pacific/Auckland')).toBe(
      "We're away right now. Back today at 9:00 PM.",
    );
  });
});
