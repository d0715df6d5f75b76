/** Issue 14 (find things): the storage port of conversation search, conversation tags and saved views. */
import type { ConversationState } from '@frontdesk/shared';
import type { ConversationRecord } from '../conversations/store.ts';

/** A seeded conversation for the benchmark (`conversations:seed`). */
export type SeededConversation = {
  state: ConversationState;
  rating: number | null;
  createdAt: string;
  tags: string[];
  messages: { author: 'visitor' | 'agent'; kind: 'text' | 'note'; body: string }[];
};

/** Filters on the conversation itself (the site filter is already folded into `siteIds`). */
export type ConversationFilters = {
  state?: ConversationState;
  /** An agent id, or `none`: nobody has taken it. */
  agentId?: string;
  tag?: string;
  /** A team: conversations marked for it (transferred to it) or assigned to one of its members. */
  teamId?: string;
  rating?: number;
  /** Created at or after this instant, and before `createdBefore` (ISO-8601). */
  createdFrom?: string;
  createdBefore?: string;
};

/**
 * Where the next page starts. Newest first: after (created_at, id). Ranked: the result set is frozen
 * at `asOf` (messages written later are not searched) and the page starts at `offset` of it.
 */
export type SearchCursor =
  | { kind: 'list'; createdAt: string; id: string }
  | { kind: 'ranked'; asOf: string; offset: number };

export type ConversationSearchQuery = {
  siteIds: readonly string[];
  /** Folded search terms (`searchTerms`); none lists newest first. */
  terms: readonly string[];
  filters: ConversationFilters;
  cursor: SearchCursor | null;
  limit: number;
  /** At most this many matching messages are ranked (default `SEARCH_LIMITS.rankedCandidatesMax`). */
  candidatesMax?: number;
  /** How the candidates are gathered (default: the cheaper for the terms); the results are the same. */
  plan?: CandidatePlan;
};

/**
 * `index`: every match from the full-text index, then filtered and cut (cost grows with the matches).
 * `walk`: conversations newest first, their messages checked, stopping at the cap (cost grows with
 * how far it walks: cheap for a word that is in many messages).
 */
export type CandidatePlan = 'index' | 'walk';

/** The message a ranked result was found by (its best match). */
export type SearchMatch = {
  messageId: string;
  seq: number;
  kind: 'text' | 'note';
  body: string;
  createdAt: string;
};

export type SearchHitRecord = { conversation: ConversationRecord; tags: string[]; match: SearchMatch | null };

export type SearchPageRecord = { hits: SearchHitRecord[]; next: SearchCursor | null };

export type SavedViewRecord = { id: string; agentId: string; name: string; query: string; createdAt: string };

export type SearchStore = {
  searchConversations(query: ConversationSearchQuery): Promise<SearchPageRecord>;
  /** The tags of one conversation, sorted. */
  conversationTags(conversationId: string): Promise<string[]>;
  /** Adds a tag (false: it was there already). */
  addConversationTag(input: { conversationId: string; siteId: string; tag: string }): Promise<boolean>;
  /** Removes a tag (false: it was not there). */
  removeConversationTag(conversationId: string, tag: string): Promise<boolean>;
  /** Tags used on the site's conversations that start with `prefix`, most used first. */
  siteConversationTags(siteId: string, prefix: string, limit: number): Promise<string[]>;
  listSavedViews(agentId: string): Promise<SavedViewRecord[]>;
  createSavedView(input: { agentId: string; name: string; query: string }): Promise<SavedViewRecord>;
  /** Deletes one of the agent's views (false: no such view of theirs). */
  deleteSavedView(agentId: string, id: string): Promise<boolean>;
  /** Bulk-loads seeded conversations (the `conversations:seed` benchmark data), one transaction. */
  importConversations(siteId: string, items: SeededConversation[]): Promise<void>;
};
