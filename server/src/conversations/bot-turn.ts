/**
 * The bot's turn in a conversation: classify the visitor's message (or follow the quick reply they
 * pressed), let the pure policy decide, post the replies while the conversation is still the bot's,
 * then count the miss or hand off. Silent as soon as a person has the conversation.
 *
 * A turn never throws to its caller. One that fails (the engine, the store) is logged, and the
 * visitor is told so in their language and handed to a person: never left with neither.
 */
import type { MessageMeta } from '@frontdesk/shared';
import { SERVER_CATALOGS } from '@frontdesk/shared/i18n';
import type { SendVisitorMessageInput } from '@frontdesk/shared/schemas';
import type { BuiltinIntent, Decision } from '../bot/engine/index.ts';
import { decide } from '../bot/policy.ts';
import type { BotRegistry } from '../bot/registry.ts';
import type { Presence } from '../identity/presence.ts';
import { AppError } from '../kernel/errors.ts';
import type { Logger } from '../kernel/logger.ts';
import { siteOpenNow } from '../sites/availability.ts';
import type { SitesStore } from '../sites/store.ts';
import type { BotMissRecorder } from './bot-misses.ts';
import type { Broadcaster } from './ports.ts';
import type { ConversationRecord, ConversationsStore, MessagesStore } from './store.ts';
import type { Transitions } from './transitions.ts';

/** What a turn asks of the site's bot (`BotRegistry` answers; tests pass one that fails). */
export type SiteBots = Pick<BotRegistry, 'classify' | 'answerFaq' | 'faqs'>;

type Reply = { body: string; meta: MessageMeta };

export type BotTurnDeps = {
  store: Pick<SitesStore, 'getSite'> &
    Pick<MessagesStore, 'appendMessage'> &
    Pick<ConversationsStore, 'updateConversation'>;
  bots: SiteBots;
  presence: Presence;
  misses: Pick<BotMissRecorder, 'record'>;
  transitions: Pick<Transitions, 'handoff'>;
  broadcaster: Broadcaster;
  logger: Logger;
  /** Business hours are judged at this instant (issue 10); default: the system clock. */
  clock?: () => Date;
};

const systemClock = () => new Date();

const builtin = (conversation: ConversationRecord, intent: BuiltinIntent): Decision => ({
  type: 'intent',
  intent,
  lang: conversation.locale,
  score: 1,
});

export class BotTurn {
  constructor(private readonly deps: BotTurnDeps) {}

  /** The bot's answer to a visitor message, or to the quick reply it carries. */
  afterVisitorMessage(conversation: ConversationRecord, input: SendVisitorMessageInput): Promise<void> {
    return this.turn(conversation, async () => {
      if (input.quickReply?.type === 'handoff') return builtin(conversation, 'human');
      const picked =
        input.quickReply?.type === 'faq'
          ? await this.deps.bots.answerFaq(conversation.siteId, input.quickReply.faqId)
          : null;
      return (picked ?? (await this.deps.bots.classify(conversation.siteId, input.body))).decision;
    });
  }

  /** A built-in intent the visitor chose with a button ("Talk to a person", "This did not help"). */
  onIntent(conversation: ConversationRecord, intent: BuiltinIntent): Promise<void> {
    return this.turn(conversation, async () => builtin(conversation, intent));
  }

  private async turn(conversation: ConversationRecord, decision: () => Promise<Decision>): Promise<void> {
    try {
      await this.respond(conversation, await decision());
    } catch (error) {
      await this.handOffAfterFailure(conversation, error);
    }
  }

  private async respond(conversation: ConversationRecord, decision: Decision) {
    const { store, bots, logger } = this.deps;
    const site = await store.getSite(conversation.siteId);
    if (!site) throw new AppError('not_found', 'conversation not found');
    await this.deps.misses.record(conversation, decision);
    const outcome = decide({
      decision,
      faqs: await bots.faqs(conversation.siteId),
      misses: conversation.botMisses,
      maxMisses: site.settings.botMissesBeforeHandoff,
      agentsOnline: await this.deps.presence.agentsOnline(conversation.siteId),
      withinHours: siteOpenNow(site, (this.deps.clock ?? systemClock)()),
    });
    // The miss counter is stored before the replies go out: the visitor's next message, sent once
    // they see the reply, must find it. Stored after, it raced that message on any engine that
    // really waits for I/O (PostgreSQL, several nodes): the second miss read the old count and
    // the handoff never came.
    if (!outcome.handoff && outcome.misses !== conversation.botMisses) {
      const updated = await store.updateConversation(
        conversation.id,
        conversation.version,
        { botMisses: outcome.misses },
        null,
      );
      if (!updated) logger.debug({ conversationId: conversation.id }, 'miss counter update lost a race');
    }
    const posted = await this.post(conversation, outcome.replies);
    if (!posted) return;
    if (outcome.handoff) await this.deps.transitions.handoff(conversation.id, outcome.handoff);
  }

  /** Posts replies while the conversation is still the bot's; null once a person has it. */
  private async post(conversation: ConversationRecord, replies: Reply[]): Promise<ConversationRecord | null> {
    const { store, broadcaster } = this.deps;
    let latest = conversation;
    for (const reply of replies) {
      const result = await store.appendMessage(
        {
          conversationId: conversation.id,
          clientId: null,
          author: 'bot',
          authorName: null,
          agentId: null,
          kind: 'text',
          body: reply.body,
          meta: reply.meta,
        },
        { requireStates: ['bot'] },
      );
      if (result.status === 'skipped') return null;
      if (result.status === 'stored') {
        broadcaster.messageStored(result.conversation, result.message);
        broadcaster.previewChanged(result.conversation);
      }
      latest = result.conversation;
    }
    return latest;
  }

  /**
   * The turn failed: logged, then the visitor is told in the conversation's language and the
   * conversation joins the queue ("the bot could not answer"). Each step is tried even if the one
   * before failed; only a person having the conversation already stops it.
   */
  private async handOffAfterFailure(conversation: ConversationRecord, error: unknown): Promise<void> {
    const { logger } = this.deps;
    const conversationId = conversation.id;
    logger.error({ err: error, conversationId }, 'bot turn failed, handing the visitor to a person');
    const apology: Reply = { body: SERVER_CATALOGS[conversation.locale].botFailedHandoff, meta: {} };
    try {
      if ((await this.post(conversation, [apology])) === null) return;
    } catch (postError) {
      logger.error({ err: postError, conversationId }, 'could not tell the visitor the bot failed');
    }
    try {
      await this.deps.transitions.handoff(conversationId, 'bot_misses');
    } catch (handoffError) {
      logger.error({ err: handoffError, conversationId }, 'could not hand off after a failed bot turn');
    }
  }
}
