/**
 * Canned responses (issue 14): the saved replies of a site (shared, managed by admins) and of each
 * agent (personal), their limits, the variables a body may hold and the pure function that fills
 * them on insert, and the search the composer's `/` picker runs.
 */
import type { Locale } from './i18n/locale.ts';

export const CANNED_SCOPES = ['site', 'personal'] as const;
export type CannedScope = (typeof CANNED_SCOPES)[number];

export const CANNED_LIMITS = {
  titleMaxLength: 80,
  /** A shortcut: lower-case letters, digits and `-`, typed after `/`. */
  shortcutMaxLength: 32,
  bodyMaxLength: 5000,
  /** How many responses one site holds (shared and personal together). */
  perSiteMax: 1000,
  /** How many matches the picker shows at once. */
  pickerMax: 8,
} as const;

export const CANNED_SHORTCUT_PATTERN = /^[a-z0-9][a-z0-9-]{0,31}$/;

export type CannedResponse = {
  id: string;
  siteId: string;
  scope: CannedScope;
  /** The agent a personal response belongs to; null for the site's shared ones. */
  ownerId: string | null;
  lang: Locale;
  title: string;
  shortcut: string;
  /** Markdown, with `{{variables}}`. */
  body: string;
  updatedAt: string;
};

export type CannedInput = Pick<CannedResponse, 'scope' | 'lang' | 'title' | 'shortcut' | 'body'>;

/** The variables a body may use, filled from the conversation on insert. */
export const CANNED_VARIABLES = [
  'visitor.name',
  'visitor.email',
  'agent.name',
  'agent.email',
  'site.name',
  'page.url',
  'page.title',
] as const;
export type CannedVariable = (typeof CANNED_VARIABLES)[number];
export type CannedValues = Partial<Record<CannedVariable, string | null>>;

export type FilledCanned = {
  text: string;
  /** Names written in the body that are no variable: left in the text as written. */
  unknown: string[];
  /** Known variables without a value and without a fallback: replaced by nothing. */
  empty: string[];
};

const VARIABLE = /\{\{\s*([a-zA-Z][\w.]*)\s*(?:\|([^}]*))?\}\}/g;
const isVariable = (name: string): name is CannedVariable =>
  (CANNED_VARIABLES as readonly string[]).includes(name);

/**
 * A value as literal Markdown text: characters that would format (emphasis, code, links, HTML, tables)
 * are backslash-escaped, bare addresses are kept from becoming links, and line breaks become spaces, so a visitor called `*Bob* <b>` reads exactly
 * that once the reply is rendered, and is never turned into formatting or markup.
 */
export const escapeMarkdownText = (value: string): string =>
  value
    .replace(/[\r\n]+/g, ' ')
    .replace(/[\\`*_[\]<>~|!#]/g, '\\$&')
    // A bare address would become a link (GFM autolinks): its separator is escaped.
    .replace(/:(?=\/\/)/g, '\\:')
    .replace(/\b(www)\./gi, '$1\\.')
    .replace(/^([+-])(?=\s)/, '\\$1')
    .replace(/^(\d+)([.)])(?=\s)/, '$1\\$2');

/**
 * Fills `{{name}}` and `{{name|fallback}}` in a canned body. A value (or the fallback, when the value is
 * missing or blank) goes in as literal text (`escapeMarkdownText`); an unknown name stays as written.
 * Pure: the same body and values give the same text.
 */
export function fillCanned(body: string, values: CannedValues): FilledCanned {
  const unknown = new Set<string>();
  const empty = new Set<string>();
  const text = body.replace(VARIABLE, (whole, name: string, fallback: string | undefined) => {
    if (!isVariable(name)) {
      unknown.add(name);
      return whole;
    }
    const value = values[name]?.trim();
    if (value) return escapeMarkdownText(value);
    if (fallback?.trim()) return escapeMarkdownText(fallback.trim());
    empty.add(name);
    return '';
  });
  return { text, unknown: [...unknown], empty: [...empty] };
}

/** Lower case, without diacritics (`Zwrot`, `żółty` → `zwrot`, `zolty`); `ł` has no decomposition. */
export const foldForSearch = (text: string): string =>
  text.normalize('NFD').replace(/\p{M}/gu, '').replace(/ł/g, 'l').replace(/Ł/g, 'l').toLowerCase();

/**
 * The picker's matches for what follows `/`: a shortcut that starts with the query first, then a
 * shortcut or title containing it (every word of the query), diacritics-insensitive; responses in
 * the conversation's language before the others; at most `limit`.
 */
export function matchCanned(
  responses: readonly CannedResponse[],
  query: string,
  lang: Locale | null,
  limit: number = CANNED_LIMITS.pickerMax,
): CannedResponse[] {
  const q = foldForSearch(query.trim());
  const words = q.split(/\s+/).filter(Boolean);
  const scored: { r: CannedResponse; score: number }[] = [];
  for (const r of responses) {
    const shortcut = foldForSearch(r.shortcut);
    const title = foldForSearch(r.title);
    let score: number;
    if (!q) score = 2;
    else if (shortcut === q) score = 0;
    else if (shortcut.startsWith(q)) score = 1;
    else if (words.every((w) => shortcut.includes(w) || title.includes(w))) score = 2;
    else continue;
    scored.push({ r, score: score * 2 + (lang === null || r.lang === lang ? 0 : 1) });
  }
  scored.sort(
    (a, b) => a.score - b.score || a.r.shortcut.localeCompare(b.r.shortcut) || a.r.id.localeCompare(b.r.id),
  );
  return scored.slice(0, limit).map((s) => s.r);
}

/** The `/query` being typed at the caret: at the start of the text or after white space, no space in it. */
export function slashQuery(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(0, caret);
  const match = /(^|\s)\/([^\s/]*)$/.exec(before);
  if (!match) return null;
  return { start: before.length - match[2]!.length - 1, query: match[2]! };
}
