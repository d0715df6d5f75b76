/** Pure text formatters for lists and timelines: previews, waiting minutes, clock times, visitor labels. */
import type { AgentConversation } from '@frontdesk/shared';

/** Whole minutes since `iso` (0 for a bad or future date). */
export function minutesSince(iso: string | null, now: number): number {
  const start = iso ? Date.parse(iso) : Number.NaN;
  if (Number.isNaN(start) || now <= start) return 0;
  return Math.floor((now - start) / 60_000);
}

/** One-line plain text from a (possibly Markdown) body, cut at `max` characters with an ellipsis. */
export function previewText(body: string, max = 80): string {
  const plain = body
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_~`]+/g, '')
    .replace(/^\s{0,3}(?:#{1,6}|>|[-+*]|\d+\.)\s+/gm, '')
    .replace(/\s+/g, ' ')
    .trim();
  return plain.length > max ? `${plain.slice(0, max - 1).trimEnd()}…` : plain;
}

/** `14:05` for today, `3 Mar, 14:05` for another day, in the agent's language. */
export function formatClock(iso: string, locale: string, now: number): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const sameDay = new Date(now).toDateString() === date.toDateString();
  const options: Intl.DateTimeFormatOptions = sameDay
    ? { hour: '2-digit', minute: '2-digit' }
    : { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' };
  return new Intl.DateTimeFormat(locale, options).format(date);
}

/** The first characters of an id, enough to tell anonymous visitors apart. */
export const shortId = (id: string): string => id.replace(/[^A-Za-z0-9]/g, '').slice(0, 6);

/** The visitor's name, or `fallback` filled with a short id ("Visitor 3fa9c1"). */
export const visitorLabel = (c: AgentConversation, fallback: (id: string) => string): string =>
  c.visitor.name?.trim() || fallback(shortId(c.visitor.id));

/** An http(s) address safe to put in `href`, or null (shown as text only). */
export function safeHttpUrl(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    // Not a URL at all: the caller shows it as plain text.
    return null;
  }
}
