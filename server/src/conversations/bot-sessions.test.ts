/**
 * Issue 10: bot-only conversations are not open work. After `LIMITS.botSessionIdleMs` without activity
 * they leave the agents' "With the bot" list, and stay in storage (issue 15 reports count them).
 */
import { LIMITS } from '@frontdesk/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AgentContext } from '../identity/context.ts';
import { DEFAULT_SITE_SETTINGS } from '../sites/settings.ts';
import { openStorage, type Storage } from '../storage/index.ts';
import { ConversationAccess } from './access.ts';
import { AgentConversations } from './agent-conversations.ts';
import { quietBroadcaster } from './fixtures/quiet-broadcaster.ts';
import { Timeline } from './timeline.ts';
import { Transitions } from './transitions.ts';

describe('bot sessions in the agents’ lists', () => {
  let storage: Storage;
  let now: number;
  beforeEach(async () => {
    storage = openStorage({ engine: 'sqlite', file: ':memory:' });
    await storage.migrate();
    now = Date.now();
  });
  afterEach(async () => {
    await storage.close();
  });

  it('an idle bot conversation leaves the "With the bot" list but stays in storage', async () => {
    const site = await storage.createSite({
      key: 'k',
      name: 'Shop',
      allowedOrigins: [],
      settings: DEFAULT_SITE_SETTINGS,
    });
    const visitor = await storage.createVisitor({ siteId: site.id, tokenHash: 'h' });
    const c = await storage.createConversation({ siteId: site.id, visitorId: visitor.id, locale: 'en' });
    const broadcaster = quietBroadcaster();
    const agents = new AgentConversations({
      store: storage,
      access: new ConversationAccess(storage),
      timeline: new Timeline(storage),
      transitions: new Transitions(storage, broadcaster),
      broadcaster,
      clock: () => new Date(now),
    });
    const ctx = { siteIds: [site.id] } as unknown as AgentContext;
    expect((await agents.list(ctx, { state: 'bot' })).map((x) => x.id)).toEqual([c.id]);
    now += LIMITS.botSessionIdleMs + 1000;
    expect(await agents.list(ctx, { state: 'bot' })).toEqual([]);
    // Still stored, still listed without the state filter (history, reports).
    expect((await storage.getConversation(c.id))?.state).toBe('bot');
    expect((await agents.list(ctx, {})).map((x) => x.id)).toEqual([c.id]);
  });
});
