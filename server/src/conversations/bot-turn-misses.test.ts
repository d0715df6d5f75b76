/**
 * The miss counter is stored before the bot's reply goes out, so the visitor's next message (sent
 * after seeing the reply) counts as the second miss and hands off (TESTPLAN B: two misses → person).
 * Stored after the reply, it raced that message on PostgreSQL, where the store really waits for I/O.
 */
import { describe, expect, it } from 'vitest';
import type { Decision } from '../bot/engine/index.ts';
import { createLogger } from '../kernel/logger.ts';
import { DEFAULT_SITE_SETTINGS } from '../sites/settings.ts';
import { openStorage } from '../storage/index.ts';
import { BotTurn, type SiteBots } from './bot-turn.ts';
import type { Broadcaster } from './ports.ts';
import { Transitions } from './transitions.ts';

const miss: Decision = { type: 'miss', lang: 'en', candidates: [] };

describe('bot misses', () => {
  it('the count is already stored when the visitor sees the reply to a miss', async () => {
    const storage = openStorage({ engine: 'sqlite', file: ':memory:' });
    await storage.migrate();
    const site = await storage.createSite({
      key: 'misses',
      name: 'Shop',
      allowedOrigins: [],
      settings: { ...DEFAULT_SITE_SETTINGS, botMissesBeforeHandoff: 2 },
    });
    const visitor = await storage.createVisitor({ siteId: site.id, tokenHash: 'token-hash' });
    const conversation = await storage.createConversation({
      siteId: site.id,
      visitorId: visitor.id,
      locale: 'en',
    });
    const countsSeenWithReplies: Promise<number | undefined>[] = [];
    const broadcaster: Broadcaster = {
      // What a visitor who answers the moment the reply arrives would find.
      messageStored: (c, m) => {
        if (m.author === 'bot')
          countsSeenWithReplies.push(storage.getConversation(c.id).then((now) => now?.botMisses));
      },
      conversationChanged: () => {},
      previewChanged: () => {},
      visitorViewChanged: () => {},
      queueChanged: () => {},
    };
    const bots: SiteBots = {
      classify: async () => ({ decision: miss, faqs: new Map() }),
      answerFaq: async () => null,
      faqs: async () => new Map(),
    };
    const turn = new BotTurn({
      store: storage,
      bots,
      presence: { agentsOnline: async () => 1 },
      misses: { record: async () => {} },
      transitions: new Transitions(storage, broadcaster),
      broadcaster,
      logger: createLogger('silent'),
    });
    const input = { conversationId: conversation.id, clientId: 'client-0001', body: 'purple elephants' };
    await turn.afterVisitorMessage(conversation, input);
    expect(await Promise.all(countsSeenWithReplies)).toEqual([1]);

    const afterFirst = await storage.getConversation(conversation.id);
    if (!afterFirst) throw new Error('gone');
    await turn.afterVisitorMessage(afterFirst, { ...input, clientId: 'client-0002' });
    expect(await storage.getConversation(conversation.id)).toMatchObject({
      state: 'queued',
      handoffReason: 'bot_misses',
    });
    await storage.close();
  });
});
