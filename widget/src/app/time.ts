/**
 * Issue 13, timestamps: "just now", "5 minutes ago", "yesterday", then the date, in the visitor's
 * language (Intl, no strings of our own but "just now"), and the exact time for hover and focus.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** The relative text for `iso` seen at `now`; `justNow` under a minute (and for clock skew ahead). */
export function relativeTime(iso: string, now: number, locale: string, justNow: string): string {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return '';
  const ago = now - at;
  if (ago < MINUTE) return justNow;
  const rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  if (ago < HOUR) return rtf.format(-Math.floor(ago / MINUTE), 'minute');
  if (ago < DAY) return rtf.format(-Math.floor(ago / HOUR), 'hour');
  if (ago < 7 * DAY) return rtf.format(-Math.floor(ago / DAY), 'day');
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(at);
}

/** The exact date and time, in the visitor's language and zone. */
export function exactTime(iso: string, locale: string): string {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return '';
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(at);
}
