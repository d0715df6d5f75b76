/** Issue 10: the leave-a-message form's submit path, over a real socket and a real server (port 0). */
import {
  type AgentConversation,
  API,
  EVENTS,
  type Message,
  type OfflineMessageResult,
  type SendResult,
  type SessionInitResult,
  type WatchResult,
} from '@frontdesk/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  call,
  callRaw,
  clientId,
  connected,
  type Harness,
  openConversation,
  startHarness,
} from '../testing/harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  const site = await h.storage.getSite(h.site.id);
  if (!site) throw new Error('no demo site');
  await h.storage.updateSite(site.id, {
    settings: {
      ...site.settings,
      offline: {
        longWaitMinutes: 20,
        fields: [
          {
            id: 'order',
            type: 'text',
            label: { en: 'Order number', pl: 'Numer zamówienia' },
            required: true,
          },
          {
            id: 'topic',
            type: 'choice',
            label: { en: 'Topic' },
            required: false,
            options: [{ id: 'returns', label: { en: 'Returns', pl: 'Zwroty' } }],
          },
        ],
      },
    },
  });
});
afterAll(async () => {
  await h.close();
});

const form = (conversationId: string, patch: Record<string, unknown> = {}) => ({
  conversationId,
  clientId: clientId(),
  name: 'Ada Lovelace',
  email: 'Ada@Example.com',
  body: 'My parcel has not arrived.',
  reason: 'nobody_online',
  answers: { order: 'A-17', topic: 'returns' },
  ...patch,
});

async function visitorWithConversation() {
  const visitor = await h.newVisitor();
  const opened = await openConversation(h, visitor.socket);
  return { socket: visitor.socket, conversationId: opened.conversation.id };
}

async function agentView(conversationId: string) {
  const agent = await h.newAgent('Olga');
  const res = await fetch(h.url + API.conversation(conversationId), {
    headers: { cookie: agent.cookie, origin: h.origin },
  });
  expect(res.status).toBe(200);
  return { agent, ...((await res.json()) as { conversation: AgentConversation; messages: Message[] }) };
}

describe('offline:message', () => {
  it('tells the widget the form settings, stores a valid form and queues it as an offline message; an agent replies', async () => {
    const visitor = await h.newVisitor();
    await connected(visitor.socket);
    const init = await call<SessionInitResult>(visitor.socket, EVENTS.sessionInit, { locale: 'pl' });
    expect(init.site.agentsOnline).toBe(0);
    expect(init.site.offline?.longWaitMinutes).toBe(20);
    expect(init.site.offline?.fields.map((f) => f.label)).toEqual(['Numer zamówienia', 'Topic']);

    const conversationId = (await openConversation(h, visitor.socket)).conversation.id;
    const left = await call<OfflineMessageResult>(
      visitor.socket,
      EVENTS.offlineMessage,
      form(conversationId),
    );
    expect(left.duplicate).toBe(false);
    expect(left.message).toMatchObject({
      author: 'visitor',
      body: 'My parcel has not arrived.',
      authorName: 'Ada Lovelace',
    });
    expect(left.conversation).toMatchObject({
      state: 'queued',
      offline: { reason: 'nobody_online', email: 'ada@example.com' },
    });

    const { agent, conversation, messages } = await agentView(conversationId);
    expect(conversation.state).toBe('queued');
    expect(conversation.visitor).toMatchObject({
      name: 'Ada Lovelace',
      email: 'ada@example.com',
      verified: false,
    });
    expect(conversation.offline).toMatchObject({
      reason: 'nobody_online',
      answers: [
        { fieldId: 'order', label: 'Order number', value: 'A-17' },
        { fieldId: 'topic', label: 'Topic', value: 'Returns' },
      ],
    });
    const event = messages.find((m) => m.kind === 'event');
    expect(event?.meta?.event).toEqual({ name: 'offline_message', offlineReason: 'nobody_online' });

    // It waits in the queue ("Waiting") like any handoff, and an agent answers it normally.
    const waiting = await fetch(`${h.url + API.conversations}?state=queued`, {
      headers: { cookie: agent.cookie, origin: h.origin },
    });
    const list = (await waiting.json()) as { conversations: AgentConversation[] };
    expect(list.conversations.find((c) => c.id === conversationId)?.offline?.reason).toBe('nobody_online');
    await call<WatchResult>(agent.socket, EVENTS.conversationWatch, { conversationId });
    await call(agent.socket, EVENTS.conversationTake, { conversationId });
    const reply = await call<SendResult>(agent.socket, EVENTS.messageSend, {
      conversationId,
      clientId: clientId(),
      body: 'Sorry about that, it ships today.',
    });
    expect(reply.message).toMatchObject({ author: 'agent', body: 'Sorry about that, it ships today.' });
  });

  it('D1 a retry with the same clientId stores one message, one event, and answers with the original', async () => {
    const { socket, conversationId } = await visitorWithConversation();
    const payload = form(conversationId, { reason: 'closed' });
    const first = await call<OfflineMessageResult>(socket, EVENTS.offlineMessage, payload);
    const again = await call<OfflineMessageResult>(socket, EVENTS.offlineMessage, payload);
    expect(again.duplicate).toBe(true);
    expect(again.message.id).toBe(first.message.id);
    const { messages } = await agentView(conversationId);
    expect(messages.filter((m) => m.author === 'visitor')).toHaveLength(1);
    expect(messages.filter((m) => m.meta?.event?.name === 'offline_message')).toHaveLength(1);
  });

  it.each([
    ['R4 a header-injection-shaped name', { name: 'a\r\nBcc: x@y' }, 'bad_request'],
    ['R4 an e-mail with a header break', { email: 'a@b.co\r\nBcc: x@y' }, 'bad_request'],
    ['no e-mail', { email: undefined }, 'bad_request'],
    ['an e-mail that is not one', { email: 'not-an-address' }, 'bad_request'],
    ['L1 an oversize message', { body: 'x'.repeat(6000) }, 'too_large'],
    ['A3 a number for a name', { name: 42 }, 'bad_request'],
    ['A3 answers as an array', { answers: ['A-17'] }, 'bad_request'],
    ['a missing required answer', { answers: { topic: 'returns' } }, 'bad_request'],
    ['an answer to a question the site does not ask', { answers: { order: '1', shoe: '42' } }, 'bad_request'],
    ['an option the site does not offer', { answers: { order: '1', topic: 'refund' } }, 'bad_request'],
  ])('refuses %s, and stores nothing', async (_name, patch, code) => {
    const { socket, conversationId } = await visitorWithConversation();
    const reply = await callRaw(socket, EVENTS.offlineMessage, form(conversationId, patch));
    expect(reply).toMatchObject({ ok: false, error: { code } });
    const { conversation, messages } = await agentView(conversationId);
    expect(conversation).toMatchObject({ state: 'bot', offline: null, visitor: { name: null, email: null } });
    expect(messages).toEqual([]);
  });

  it("A1 another visitor's conversation is not found", async () => {
    const owner = await visitorWithConversation();
    const stranger = await visitorWithConversation();
    const reply = await callRaw(stranger.socket, EVENTS.offlineMessage, form(owner.conversationId));
    expect(reply).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});
