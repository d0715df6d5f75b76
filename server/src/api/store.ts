/** Issue 15: the storage port of the public API — tokens, and a conversation page by cursor. */
import type { ApiScope, ConversationState } from '@frontdesk/shared';
import type { ConversationRecord } from '../conversations/store.ts';

export type ApiTokenRecord = {
  id: string;
  siteId: string;
  name: string;
  scope: ApiScope;
  createdBy: string | null;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
};

/** Where a conversation page starts: after this (updatedAt, id), newest first. */
export type ConversationCursor = { updatedAt: string; id: string };

export type ApiStore = {
  insertApiToken(token: ApiTokenRecord, secretHash: string): Promise<void>;
  /** The token and its secret's hash, revoked or not (the caller decides). */
  getApiToken(id: string): Promise<{ token: ApiTokenRecord; secretHash: string } | null>;
  listApiTokens(siteIds: readonly string[]): Promise<ApiTokenRecord[]>;
  /** True when it was live and is now revoked. */
  revokeApiToken(id: string, at: string): Promise<boolean>;
  touchApiToken(id: string, at: string): Promise<void>;
  /** A site's conversations, most recently updated first, `limit` after `after`. */
  listConversationPage(query: {
    siteId: string;
    state?: ConversationState;
    after: ConversationCursor | null;
    limit: number;
  }): Promise<ConversationRecord[]>;
};
