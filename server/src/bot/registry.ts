/** One FAQ engine per site, built from storage on first use and updated when an entry changes. */
import type { Storage } from '../storage/index.ts';
import type { FaqRecord } from '../storage/types.ts';
import { createEngine, type Decision, type Engine, type Lang } from './engine/index.ts';

type SiteBot = { engine: Engine; faqs: Map<string, FaqRecord>; langs: Lang[] };

export class BotRegistry {
  private readonly sites = new Map<string, Promise<SiteBot>>();

  constructor(
    private readonly storage: Storage,
    private readonly escalationPhrases: (siteId: string) => Promise<string[]>,
  ) {}

  private load(siteId: string): Promise<SiteBot> {
    let bot = this.sites.get(siteId);
    if (!bot) {
      bot = (async () => {
        const faqs = await this.storage.listFaqs(siteId);
        const engine = createEngine(faqs, { escalationPhrases: await this.escalationPhrases(siteId) });
        const langs = [...new Set(faqs.map((f) => f.lang))];
        return { engine, faqs: new Map(faqs.map((f) => [f.id, f])), langs };
      })();
      bot.catch(() => this.sites.delete(siteId));
      this.sites.set(siteId, bot);
    }
    return bot;
  }

  async classify(
    siteId: string,
    text: string,
  ): Promise<{ decision: Decision; faqs: ReadonlyMap<string, FaqRecord> }> {
    const bot = await this.load(siteId);
    const decision = bot.engine.classify(text, bot.langs.length > 0 ? { langs: bot.langs } : {});
    return { decision, faqs: bot.faqs };
  }

  async faqs(siteId: string): Promise<ReadonlyMap<string, FaqRecord>> {
    return (await this.load(siteId)).faqs;
  }

  /** A decision for a quick-reply button that names its FAQ entry. */
  async answerFaq(
    siteId: string,
    faqId: string,
  ): Promise<{ decision: Decision; faqs: ReadonlyMap<string, FaqRecord> } | null> {
    const bot = await this.load(siteId);
    const faq = bot.faqs.get(faqId);
    if (!faq) return null;
    return {
      decision: { type: 'answer', faqId, score: 1, lang: faq.lang, candidates: [{ faqId, score: 1 }] },
      faqs: bot.faqs,
    };
  }

  async upsert(siteId: string, faq: Omit<FaqRecord, 'updatedAt'>): Promise<void> {
    await this.storage.upsertFaq(siteId, faq);
    const bot = await this.load(siteId);
    const record = { ...faq, updatedAt: new Date().toISOString() };
    bot.engine.upsert(record);
    bot.faqs.set(faq.id, record);
    if (!bot.langs.includes(faq.lang)) bot.langs.push(faq.lang);
  }

  /** Forget a site's engine (settings changed); it is rebuilt on next use. */
  invalidate(siteId: string): void {
    this.sites.delete(siteId);
  }
}
