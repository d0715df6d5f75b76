/**
 * FAQ authoring and the improvement loop: entries (edits reach the running engine at once), overlap
 * warnings, "try a question", the bot's misses (recorded, grouped, dismissed) and the site's bot settings.
 * Agents of a site read; only admins change anything. Another site is "not found", like a missing one.
 */
import type {
  BotSettings,
  FaqEntry,
  FaqMatch,
  FaqOverlap,
  Locale,
  TryResult,
  UnansweredGroup,
} from '@frontdesk/shared';
import type {
  BotSettingsInput,
  FaqInputParsed,
  FaqTryInput,
  UnansweredDismissInput,
} from '@frontdesk/shared/schemas';
import { type Candidate, createTextAnalyzer, type Decision } from '../bot/engine/index.ts';
import type { BotRegistry, SiteBot } from '../bot/registry.ts';
import { AppError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import type { AgentContext } from '../services/conversations.ts';
import type { ConversationRecord, Site, Storage } from '../storage/index.ts';
import { type Analyze, groupMisses } from './grouping.ts';
import { findOverlaps } from './overlaps.ts';

/** Open misses grouped per request at most (newest first). */
const UNANSWERED_LIMIT = 500;
/** Entries suggested for a group of unanswered questions. */
const SUGGESTIONS = 3;
/** How far back a miss looks for the visitor message it was about. */
const LOOKBACK = 20;

/** What the conversation service needs: record a visitor message the bot missed. */
export type MissRecorder = {
  recordMiss(conversation: ConversationRecord, decision: Decision): Promise<void>;
};

export class FaqService implements MissRecorder {
  private readonly overlapCache = new WeakMap<SiteBot, { revision: number; overlaps: FaqOverlap[] }>();
  private analyzers: Record<Locale, ReturnType<typeof createTextAnalyzer>> | null = null;

  constructor(
    private readonly storage: Storage,
    private readonly bot: BotRegistry,
    private readonly logger: Logger,
  ) {}

  /** The site, if the agent belongs to it; admin-only when `admin`. */
  async access(ctx: AgentContext, siteId: string, need: 'read' | 'admin'): Promise<Site> {
    const site = ctx.siteIds.includes(siteId) ? await this.storage.getSite(siteId) : null;
    if (!site) throw new AppError('not_found', 'site not found');
    if (need === 'admin' && ctx.agent.role !== 'admin')
      throw new AppError('forbidden', 'only an admin can change the bot');
    return site;
  }

  async list(siteId: string): Promise<{ faqs: FaqEntry[]; overlaps: FaqOverlap[] }> {
    const bot = await this.bot.load(siteId);
    const faqs = [...bot.faqs.values()].sort(
      (a, b) => a.lang.localeCompare(b.lang) || a.id.localeCompare(b.id),
    );
    return { faqs, overlaps: this.overlaps(bot) };
  }

  /** Ranking every example is the costly part: cached per engine until the next edit. */
  private overlaps(bot: SiteBot): FaqOverlap[] {
    const cached = this.overlapCache.get(bot);
    if (cached?.revision === bot.revision) return cached.overlaps;
    const overlaps = findOverlaps(bot.faqs.values(), (text, lang) => bot.engine.rank(text, { lang }));
    this.overlapCache.set(bot, { revision: bot.revision, overlaps });
    return overlaps;
  }

  put(siteId: string, faqId: string, input: FaqInputParsed): Promise<FaqEntry> {
    return this.bot.upsert(siteId, { id: faqId, ...input });
  }

  async remove(siteId: string, faqId: string): Promise<void> {
    if (!(await this.bot.remove(siteId, faqId))) throw new AppError('not_found', 'no such FAQ entry');
  }

  async try(siteId: string, input: FaqTryInput): Promise<TryResult> {
    const bot = await this.bot.load(siteId);
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

  async unanswered(siteId: string): Promise<UnansweredGroup[]> {
    const misses = await this.storage.listOpenBotMisses(siteId, UNANSWERED_LIMIT);
    const bot = await this.bot.load(siteId);
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

  private readonly analyze: Analyze = (text, lang) => {
    this.analyzers ??= { en: createTextAnalyzer('en'), pl: createTextAnalyzer('pl') };
    return this.analyzers[lang](text);
  };

  async dismiss(siteId: string, input: UnansweredDismissInput): Promise<void> {
    if (input.faqId !== undefined && !(await this.bot.faqs(siteId)).has(input.faqId))
      throw new AppError('not_found', 'no such FAQ entry');
    await this.storage.dismissBotMisses(siteId, input.messageIds, input.faqId ?? null);
  }

  settings(site: Site): BotSettings {
    const { botMissesBeforeHandoff, escalationPhrases, answerThreshold } = site.settings;
    return { botMissesBeforeHandoff, escalationPhrases, answerThreshold };
  }

  async updateSettings(site: Site, input: BotSettingsInput): Promise<BotSettings> {
    const settings = {
      ...site.settings,
      botMissesBeforeHandoff: input.botMissesBeforeHandoff,
      escalationPhrases: [...new Set(input.escalationPhrases)],
      answerThreshold: input.answerThreshold,
    };
    const updated = await this.storage.updateSite(site.id, { settings });
    if (!updated) throw new AppError('not_found', 'site not found');
    this.bot.invalidate(site.id);
    return this.settings(updated);
  }

  /**
   * A miss, or "that didn't help", puts the visitor's question on the unanswered list. For "didn't
   * help" that is the last visitor message the bot already replied to, not the complaint itself.
   * Never throws: a failure here must not cost the visitor the bot's reply.
   */
  async recordMiss(conversation: ConversationRecord, decision: Decision): Promise<void> {
    const notHelpful = decision.type === 'intent' && decision.intent === 'not_helpful';
    if (decision.type !== 'miss' && !notHelpful) return;
    try {
      const from = Math.max(0, conversation.lastSeq - LOOKBACK);
      const recent = await this.storage.listMessages(conversation.id, from, LOOKBACK);
      const asked = recent.filter(
        (m, i) =>
          m.author === 'visitor' &&
          m.kind === 'text' &&
          (!notHelpful || recent.slice(i + 1).some((later) => later.author === 'bot')),
      );
      const message = asked.at(-1);
      if (!message) return;
      await this.storage.recordBotMiss({
        siteId: conversation.siteId,
        messageId: message.id,
        conversationId: conversation.id,
        lang: decision.lang,
        text: message.body,
      });
    } catch (error) {
      this.logger.error({ err: error, conversationId: conversation.id }, 'could not record a bot miss');
    }
  }
}

function named(bot: SiteBot, candidates: Candidate[]): FaqMatch[] {
  return candidates.map((c) => ({
    faqId: c.faqId,
    question: bot.faqs.get(c.faqId)?.question ?? c.faqId,
    score: c.score,
  }));
}
