/**
 * A miss, or "that didn't help", puts the visitor's question on the site's unanswered list (read by
 * FAQ authoring). For "didn't help" that is the last visitor message the bot already replied to, not
 * the complaint itself.
 */

import type { Decision } from '../bot/engine/index.ts';
import type { BotMissesStore } from '../bot/store.ts';
import type { Logger } from '../kernel/logger.ts';
import type { ConversationRecord, MessagesStore } from './store.ts';

/** How far back a miss looks for the visitor message it was about. */
const LOOKBACK = 20;

export class BotMissRecorder {
  constructor(
    private readonly store: Pick<BotMissesStore, 'recordBotMiss'> & Pick<MessagesStore, 'listMessages'>,
    private readonly logger: Logger,
  ) {}

  /** Never throws: a failure here must not cost the visitor the bot's reply. */
  async record(conversation: ConversationRecord, decision: Decision): Promise<void> {
    const notHelpful = decision.type === 'intent' && decision.intent === 'not_helpful';
    if (decision.type !== 'miss' && !notHelpful) return;
    try {
      const from = Math.max(0, conversation.lastSeq - LOOKBACK);
      const recent = await this.store.listMessages(conversation.id, from, LOOKBACK);
      const asked = recent.filter(
        (m, i) =>
          m.author === 'visitor' &&
          m.kind === 'text' &&
          (!notHelpful || recent.slice(i + 1).some((later) => later.author === 'bot')),
      );
      const message = asked.at(-1);
      if (!message) return;
      await this.store.recordBotMiss({
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
