/** `AgentAnswersStore` over Kysely: agents' replies after a handoff, until an admin uses or dismisses them. */
import type { Locale } from '@frontdesk/shared';
import type { AgentAnswersStore } from '../bot/store.ts';
import { type Db, now } from './db.ts';

export function kyselyAgentAnswersStore(db: Db): AgentAnswersStore {
  return {
    async recordAgentAnswer(a) {
      const result = await db
        .insertInto('agent_answers')
        .values({
          site_id: a.siteId,
          conversation_id: a.conversationId,
          lang: a.lang,
          question: a.question,
          answer: a.answer,
          guess_faq_id: a.guessFaqId,
          created_at: now(),
          dismissed_at: null,
        })
        .onConflict((oc) => oc.columns(['site_id', 'conversation_id']).doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
    },
    async hasAgentAnswer(siteId, conversationId) {
      const row = await db
        .selectFrom('agent_answers')
        .select('conversation_id')
        .where('site_id', '=', siteId)
        .where('conversation_id', '=', conversationId)
        .executeTakeFirst();
      return row !== undefined;
    },
    async listOpenAgentAnswers(siteId, limit) {
      const rows = await db
        .selectFrom('agent_answers')
        .selectAll()
        .where('site_id', '=', siteId)
        .where('dismissed_at', 'is', null)
        .orderBy('created_at', 'desc')
        .orderBy('conversation_id', 'desc')
        .limit(limit)
        .execute();
      return rows.map((r) => ({
        siteId: r.site_id,
        conversationId: r.conversation_id,
        lang: r.lang as Locale,
        question: r.question,
        answer: r.answer,
        guessFaqId: r.guess_faq_id,
        createdAt: r.created_at,
        dismissedAt: r.dismissed_at,
      }));
    },
    async dismissAgentAnswer(siteId, conversationId) {
      const result = await db
        .updateTable('agent_answers')
        .set({ dismissed_at: now() })
        .where('site_id', '=', siteId)
        .where('conversation_id', '=', conversationId)
        .where('dismissed_at', 'is', null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
  };
}
