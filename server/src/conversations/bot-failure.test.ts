/**
 * A bot that throws, over real sockets: the visitor gets a message and a place in the queue instead
 * of silence, and agents see the conversation waiting for them.
 */
import {
  type AgentConversation,
  API,
  EVENTS,
  type Message,
  type SendResult,
  type VisitorConversation,
} from '@frontdesk/shared';
import { SERVER_CATALOGS } from '@frontdesk/shared/i18n';
import { describe, expect, it } from 'vitest';
import { BotRegistry } from '../bot/registry.ts';
import { harnessForThisFile } from '../testing/file-harness.ts';
import { call, clientId, connected, openConversation, waitFor } from '../testing/harness.ts';

/** The sites' bots, with an engine that crashes on every question. */
class CrashingBots extends BotRegistry {
  override classify(): never {
    throw new Error('engine crashed');
  }
}

const h = harnessForThisFile({ bot: (storage) => new CrashingBots(storage) });

describe('a bot that throws', () => {
  it('hands the visitor to a person: the visitor is told and queued, agents see it in the queue', async () => {
    const agent = await h.newAgent('Queue watcher');
    await connected(agent.socket);
    const visitor = await h.newVisitor();
    const { conversation } = await openConversation(h, visitor.socket);

    const told = waitFor<Message>(visitor.socket, EVENTS.messageNew, (m) => m.author === 'bot');
    const queued = waitFor<VisitorConversation>(
      visitor.socket,
      EVENTS.conversationState,
      (c) => c.state === 'queued',
    );
    const listed = waitFor<AgentConversation>(
      agent.socket,
      EVENTS.conversationUpdated,
      (c) => c.id === conversation.id && c.state === 'queued',
    );
    const sent = await call<SendResult>(visitor.socket, EVENTS.messageSend, {
      conversationId: conversation.id,
      clientId: clientId(),
      body: 'Where is my parcel?',
    });
    expect(sent.duplicate).toBe(false);

    expect((await told).body).toBe(SERVER_CATALOGS.en.botFailedHandoff);
    expect(await queued).toMatchObject({ state: 'queued', queue: { position: expect.any(Number) } });
    expect(await listed).toMatchObject({ state: 'queued', handoffReason: 'bot_misses' });

    const res = await fetch(`${h.url}${API.conversations}?state=queued`, {
      headers: { cookie: agent.cookie },
    });
    const { conversations } = (await res.json()) as { conversations: AgentConversation[] };
    expect(conversations.map((c) => c.id)).toContain(conversation.id);
  });
});
