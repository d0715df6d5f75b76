/**
 * Issue 14: bulk-loading seeded conversations for the search benchmark (`conversations:seed`): each
 * with its own anonymous visitor and its messages, in batches inside one transaction per call. The
 * search index fills as the messages arrive (SQLite triggers; PostgreSQL's expression index).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { Insertable } from 'kysely';
import { conversationFacts } from '../reports/facts.ts';
import type { SeededConversation } from '../search/store.ts';
import type { Db } from './db.ts';
import type { ConversationTable, ConversationTagTable, MessageTable, VisitorTable } from './schema.ts';

const BATCH = 400;

async function insertBatched<T>(rows: T[], insert: (batch: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += BATCH) await insert(rows.slice(i, i + BATCH));
}

export async function importConversations(
  db: Db,
  siteId: string,
  items: SeededConversation[],
): Promise<void> {
  const visitors: Insertable<VisitorTable>[] = [];
  const conversations: Insertable<ConversationTable>[] = [];
  const messages: Insertable<MessageTable>[] = [];
  const tags: Insertable<ConversationTagTable>[] = [];
  for (const item of items) {
    const visitorId = randomUUID();
    const id = randomUUID();
    const at = (k: number) => new Date(Date.parse(item.createdAt) + k * 30_000).toISOString();
    const last = item.messages[item.messages.length - 1];
    const facts = conversationFacts(item.messages.map((m, k) => ({ ...m, at: at(k + 1) })));
    visitors.push({
      id: visitorId,
      site_id: siteId,
      token_hash: randomBytes(16).toString('hex'),
      name: null,
      email: null,
      verified: 0,
      locale: 'pl',
      user_agent: null,
      page_url: null,
      page_title: null,
      created_at: item.createdAt,
      last_seen_at: at(item.messages.length),
    });
    conversations.push({
      id,
      site_id: siteId,
      visitor_id: visitorId,
      state: item.state,
      agent_id: null,
      locale: 'pl',
      last_seq: item.messages.length,
      version: 0,
      bot_misses: 0,
      handoff_reason: null,
      last_message_author: last?.author ?? null,
      last_message_body: last?.body.slice(0, 300) ?? null,
      last_message_at: last ? at(item.messages.length) : null,
      rating: item.rating,
      rating_comment: null,
      queued_at: null,
      resolved_at: item.state === 'resolved' ? at(item.messages.length + 1) : null,
      created_at: item.createdAt,
      updated_at: at(item.messages.length),
      first_bot_at: facts.firstBotAt,
      first_agent_reply_at: facts.firstAgentReplyAt,
    });
    item.messages.forEach((m, k) => {
      messages.push({
        id: randomUUID(),
        conversation_id: id,
        seq: k + 1,
        client_id: null,
        author: m.author,
        author_name: null,
        agent_id: null,
        kind: m.kind,
        body: m.body,
        meta: null,
        created_at: at(k + 1),
      });
    });
    for (const tag of item.tags)
      tags.push({ conversation_id: id, site_id: siteId, tag, created_at: item.createdAt });
  }
  await db.transaction().execute(async (trx) => {
    await insertBatched(visitors, (b) => trx.insertInto('visitors').values(b).execute());
    await insertBatched(conversations, (b) => trx.insertInto('conversations').values(b).execute());
    await insertBatched(messages, (b) => trx.insertInto('messages').values(b).execute());
    await insertBatched(tags, (b) => trx.insertInto('conversation_tags').values(b).execute());
  });
}
