/**
 * Issue 13: the host page's arguments to `prefill` and `trackPage`, checked here (they come from
 * `window.Frontdesk`, so they can be anything). Plain checks, no validator: the widget stays light;
 * the server validates again what reaches it.
 */
import { LIMITS, type PageInfo, type PrefillInput, type TrackPageInput } from '@frontdesk/shared';

const CONTROL = /[\p{Cc}\u2028\u2029\u202a-\u202e\u2066-\u2069]/u;

const isRecord = (input: unknown): input is Record<string, unknown> =>
  typeof input === 'object' && input !== null && !Array.isArray(input);

/** A trimmed string within `max`, or undefined; `multiline` keeps line breaks (a message). */
function text(value: unknown, max: number, multiline = false): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  const checked = multiline ? trimmed.replace(/\r\n?|\n/g, '\n') : trimmed;
  const bad = multiline ? /[\p{Cc}]/u.test(checked.replace(/[\n\t]/g, '')) : CONTROL.test(checked);
  return checked && !bad ? checked.slice(0, max) : undefined;
}

/** What `prefill` can use; null (with a warning by the caller) when nothing in it is usable. */
export function readPrefill(input: unknown): PrefillInput | null {
  if (!isRecord(input)) return null;
  const name = text(input.name, LIMITS.nameMaxLength);
  const email = text(input.email, LIMITS.emailMaxLength);
  const message = text(input.message, LIMITS.messageMaxLength, true);
  const out: PrefillInput = {
    ...(name ? { name } : {}),
    ...(email ? { email } : {}),
    ...(message ? { message } : {}),
  };
  return Object.keys(out).length > 0 ? out : null;
}

/**
 * The page a single-page app reports: its URL resolved against the current one (same rules as any
 * page view: http(s) only, within the URL limit), its title or the document's. Null if unusable.
 */
export function readTrackPage(input: unknown, current: PageInfo): PageInfo | null {
  if (input !== undefined && !isRecord(input)) return null;
  const given = (input ?? {}) as TrackPageInput;
  let url = current.url;
  if (given.url !== undefined) {
    if (typeof given.url !== 'string') return null;
    try {
      const resolved = new URL(given.url, current.url);
      if (resolved.protocol !== 'http:' && resolved.protocol !== 'https:') return null;
      url = resolved.href;
    } catch {
      return null;
    }
  }
  if (url.length > LIMITS.urlMaxLength) return null;
  const title = given.title === undefined ? current.title : text(given.title, LIMITS.titleMaxLength);
  if (title === undefined && given.title !== undefined && given.title !== '') return null;
  return { url, title: title ?? '' };
}
