/** The improvement loop: the bot's open misses, grouped by similarity with the closest entries, and dismissed. */
import type { Locale, UnansweredGroup } from '@frontdesk/shared';
import type { UnansweredDismissInput } from '@frontdesk/shared/schemas';
import { createTextAnalyzer } from '../bot/engine/index.ts';
import type { BotRegistry } from '../bot/registry.ts';
import type { BotMissesStore } from '../bot/store.ts';
import { AppError } from '../kernel/errors.ts';
import { named } from './entries.ts';
import { type Analyze, groupMisses } from './grouping.ts';

/** Open misses grouped per request at most (newest first). */
const UNANSWERED_LIMIT = 500;
/** Entries suggested for a group of unanswered questions. */
const SUGGESTIONS = 3;

export class Unanswered {
  private analyzers: Record<Locale, ReturnType<typeof createTextAnalyzer>> | null = null;

  constructor(
    private readonly store: Pick<BotMissesStore, 'listOpenBotMisses' | 'dismissBotMisses'>,
    private readonly bots: BotRegistry,
  ) {}

  async groups(siteId: string): Promise<UnansweredGroup[]> {
    const misses = await this.store.listOpenBotMisses(siteId, UNANSWERED_LIMIT);
    const bot = await this.bots.load(siteId);
    return groupMisses(misses, this.analyze).map((group) => ({
      key: group.key,
      lang: group.lang,
      count: group.items.length,
      sample: group.sample,
      items: group.items.map(({ messageId, conversationId, text, createdAt }) => ({
        messageId,
        conversationId,
        text,
        createdAt,
      })),
      suggestions: named(bot, bot.engine.rank(group.sample, { lang: group.lang }).slice(0, SUGGESTIONS)),
    }));
  }

  async dismiss(siteId: string, input: UnansweredDismissInput): Promise<void> {
    if (input.faqId !== undefined && !(await this.bots.faqs(siteId)).has(input.faqId))
      throw new AppError('not_found', 'no such FAQ entry');
    await this.store.dismissBotMisses(siteId, input.messageIds, input.faqId ?? null);
  }

  private readonly analyze: Analyze = (text, lang) => {
    this.analyzers ??= { en: createTextAnalyzer('en'), pl: createTextAnalyzer('pl') };
    return this.analyzers[lang](text);
  };
}
