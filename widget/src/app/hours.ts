/**
 * The business-hours line (issue 10), pure: where the site stands at an instant, given what the
 * server said at session start, and the words for it in the visitor's language and local time.
 */
import type { Locale, WidgetHours } from '@frontdesk/shared';
import type { Translate } from './ui/context.ts';

export type HoursStatus = { open: true } | { open: false; back: number | null };

const at = (iso: string | null) => (iso === null ? null : Date.parse(iso));

/**
 * Where the site stands at `now`: the server's answer, flipped when `closesAt`/`nextOpenAt` passes
 * (open → away → open again; away → open). Past the end of what it was told (the opening after the
 * next one is unknown), nothing (null) rather than a guess.
 */
export function hoursStatus(hours: WidgetHours, now: number): HoursStatus | null {
  const closes = at(hours.closesAt);
  const opens = at(hours.nextOpenAt);
  if (hours.openNow) {
    if (closes === null || now < closes) return { open: true };
    return opens === null || now < opens ? { open: false, back: opens } : { open: true };
  }
  if (opens === null || now < opens) return { open: false, back: opens };
  if (closes === null || now < closes) return { open: true };
  return null;
}

/** The next instant after `now` at which `hoursStatus` changes, or null. */
export function nextChange(hours: WidgetHours, now: number): number | null {
  const times = [at(hours.closesAt), at(hours.nextOpenAt)].filter((t): t is number => t !== null && t > now);
  return times.length ? Math.min(...times) : null;
}

/** Day number of `instant` on the calendar of `timeZone` (undefined: the visitor's own). */
function localDay(instant: number, timeZone: string | undefined): number {
  const parts: Record<string, number> = {};
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
  });
  for (const p of format.formatToParts(instant)) parts[p.type] = Number(p.value);
  return Date.UTC(parts.year ?? 0, (parts.month ?? 1) - 1, parts.day ?? 1) / 86_400_000;
}

/**
 * "We're in now", or "We're away right now. Back tomorrow at 9:00 AM": today/tomorrow, the weekday
 * within six days, the date beyond; time and calendar of the visitor (`timeZone` for tests).
 */
export function hoursText(
  status: HoursStatus,
  now: number,
  locale: Locale,
  t: Translate,
  timeZone?: string,
): string {
  if (status.open) return t('hoursOpen');
  if (status.back === null) return t('hoursAway');
  const back = status.back;
  const days = localDay(back, timeZone) - localDay(now, timeZone);
  const format = (options: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat(locale, { timeZone, ...options }).format(back);
  const weekday = new Date(localDay(back, timeZone) * 86_400_000).getUTCDay() as 0 | 1 | 2 | 3 | 4 | 5 | 6;
  const day =
    days <= 0
      ? t('hoursToday')
      : days === 1
        ? t('hoursTomorrow')
        : days <= 6
          ? t(`hoursDay${weekday}`)
          : t('hoursOnDate', { date: format({ day: 'numeric', month: 'long' }) });
  return t('hoursBack', { day, time: format({ hour: 'numeric', minute: '2-digit' }) });
}
