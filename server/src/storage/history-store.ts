/**
 * `HistoryStore` over Kysely (issue 15): past conversations written as they happened, in chunks
 * below both engines' parameter limits, one transaction per call. Used by `reports:seed` and tests.
 */
import { randomBytes } from 'node:crypto';
import { conversationFacts } from '../reports/facts.ts';
import type { HistoricConversation, HistoryStore } from '../reports/store.ts';
import type { Db } from './db.ts';

/** Rows per INSERT: 11–20 columns each stays far below SQLite's 32 766 and PostgreSQL's 65 535 parameters. */
const CHUNK = 500;

function chunks<T>(rows: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += CHUNK) out.push(rows.slice(i, i + CHUNK));
  return out;
}

const lastAt = (c: HistoricConversation) => c.messages.at(-1)?.at ?? c.createdAt;

export function kyselyHistoryStore(db: Db): HistoryStore {
  return {
    async insertHistory(siteId, conversations) {
      const visitors = conversations.map((c) => ({
        id: `v-${c.id}`,
        site_id: siteId,
        token_hash: randomBytes(16).toString('hex'),
        name: null,
        email: null,
        verified: 0,
        locale: c.locale,
        user_agent: null,
        page_url: null,
        page_title: null,
        created_at: c.createdAt,
        last_seen_at: lastAt(c),
        user_id: null,
        phone: null,
        time_zone: null,
        browser: null,
        os: null,
        merged_into: null,
        erased_at: null,
        search_text: null,
      }));
      const rows = conversations.map((c) => {
        const last = c.messages.at(-1);
        const facts = conversationFacts(c.messages);
        return {
          id: c.id,
          site_id: siteId,
          visitor_id: `v-${c.id}`,
          state: c.state,
          agent_id: c.agentId,
          locale: c.locale,
          last_seq: c.messages.length,
          version: 0,
          bot_misses: 0,
          handoff_reason: c.handoffReason,
          last_message_author: last?.author ?? null,
          last_message_body: last?.body ?? null,
          last_message_at: last?.at ?? null,
          rating: c.rating,
          rating_comment: c.ratingComment,
          queued_at: c.queuedAt,
          resolved_at: c.resolvedAt,
          created_at: c.createdAt,
          updated_at: lastAt(c),
          assigned_at: c.assignedAt,
          abandoned_at: c.abandonedAt,
          visitor_last_active_at: null,
          offline_at: c.offlineAt,
          first_bot_at: facts.firstBotAt,
          first_agent_reply_at: facts.firstAgentReplyAt,
        };
      });
      const messages = conversations.flatMap((c) =>
        c.messages.map((m, i) => ({
          id: `${c.id}-m${i + 1}`,
          conversation_id: c.id,
          seq: i + 1,
          client_id: null,
          author: m.author,
          author_name: null,
          agent_id: m.author === 'agent' ? c.agentId : null,
          kind: m.kind,
          body: m.body,
          meta: null,
          created_at: m.at,
        })),
      );
      const misses = conversations.flatMap((c) =>
        c.messages.flatMap((m, i) =>
          m.missed
            ? [
                {
                  site_id: siteId,
                  message_id: `${c.id}-m${i + 1}`,
                  conversation_id: c.id,
                  lang: c.locale,
                  text: m.body,
                  created_at: m.at,
                  dismissed_at: null,
                  faq_id: null,
                },
              ]
            : [],
        ),
      );
      await db.transaction().execute(async (tx) => {
        for (const part of chunks(visitors)) await tx.insertInto('visitors').values(part).execute();
        for (const part of chunks(rows)) await tx.insertInto('conversations').values(part).execute();
        for (const part of chunks(messages)) await tx.insertInto('messages').values(part).execute();
        for (const part of chunks(misses)) await tx.insertInto('bot_misses').values(part).execute();
      });
    },
  };
}
