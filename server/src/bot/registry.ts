/**
 * One FAQ engine per site, built from storage (entries + the site's bot settings) on first use and
 * updated in place when an entry changes; a settings change drops it to be rebuilt.
 */
import type { SitesStore } from '../sites/store.ts';
import { createEngine, type Decision, type Engine, type Lang } from './engine/index.ts';
import type { FaqRecord, FaqStore } from './store.ts';

/** A site's engine and entries. `revision` counts in-place edits (for caches derived from it). */
export type SiteBot = { engine: Engine; faqs: Map<string, FaqRecord>; langs: Lang[]; revision: number };

export class BotRegistry {
  private readonly sites = new Map<string, Promise<SiteBot>>();

  constructor(
    private readonly storage: FaqStore & Pick<SitesStore, 'getSite'>,
    /** Issue 11 (redis): told after every change of a site's entries or settings (other nodes forget it). */
    private readonly changed: (siteId: string) => void = () => {},
  ) {}

  /** The site's engine and entries (read-only use: edits go through `upsert` / `remove`). */
  load(siteId: string): Promise<SiteBot> {
    let bot = this.sites.get(siteId);
    if (!bot) {
      bot = (async () => {
        const [faqs, site] = await Promise.all([this.storage.listFaqs(siteId), this.storage.getSite(siteId)]);
        const settings = site?.settings;
        const engine = createEngine(faqs, {
          escalationPhrases: settings?.escalationPhrases ?? [],
          ...(typeof settings?.answerThreshold === 'number' && { answerThreshold: settings.answerThreshold }),
        });
        const langs = [...new Set(faqs.map((f) => f.lang))];
        return { engine, faqs: new Map(faqs.map((f) => [f.id, f])), langs, revision: 0 };
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

  /** Stores the entry and puts it into the running engine at once. */
  async upsert(siteId: string, faq: Omit<FaqRecord, 'updatedAt'>): Promise<FaqRecord> {
    const record = await this.storage.upsertFaq(siteId, faq);
    const bot = await this.load(siteId);
    bot.engine.upsert(record);
    bot.faqs.set(record.id, record);
    bot.langs.splice(0, bot.langs.length, ...new Set([...bot.faqs.values()].map((f) => f.lang)));
    bot.revision += 1;
    this.changed(siteId);
    return record;
  }

  /** Deletes the entry from storage and the running engine; false when the site has no such entry. */
  async remove(siteId: string, faqId: string): Promise<boolean> {
    const deleted = await this.storage.deleteFaq(siteId, faqId);
    const bot = await this.load(siteId);
    bot.engine.remove(faqId);
    bot.faqs.delete(faqId);
    bot.langs.splice(0, bot.langs.length, ...new Set([...bot.faqs.values()].map((f) => f.lang)));
    bot.revision += 1;
    this.changed(siteId);
    return deleted;
  }

  /** Forget a site's engine (settings changed); it is rebuilt on next use. */
  invalidate(siteId: string): void {
    this.sites.delete(siteId);
    this.changed(siteId);
  }

  /** Issue 11 (redis): forget a site's engine because another node changed it (nobody is told). */
  forget(siteId: string): void {
    this.sites.delete(siteId);
  }
}
