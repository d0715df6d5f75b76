/** The agent API's conversation reads: one conversation's timeline, from the start or after a `seq`. */
import { type AgentConversation, API, EVENTS, type Message } from '@frontdesk/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, clientId, type Harness, openConversation, startHarness, waitFor } from '../testing/harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

type Read = { conversation: AgentConversation; messages: Message[] };

describe('GET a conversation', () => {
  it('returns the timeline from the start, or after ?after=<seq>; a bad query is a 400', async () => {
    const visitor = await h.newVisitor();
    const { conversation } = await openConversation(h, visitor.socket);
    const answered = waitFor<Message>(visitor.socket, EVENTS.messageNew, (m) => m.author === 'bot');
    await call(visitor.socket, EVENTS.messageSend, {
      conversationId: conversation.id,
      clientId: clientId(),
      body: 'How much does delivery cost?',
    });
    await answered;
    const { cookie } = await h.newAgent('Reader');
    const read = async (query = '') => {
      const res = await fetch(`${h.url}${API.conversation(conversation.id)}${query}`, {
        headers: { cookie },
      });
      return { status: res.status, body: (await res.json()) as Read & { error?: { code: string } } };
    };

    const all = await read();
    expect(all.status).toBe(200);
    expect(all.body.conversation.id).toBe(conversation.id);
    expect(all.body.messages.map((m) => [m.seq, m.author])).toEqual([
      [1, 'visitor'],
      [2, 'bot'],
    ]);
    expect((await read('?after=1')).body.messages.map((m) => m.seq)).toEqual([2]);
    expect((await read('?after=2')).body.messages).toEqual([]);
    for (const bad of ['?after=-1', '?after=two', '?other=1']) {
      const refused = await read(bad);
      expect([bad, refused.status, refused.body.error?.code]).toEqual([bad, 400, 'bad_request']);
    }
  });
});
