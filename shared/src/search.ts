/**
 * Issue 14 (find things): what both ends of conversation search share — its limits, its REST paths,
 * how a query becomes search terms, and how a text is cut into highlighted parts. Highlighting is
 * structured (`{ text, hit }` parts), never HTML: a message that looks like markup stays text (R4).
 */
import type { ConversationState } from './conversation-state.ts';
import { fillRoute } from './routes.ts';
import type { AgentConversation } from './types.ts';

export const SEARCH_LIMITS = {
  /** Longest search text. */
  queryMaxLength: 200,
  /** Search terms used from one query (the rest are ignored). */
  termsMax: 8,
  /** Results per page, at most and by default. */
  pageSizeMax: 50,
  pageSizeDefault: 25,
  /**
   * Matching messages ranked for one search, at most: those of the newest conversations first
   * (docs/SEARCH.md, "Ranking"). A rare word has fewer matches, so all of them are ranked.
   */
  rankedCandidatesMax: 1000,
  /** Characters of a result's snippet around its first match. */
  snippetLength: 160,
  /** Saved views per agent, and the longest view name. */
  viewsMax: 30,
  viewNameMaxLength: 60,
  /** Tags per conversation; suggestions returned for a prefix. */
  tagsPerConversationMax: 20,
  tagSuggestionsMax: 20,
} as const;

export const SEARCH_ROUTES = {
  /** GET: the agent's conversations by text and filters, ranked (with text) or newest first. */
  search: '/api/v1/search/conversations',
  /** GET: the signed-in agent's saved views; POST: a new one. */
  views: '/api/v1/search/views',
  /** DELETE: one of the agent's saved views. */
  view: '/api/v1/search/views/:viewId',
  /** GET: a conversation's tags; POST: add one; DELETE `?tag=`: remove one. */
  conversationTags: '/api/v1/conversations/:id/tags',
  /** GET `?prefix=`: tags already used on a site's conversations, for suggestions. */
  siteTags: '/api/v1/sites/:siteId/conversation-tags',
} as const;

/** The filters of a search (and of a saved view). Dates are `YYYY-MM-DD`, UTC, both inclusive. */
export type SearchFilters = {
  q?: string;
  state?: ConversationState;
  site?: string;
  /** An agent's id, or `none` for conversations nobody has taken. */
  agent?: string;
  tag?: string;
  /** A team's id: conversations waiting for the team or with one of its members. */
  team?: string;
  rating?: number;
  from?: string;
  to?: string;
};

export const SEARCH_API = {
  search: SEARCH_ROUTES.search,
  views: SEARCH_ROUTES.views,
  view: (viewId: string) => fillRoute(SEARCH_ROUTES.view, { viewId }),
  conversationTags: (id: string) => fillRoute(SEARCH_ROUTES.conversationTags, { id }),
  siteTags: (siteId: string) => fillRoute(SEARCH_ROUTES.siteTags, { siteId }),
} as const;

/** The keys of `SearchFilters`, in the order the console shows and serialises them. */
export const SEARCH_FILTER_KEYS = [
  'q',
  'state',
  'site',
  'agent',
  'team',
  'tag',
  'rating',
  'from',
  'to',
] as const;

/** A highlighted piece of text: `hit` parts matched a search term. */
export type HighlightPart = { text: string; hit: boolean };

/** One result: the conversation, its tags, and (for a text search) the message it was found by. */
export type SearchHit = {
  conversation: AgentConversation;
  tags: string[];
  match: {
    messageId: string;
    seq: number;
    kind: 'text' | 'note';
    createdAt: string;
    snippet: HighlightPart[];
  } | null;
};

/** A page of results; `terms` are the folded words that were searched (for highlighting). */
export type SearchPage = { hits: SearchHit[]; nextCursor: string | null; terms: string[] };

/** An agent's saved view. */
export type SavedView = { id: string; name: string; filters: SearchFilters };

const WORD = /[\p{L}\p{N}]+/gu;

/**
 * Diacritics off and lower case: "Żółty" → "zolty". `ł` has no Unicode decomposition, so it is
 * mapped by hand (as the SQLite index and PostgreSQL's `unaccent` do).
 */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/[łŁ]/g, 'l').toLowerCase();
}

/** The words of a query, folded, duplicates dropped, at most `termsMax`. Each matches as a prefix. */
export function searchTerms(query: string): string[] {
  const terms: string[] = [];
  for (const word of query.match(WORD) ?? []) {
    const term = foldText(word);
    if (term && !terms.includes(term)) terms.push(term);
    if (terms.length === SEARCH_LIMITS.termsMax) break;
  }
  return terms;
}

/** `text` in parts, the words that start with a term marked; adjacent plain parts joined. */
export function highlightParts(text: string, terms: readonly string[]): HighlightPart[] {
  const parts: HighlightPart[] = [];
  const push = (piece: string, hit: boolean) => {
    if (!piece) return;
    const last = parts[parts.length - 1];
    if (last && last.hit === hit && !hit) last.text += piece;
    else parts.push({ text: piece, hit });
  };
  let at = 0;
  for (const match of text.matchAll(WORD)) {
    const word = match[0];
    const folded = foldText(word);
    if (!terms.some((term) => folded.startsWith(term))) continue;
    push(text.slice(at, match.index), false);
    push(word, true);
    at = match.index + word.length;
  }
  push(text.slice(at), false);
  return parts;
}

/**
 * A window of about `length` characters around the first hit, with "…" where text was cut, in
 * parts. Whitespace runs become one space (a snippet is one line).
 */
export function snippetParts(
  text: string,
  terms: readonly string[],
  length: number = SEARCH_LIMITS.snippetLength,
): HighlightPart[] {
  const flat = text.replace(/\s+/g, ' ').trim();
  const parts = highlightParts(flat, terms);
  const firstHit = parts.findIndex((p) => p.hit);
  const hitStart = parts.slice(0, Math.max(firstHit, 0)).reduce((n, p) => n + p.text.length, 0);
  const start = firstHit <= 0 ? 0 : Math.max(0, hitStart - Math.floor(length / 3));
  const end = Math.min(flat.length, start + length);
  const out: HighlightPart[] = [];
  let offset = 0;
  for (const part of parts) {
    const from = Math.max(start, offset);
    const to = Math.min(end, offset + part.text.length);
    if (from < to) out.push({ text: part.text.slice(from - offset, to - offset), hit: part.hit });
    offset += part.text.length;
  }
  if (start > 0) out.unshift({ text: '…', hit: false });
  if (end < flat.length) out.push({ text: '…', hit: false });
  return out;
}
