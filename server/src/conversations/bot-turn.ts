/**
 * The bot's turn in a conversation: classify the visitor's message (or follow the quick reply they
 * pressed), let the pure policy decide, post the replies while the conversation is still the
 * bot's, then count the miss or hand off. Silent as soon as a person has the conversation.
 */

import type { HandoffReason, MessageMeta } from '@frontdesk/shared';
import type { SendVisitorMessageInput } from '@frontdesk/shared/schemas';
import type { BuiltinIntent } from '../bot/engine/index.ts';
import { decide, type PolicyInput } from '../bot/policy.ts';
import type { BotRegistry } from '../bot/registry.ts';
import { AppError } from '../errors.ts';
import type { MissRecorder } from '../faq/index.ts';
import type { Logger } from '../logger.ts';
import type { ConversationRecord, Storage } from '../storage/index.ts';
import type { Notifier } from './notifier.ts';

export class BotResponder {
  constructor(
    private readonly storage: Storage,
    private readonly notifier: Notifier,
    private readonly bot: BotRegistry,
    private readonly misses: MissRecorder,
    private readonly logger: Logger,
    private readonly handoff: (conversationId: string, reason: HandoffReason) => Promise<ConversationRecord>,
  ) {}

  async onVisitorMessage(conversation: ConversationRecord, input: SendVisitorMessageInput) {
    if (input.quickReply?.type === 'handoff') return this.respondWithIntent(conversation, 'human');
    const picked =
      input.quickReply?.type === 'faq'
        ? await this.bot.answerFaq(conversation.siteId, input.quickReply.faqId)
        : null;
    const { decision } = picked ?? (await this.bot.classify(conversation.siteId, input.body));
    await this.respond(conversation, decision);
  }

  /** A built-in intent the visitor chose with a button ("Talk to a person", "This did not help"). */
  respondWithIntent(conversation: ConversationRecord, intent: BuiltinIntent) {
    return this.respond(conversation, { type: 'intent', intent, lang: conversation.locale, score: 1 });
  }

  private async respond(conversation: ConversationRecord, decision: PolicyInput['decision']) {
    const site = await this.storage.getSite(conversation.siteId);
    if (!site) throw new AppError('not_found', 'conversation not found');
    await this.misses.recordMiss(conversation, decision);
    const outcome = decide({
      decision,
      faqs: await this.bot.faqs(conversation.siteId),
      misses: conversation.botMisses,
      maxMisses: site.settings.botMissesBeforeHandoff,
      agentsOnline: await this.notifier.agentsOnline(conversation.siteId),
    });
    const posted = await this.postReplies(conversation, outcome.replies);
    if (!posted) return;
    if (outcome.handoff) {
      await this.handoff(conversation.id, outcome.handoff);
    } else if (outcome.misses !== posted.botMisses) {
      const updated = await this.storage.updateConversation(
        posted.id,
        posted.version,
        { botMisses: outcome.misses },
        null,
      );
      if (!updated) this.logger.debug({ conversationId: posted.id }, 'miss counter update lost a race');
    }
  }

  /** Posts replies while the conversation is still the bot's; stops once a person has it. */
  private async postReplies(
    conversation: ConversationRecord,
    replies: { body: string; meta: MessageMeta }[],
  ) {
    let latest = conversation;
    for (const reply of replies) {
      const result = await this.storage.appendMessage(
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
        this.notifier.messageStored(result.conversation, result.message);
        this.notifier.previewChanged(result.conversation);
      }
      latest = result.conversation;
    }
    return latest;
  }
}
