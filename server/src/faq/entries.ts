/**
 * A site's FAQ entries: list them with overlap warnings, create or replace one, delete one (edits
 * reach the running engine at once), and "try a question" against the site's bot.
 */
import type { FaqEntry, FaqMatch, FaqOverlap, TryResult } from '@frontdesk/shared';
import type { FaqInputParsed, FaqTryInput } from '@frontdesk/shared/schemas';
import type { Candidate } from '../bot/engine/index.ts';
import type { BotRegistry, SiteBot } from '../bot/registry.ts';
import { AppError } from '../kernel/errors.ts';
import { findOverlaps } from './overlaps.ts';

/** Candidates with their entries' questions (the id when an entry is gone). */
export function named(bot: SiteBot, candidates: Candidate[]): FaqMatch[] {
  return candidates.map((c) => ({
    faqId: c.faqId,
    question: bot.faqs.get(c.faqId)?.question ?? c.faqId,
    score: c.score,
  }));
}

export class FaqEntries {
  private readonly overlapCache = new WeakMap<SiteBot, { revision: number; overlaps: FaqOverlap[] }>();

  constructor(private readonly bots: BotRegistry) {}

  async list(siteId: string): Promise<{ faqs: FaqEntry[]; overlaps: FaqOverlap[] }> {
    const bot = await this.bots.load(siteId);
    const faqs = [...bot.faqs.values()].sort(
      (a, b) => a.lang.localeCompare(b.lang) || a.id.localeCompare(b.id),
    );
    return { faqs, overlaps: this.overlaps(bot) };
  }

  put(siteId: string, faqId: string, input: FaqInputParsed): Promise<FaqEntry> {
    return this.bots.upsert(siteId, { id: faqId, ...input });
  }

  async remove(siteId: string, faqId: string): Promise<void> {
    if (!(await this.bots.remove(siteId, faqId))) throw new AppError('not_found', 'no such FAQ entry');
  }

  async try(siteId: string, input: FaqTryInput): Promise<TryResult> {
    const bot = await this.bots.load(siteId);
    const options = input.lang ? { lang: input.lang } : bot.langs.length > 0 ? { langs: bot.langs } : {};
    const decision = bot.engine.classify(input.text, options);
    const matches = bot.engine.rank(input.text, { lang: decision.lang });
    return {
      outcome: decision.type,
      intent: decision.type === 'intent' ? decision.intent : null,
      lang: decision.lang,
      matches: named(bot, matches),
    };
  }

  /** Ranking every example is the costly part: cached per engine until the next edit. */
  private overlaps(bot: SiteBot): FaqOverlap[] {
    const cached = this.overlapCache.get(bot);
    if (cached?.revision === bot.revision) return cached.overlaps;
    const overlaps = findOverlaps(bot.faqs.values(), (text, lang) => bot.engine.rank(text, { lang }));
    this.overlapCache.set(bot, { revision: bot.revision, overlaps });
    return overlaps;
  }
}
