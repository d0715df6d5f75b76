/**
 * Issue 14 (find things): runtime schemas for what the server sends back about search, saved views
 * and tags, read by the console at its edge. Reached as `@frontdesk/shared/search-responses`.
 */
import * as v from 'valibot';
import { AgentConversationSchema } from './responses.ts';
import { SavedFiltersSchema } from './search-schemas.ts';

const HighlightPartSchema = v.object({ text: v.string(), hit: v.boolean() });

export const SearchHitSchema = v.object({
  conversation: AgentConversationSchema,
  tags: v.array(v.string()),
  match: v.nullable(
    v.object({
      messageId: v.string(),
      seq: v.number(),
      kind: v.picklist(['text', 'note']),
      createdAt: v.string(),
      snippet: v.array(HighlightPartSchema),
    }),
  ),
});

export const SearchPageSchema = v.object({
  hits: v.array(SearchHitSchema),
  nextCursor: v.nullable(v.string()),
  terms: v.array(v.string()),
});

export const SavedViewReplySchema = v.object({
  id: v.string(),
  name: v.string(),
  filters: SavedFiltersSchema,
});
export const SavedViewListSchema = v.object({ views: v.array(SavedViewReplySchema) });
export const TagListSchema = v.object({ tags: v.array(v.string()) });
export const DeletedSchema = v.object({ deleted: v.literal(true) });
