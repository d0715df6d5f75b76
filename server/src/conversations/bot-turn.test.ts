/** A bot turn that fails hands the visitor to a person, says so in their language, and is logged. */
import type { Message } from '@frontdesk/shared';
import { SERVER_CATALOGS } from '@frontdesk/shared/i18n';
import { describe, expect, it, vi } from 'vitest';
import { createLogger } from '../kernel/logger.ts';
import { DEFAULT_SITE_SETTINGS } from '../sites/settings.ts';
import { openStorage, type Storage } from '../storage/index.ts';
import { BotTurn, type SiteBots } from './bot-turn.ts';
import type { Broadcaster } from './ports.ts';
import type { ConversationRecord } from './store.ts';
import { Transitions } from './transitions.ts';

const crashed = () => Promise.reject(new Error('engine crashed'));
const failingBots: SiteBots = { classify: crashed, answerFaq: crashed, faqs: crashed };

/** Records what would go out over the sockets. */
function recordingBroadcaster() {
  const stored: Message[] = [];
  const changed: ConversationRecord[] = [];
  const broadcaster: Broadcaster = {
    messageStored: (_c, message) => stored.push(message),
    conversationChanged: (c) => changed.push(c),
    previewChanged: () => {},
    visitorViewChanged: () => {},
    queueChanged: () => {},
  };
  return { broadcaster, stored, changed };
}

async function setUp(
  locale: 'en' | 'pl',
  options: { bots?: SiteBots; store?: (s: Storage) => Storage } = {},
) {
  const storage = openStorage({ engine: 'sqlite', file: ':memory:' });
  await storage.migrate();
  const site = await storage.createSite({
    key: `site-${locale}`,
    name: 'Shop',
    allowedOrigins: [],
    settings: DEFAULT_SITE_SETTINGS,
  });
  const visitor = await storage.createVisitor({ siteId: site.id, tokenHash: 'token-hash' });
  const conversation = await storage.createConversation({ siteId: site.id, visitorId: visitor.id, locale });
  const { broadcaster, stored, changed } = recordingBroadcaster();
  const logger = createLogger('silent');
  const errors = vi.spyOn(logger, 'error');
  const store = options.store?.(storage) ?? storage;
  const transitions = new Transitions(store, broadcaster);
  const turn = new BotTurn({
    store,
    bots: options.bots ?? failingBots,
    presence: { agentsOnline: async () => 1 },
    misses: { record: async () => {} },
    transitions,
    broadcaster,
    logger,
  });
  const input = { conversationId: conversation.id, clientId: 'client-0001', body: 'where is my parcel' };
  return { storage, conversation, turn, transitions, input, stored, changed, errors };
}

describe('a failed bot turn', () => {
  it.each(['en', 'pl'] as const)(
    'hands the conversation to a person with a message in the conversation language (%s), and logs it',
    async (locale) => {
      const { storage, conversation, turn, input, stored, changed, errors } = await setUp(locale);
      await expect(turn.afterVisitorMessage(conversation, input)).resolves.toBeUndefined();

      expect(await storage.getConversation(conversation.id)).toMatchObject({
        state: 'queued',
        handoffReason: 'bot_misses',
      });
      const timeline = await storage.listMessages(conversation.id, 0, 10);
      expect(timeline.map((m) => [m.author, m.kind, m.body])).toEqual([
        ['bot', 'text', SERVER_CATALOGS[locale].botFailedHandoff],
        ['system', 'event', ''],
      ]);
      expect(timeline[1]?.meta?.event).toEqual({ name: 'queued', reason: 'bot_misses' });
      expect(stored.map((m) => m.id)).toEqual(timeline.map((m) => m.id));
      expect(changed.map((c) => c.state)).toEqual(['queued']);
      expect(errors).toHaveBeenCalledWith(
        expect.objectContaining({ conversationId: conversation.id, err: expect.any(Error) }),
        'bot turn failed, handing the visitor to a person',
      );
    },
  );

  it('also when the visitor pressed a button: "Talk to a person" still reaches a person', async () => {
    const bots: SiteBots = { ...failingBots, faqs: async () => new Map() };
    const { storage, conversation, turn } = await setUp('en', {
      bots,
      store: (s) => Object.assign(Object.create(s) as Storage, { getSite: crashed }),
    });
    await turn.onIntent(conversation, 'human');
    expect((await storage.getConversation(conversation.id))?.state).toBe('queued');
  });

  it('says nothing and hands nothing off once a person has the conversation', async () => {
    const { storage, conversation, turn, transitions, input, errors } = await setUp('en');
    const agent = await storage.createAgent({
      email: 'a@example.com',
      name: 'A',
      role: 'agent',
      passwordHash: 'x',
      siteIds: [conversation.siteId],
    });
    await transitions.apply(conversation.id, { type: 'take', agentId: agent.id });
    const before = await storage.listMessages(conversation.id, 0, 10);
    await turn.afterVisitorMessage(conversation, input);
    expect(await storage.listMessages(conversation.id, 0, 10)).toEqual(before);
    expect((await storage.getConversation(conversation.id))?.state).toBe('assigned');
    expect(errors).toHaveBeenCalledTimes(1);
  });

  it('still hands off when the message to the visitor cannot be stored', async () => {
    const { storage, conversation, turn, input, errors } = await setUp('en', {
      store: (s) => Object.assign(Object.create(s) as Storage, { appendMessage: crashed }),
    });
    await turn.afterVisitorMessage(conversation, input);
    expect((await storage.getConversation(conversation.id))?.state).toBe('queued');
    expect(errors).toHaveBeenCalledWith(
      expect.objectContaining({ conversationId: conversation.id }),
      'could not tell the visitor the bot failed',
    );
  });
});
