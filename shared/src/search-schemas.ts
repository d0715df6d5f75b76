/**
 * Issue 14 (find things): schemas of every inbound search payload — the search query string, saved
 * views and conversation tags. Reached as `@frontdesk/shared/search-schemas`, like `schemas.ts`.
 */
import * as v from 'valibot';
import { TagSchema } from './contacts-schemas.ts';
import { CONVERSATION_STATES } from './conversation-state.ts';
import { LIMITS } from './limits.ts';
import { IdSchema, record } from './schemas.ts';
import { SEARCH_LIMITS } from './search.ts';

const NO_CONTROL = /^[^\p{Cc}\u2028\u2029\u202a-\u202e\u2066-\u2069]*$/u;

const SearchTextSchema = v.pipe(
  v.string(),
  v.trim(),
  v.maxLength(SEARCH_LIMITS.queryMaxLength, 'search is too long'),
  v.regex(NO_CONTROL, 'search contains control characters'),
);
/** A calendar day, `YYYY-MM-DD`, that exists. */
const DaySchema = v.pipe(
  v.string(),
  v.regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date (YYYY-MM-DD)'),
  // Valibot runs every step even after the regex failed: an empty or odd string must not throw here.
  v.check((day) => {
    const date = new Date(`${day}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(day);
  }, 'must be a real date'),
);
const AgentFilterSchema = v.union([v.literal('none'), IdSchema]);

const filterEntries = {
  q: v.optional(SearchTextSchema),
  state: v.optional(v.picklist(CONVERSATION_STATES)),
  site: v.optional(IdSchema),
  agent: v.optional(AgentFilterSchema),
  tag: v.optional(TagSchema),
  team: v.optional(IdSchema),
  from: v.optional(DaySchema),
  to: v.optional(DaySchema),
};

/** GET the search: text and filters as query-string values; a cursor from the previous page. */
export const SearchQuerySchema = record({
  ...filterEntries,
  rating: v.optional(
    v.pipe(
      v.string(),
      v.regex(/^\d$/),
      v.transform(Number),
      v.minValue(LIMITS.ratingMin),
      v.maxValue(LIMITS.ratingMax),
    ),
  ),
  cursor: v.optional(v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,300}$/, 'must be a cursor'))),
  limit: v.optional(
    v.pipe(
      v.string(),
      v.regex(/^\d{1,3}$/),
      v.transform(Number),
      v.minValue(1),
      v.maxValue(SEARCH_LIMITS.pageSizeMax),
    ),
  ),
});
export type SearchQueryInput = v.InferOutput<typeof SearchQuerySchema>;

/** A saved view's filters, as JSON (rating a number). */
export const SavedFiltersSchema = record({
  ...filterEntries,
  rating: v.optional(
    v.pipe(v.number(), v.integer(), v.minValue(LIMITS.ratingMin), v.maxValue(LIMITS.ratingMax)),
  ),
});

/** POST a saved view: its name and its filters. */
export const SavedViewSchema = record({
  name: v.pipe(
    v.string(),
    v.trim(),
    v.minLength(1, 'name is required'),
    v.maxLength(SEARCH_LIMITS.viewNameMaxLength, 'name is too long'),
    v.regex(NO_CONTROL, 'name contains control characters'),
  ),
  filters: SavedFiltersSchema,
});
export type SavedViewInput = v.InferOutput<typeof SavedViewSchema>;

/** POST a tag on a conversation (normalised: trimmed, lower case). */
export const ConversationTagSchema = record({ tag: TagSchema });
/** DELETE a tag: `?tag=`. */
export const ConversationTagQuerySchema = record({ tag: TagSchema });
/** GET the site's tags for suggestions: `?prefix=` (may be empty). */
export const TagSuggestQuerySchema = record({
  prefix: v.optional(
    v.pipe(v.string(), v.trim(), v.toLowerCase(), v.maxLength(40), v.regex(NO_CONTROL, 'bad prefix')),
  ),
});
