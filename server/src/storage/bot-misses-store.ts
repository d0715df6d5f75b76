/** `BotMissesStore` over Kysely: what the bot could not answer, until an admin dismisses it. */
import type { BotMissesStore } from '../bot/store.ts';
import { type Db, now } from './db.ts';
import { toBotMiss } from './records.ts';

export function kyselyBotMissesStore(db: Db): BotMissesStore {
  return {
    async recordBotMiss(miss) {
      await db
        .insertInto('bot_misses')
        .values({
          site_id: miss.siteId,
          message_id: miss.messageId,
          conversation_id: miss.conversationId,
          lang: miss.lang,
          text: miss.text,
          created_at: now(),
          dismissed_at: null,
          faq_id: null,
        })
        .onConflict((oc) => oc.columns(['site_id', 'message_id']).doNothing())
        .execute();
    },
    async listOpenBotMisses(siteId, limit) {
      const rows = await db
        .selectFrom('bot_misses')
        .selectAll()
        .where('site_id', '=', siteId)
        .where('dismissed_at', 'is', null)
        .orderBy('created_at', 'desc')
        .orderBy('message_id', 'desc')
        .limit(limit)
        .execute();
      return rows.map(toBotMiss);
    },
    async dismissBotMisses(siteId, messageIds, faqId) {
      if (messageIds.length === 0) return 0;
      const result = await db
        .updateTable('bot_misses')
        .set({ dismissed_at: now(), faq_id: faqId })
        .where('site_id', '=', siteId)
        .where('message_id', 'in', messageIds)
        .where('dismissed_at', 'is', null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows);
    },
  };
}
