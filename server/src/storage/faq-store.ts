/** `FaqStore` over Kysely: a site's FAQ entries. */
import type { FaqStore } from '../bot/store.ts';
import { type Db, now } from './db.ts';
import { toFaq } from './records.ts';

export function kyselyFaqStore(db: Db): FaqStore {
  return {
    async listFaqs(siteId) {
      const rows = await db
        .selectFrom('faqs')
        .selectAll()
        .where('site_id', '=', siteId)
        .orderBy('lang')
        .orderBy('id')
        .execute();
      return rows.map(toFaq);
    },
    async upsertFaq(siteId, faq) {
      const values = {
        lang: faq.lang,
        question: faq.question,
        examples: JSON.stringify(faq.examples),
        answer: faq.answer,
        tags: JSON.stringify(faq.tags),
        updated_at: now(),
      };
      await db
        .insertInto('faqs')
        .values({ id: faq.id, site_id: siteId, ...values })
        .onConflict((oc) => oc.columns(['site_id', 'id']).doUpdateSet(values))
        .execute();
      return toFaq({ id: faq.id, site_id: siteId, ...values });
    },
    async deleteFaq(siteId, id) {
      const result = await db
        .deleteFrom('faqs')
        .where('site_id', '=', siteId)
        .where('id', '=', id)
        .executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
  };
}
