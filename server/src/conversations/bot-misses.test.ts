import { describe, expect, it, vi } from 'vitest';
import type { Decision } from '../bot/engine/index.ts';
import { createLogger } from '../kernel/logger.ts';
import { DEFAULT_SITE_SETTINGS } from '../sites/settings.ts';
import { openStorage, type Storage } from '../storage/index.ts';
import { BotMissRecorder } from './bot-misses.ts';

async function setUp() {
  const storage = openStorage({ engine: 'sqlite', file: ':memory:' });
  await storage.migrate();
  const site = await storage.createSite({
    key: 'shop-key',
    name: 'Shop',
    allowedOrigins: [],
    settings: DEFAULT_SITE_SETTINGS,
  });
  const visitor = await storage.createVisitor({ siteId: site.id, tokenHash: 'token-hash' });
  const conversation = await storage.createConversation({
    siteId: site.id,
    visitorId: visitor.id,
    locale: 'en',
  });
  const say = async (author: 'visitor' | 'bot', body: string) => {
    const r = await storage.appendMessage({
      conversationId: conversation.id,
      clientId: null,
      author,
      authorName: null,
      agentId: null,
      kind: 'text',
      body,
      meta: null,
    });
    if (r.status !== 'stored') throw new Error('not stored');
    return r;
  };
  const recorder = (s: Storage = storage, logger = createLogger('silent')) => new BotMissRecorder(s, logger);
  return { storage, site, say, recorder };
}

const miss: Decision = { type: 'miss', lang: 'en', candidates: [] };
const notHelpful: Decision = { type: 'intent', intent: 'not_helpful', lang: 'en', score: 1 };

describe('BotMissRecorder.record', () => {
  it('records the message the bot missed, and nothing for an answer or small talk', async () => {
    const { storage, site, say, recorder } = await setUp();
    const asked = await say('visitor', 'do you sell tractors');
    await recorder().record(asked.conversation, miss);
    await recorder().record(asked.conversation, {
      type: 'answer',
      faqId: 'x',
      score: 0.9,
      lang: 'en',
      candidates: [],
    });
    await recorder().record(asked.conversation, {
      type: 'intent',
      intent: 'thanks',
      lang: 'en',
      score: 1,
    });
    const open = await storage.listOpenBotMisses(site.id, 10);
    expect(open).toEqual([
      expect.objectContaining({ messageId: asked.message.id, text: 'do you sell tractors' }),
    ]);
  });

  it('for "that didn\'t help" records the question the bot answered, not the complaint', async () => {
    const { storage, site, say, recorder } = await setUp();
    const question = await say('visitor', 'how long is delivery to Iceland');
    await say('bot', 'Delivery takes 1–2 days.');
    const typed = await say('visitor', 'that did not help');
    await recorder().record(typed.conversation, notHelpful);
    expect((await storage.listOpenBotMisses(site.id, 10)).map((m) => m.messageId)).toEqual([
      question.message.id,
    ]);
  });

  it('logs a storage failure instead of throwing (the visitor still gets the reply)', async () => {
    const { storage, say, recorder } = await setUp();
    const asked = await say('visitor', 'anything');
    const broken: Storage = Object.assign(Object.create(storage) as Storage, {
      recordBotMiss: () => Promise.reject(new Error('disk full')),
    });
    const logger = createLogger('silent');
    const error = vi.spyOn(logger, 'error');
    await expect(recorder(broken, logger).record(asked.conversation, miss)).resolves.toBeUndefined();
    expect(error).toHaveBeenCalledWith(
      expect.objectContaining({ conversationId: asked.conversation.id }),
      'could not record a bot miss',
    );
  });
});
