/**
 * The whole `Storage` over one Kysely handle: one small store per group of tables, so SQLite and
 * PostgreSQL share every query and an engine replaces only the pieces it must.
 */

import { kyselyAgentAnswersStore } from './agent-answers-store.ts';
import { kyselyAgentsStore } from './agents-store.ts';
import { kyselyApiStore } from './api-store.ts';
import { kyselyAttachmentsStore } from './attachments-store.ts';
import { kyselyBotMissesStore } from './bot-misses-store.ts';
import { kyselyCannedStore } from './canned-store.ts';
import { kyselyContactsStore } from './contacts-store.ts';
import { kyselyConversationsStore } from './conversations-store.ts';
import type { Db } from './db.ts';
import { kyselyFaqStore } from './faq-store.ts';
import { kyselyHistoryStore } from './history-store.ts';
import { kyselyImagesStore } from './images-store.ts';
import type { StorageLifecycle } from './lifecycle.ts';
import { kyselyMailStore } from './mail-store.ts';
import { kyselyMessagesStore } from './messages-store.ts';
import { kyselyReadsStore } from './reads-store.ts';
import { kyselyReportsStore } from './reports-store.ts';
import { kyselyRoutingStore } from './routing-store.ts';
import { kyselySearchStore } from './search-store.ts';
import { kyselySessionsStore } from './sessions-store.ts';
import { kyselySitesStore } from './sites-store.ts';
import type { Storage } from './types.ts';
import { kyselyVisitorsStore } from './visitors-store.ts';
import { kyselyWebhooksStore } from './webhooks-store.ts';

export function kyselyStorage(db: Db, lifecycle: StorageLifecycle): Storage {
  return {
    ...lifecycle,
    ...kyselySitesStore(db),
    ...kyselyAgentsStore(db),
    ...kyselySessionsStore(db),
    ...kyselyVisitorsStore(db),
    ...kyselyConversationsStore(db),
    ...kyselyMessagesStore(db),
    ...kyselyFaqStore(db),
    ...kyselyBotMissesStore(db),
    ...kyselyAgentAnswersStore(db),
    ...kyselyImagesStore(db),
    ...kyselyMailStore(db),
    ...kyselyReadsStore(db),
    ...kyselyAttachmentsStore(db),
    ...kyselyContactsStore(db),
    ...kyselyRoutingStore(db),
    // Issue 14.
    ...kyselyCannedStore(db),
    ...kyselySearchStore(db),
    ...kyselyReportsStore(db),
    ...kyselyHistoryStore(db),
    // Issue 15 (public API, webhooks).
    ...kyselyApiStore(db),
    ...kyselyWebhooksStore(db),
  };
}
