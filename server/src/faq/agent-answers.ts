/**
 * Learn from agents (issue 16): after a handoff, the agent's first substantive reply and the visitor's
 * question it answered are kept, with the bot's best guess, and offered under "Unanswered" as an example of
 * that entry or a new entry pre-filled with both. Recording never throws: it must not cost the agent a reply.
 */
import { type AgentAnswer, LIMITS, type Locale, type Message } from '@frontdesk/shared';
import type { AgentAnswerDismissInput } from '@frontdesk/shared/schemas';
import { detectIntent } from '../bot/engine/intents.ts';
import { words } from '../bot/engine/normalize.ts';
import type { BotRegistry } from '../bot/registry.ts';
import type { AgentAnswersStore } from '../bot/store.ts';
import type { ConversationRecord, MessagesStore } from '../conversations/store.ts';
import { AppError } from '../kernel/errors.ts';
import type { Logger } from '../kernel/logger.ts';
import { named } from './entries.ts';

/** How far back the question is looked for. */
const LOOKBACK = 40;

/** A reply worth offering as an FAQ answer: enough words, and not small talk ("hi!", "thanks, bye"). */
export function isSubstantive(text: string): boolean {
  return words(text).length >= LIMITS.agentAnswerMinWords && detectIntent(text) === null;
}

/**
 * The visitor's question an agent reply answers: the last visitor text before the agent's first reply that
 * is not a built-in intent ("talk to a person", "hello"), so the question the bot missed, not the hand-off.
 */
export function questionOf(messages: readonly Message[]): Message | null {
  const firstAgent = messages.findIndex((m) => m.author === 'agent' && m.kind === 'text');
  const before = firstAgent < 0 ? messages : messages.slice(0, firstAgent);
  const asked = before.filter(
    (m) => m.author === 'visitor' && m.kind === 'text' && detectIntent(m.body) === null,
  );
  return asked.at(-1) ?? null;
}

export class AgentAnswers {
  constructor(
    private readonly store: AgentAnswersStore & Pick<MessagesStore, 'listMessages'>,
    private readonly bots: BotRegistry,
    private readonly logger: Logger,
  ) {}

  /** Called for every stored agent message; keeps the first substantive reply after a handoff. */
  async agentReplied(conversation: ConversationRecord, message: Message): Promise<void> {
    if (message.kind !== 'text' || conversation.handoffReason === null || !isSubstantive(message.body))
      return;
    try {
      if (await this.store.hasAgentAnswer(conversation.siteId, conversation.id)) return;
      const from = Math.max(0, message.seq - LOOKBACK);
      const recent = await this.store.listMessages(conversation.id, from, LOOKBACK);
      const question = questionOf(recent.filter((m) => m.seq < message.seq));
      if (!question) return;
      const bot = await this.bots.load(conversation.siteId);
      const langs = bot.langs.length > 0 ? bot.langs : [conversation.locale];
      const lang: Locale = langs.includes(conversation.locale)
        ? conversation.locale
        : bot.engine.detectLanguage(question.body, langs);
      const guess = bot.engine.rank(question.body, { lang })[0];
      await this.store.recordAgentAnswer({
        siteId: conversation.siteId,
        conversationId: conversation.id,
        lang,
        question: question.body,
        answer: message.body,
        guessFaqId: guess?.faqId ?? null,
      });
    } catch (error) {
      this.logger.error({ err: error, conversationId: conversation.id }, 'could not record an agent answer');
    }
  }

  async list(siteId: string): Promise<AgentAnswer[]> {
    const rows = await this.store.listOpenAgentAnswers(siteId, LIMITS.agentAnswersMax);
    const bot = await this.bots.load(siteId);
    return rows.map((r) => {
      // the guess is re-ranked now: the FAQ may have changed since (the stored one is the fallback)
      const now = bot.engine.rank(r.question, { lang: r.lang })[0];
      const [guess] = now
        ? named(bot, [now])
        : r.guessFaqId && bot.faqs.has(r.guessFaqId)
          ? named(bot, [{ faqId: r.guessFaqId, score: 0 }])
          : [];
      return {
        conversationId: r.conversationId,
        lang: r.lang,
        question: r.question,
        answer: r.answer,
        createdAt: r.createdAt,
        guess: guess ?? null,
      };
    });
  }

  async dismiss(siteId: string, input: AgentAnswerDismissInput): Promise<void> {
    if (!(await this.store.dismissAgentAnswer(siteId, input.conversationId)))
      throw new AppError('not_found', 'no such agent answer');
  }
}
