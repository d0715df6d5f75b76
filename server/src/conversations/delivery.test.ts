/** Delivery faults over real sockets (TESTPLAN D3): a visitor who was away gets everything, once, in order. */
import {
  type AgentConversation,
  EVENTS,
  type Message,
  type SyncResult,
  type VisitorConversation,
} from '@frontdesk/shared';
import { describe, expect, it } from 'vitest';
import { harnessForThisFile } from '../testing/file-harness.ts';
import { call, clientId, connected, openConversation, type VisitorSocket } from '../testing/harness.ts';

const h = harnessForThisFile();

/** Pages through `messages:sync` as the widget does: from the highest `seq` held, while `hasMore`. */
async function syncAll(socket: VisitorSocket, conversationId: string, afterSeq: number) {
  const messages: Message[] = [];
  let cursor = afterSeq;
  for (let page = 0; page < 100; page++) {
    const reply = await call<SyncResult<VisitorConversation>>(socket, EVENTS.messagesSync, {
      conversationId,
      afterSeq: cursor,
    });
    messages.push(...reply.messages);
    const next = reply.messages.at(-1)?.seq ?? cursor;
    if (!reply.hasMore) return { messages, conversation: reply.conversation, pages: page + 1 };
    expect(next, 'a page with more to come must advance the cursor').toBeGreaterThan(cursor);
    cursor = next;
  }
  throw new Error('sync never ended');
}

async function assignedConversation(agentName: string) {
  const v = await h.newVisitor();
  const { conversation } = await openConversation(h, v.socket);
  const agent = await h.newAgent(agentName);
  await connected(agent.socket);
  await call<AgentConversation>(agent.socket, EVENTS.conversationTake, { conversationId: conversation.id });
  const held = await syncAll(v.socket, conversation.id, 0);
  return { v, agent, cid: conversation.id, lastSeq: held.messages.at(-1)?.seq ?? 0 };
}

const agentSays = (socket: Parameters<typeof call>[0], conversationId: string, body: string, kind = 'text') =>
  call(socket, EVENTS.messageSend, { conversationId, clientId: clientId(), body, kind });

describe('D3 visitor away while the agent writes', () => {
  it('D3 300 private notes before one reply: the visitor still gets the reply and the resolution', async () => {
    const { v, agent, cid, lastSeq } = await assignedConversation('Noteworthy');
    v.socket.disconnect();
    for (let i = 1; i <= 300; i++) await agentSays(agent.socket, cid, `note ${i}`, 'note');
    await agentSays(agent.socket, cid, 'Here is your answer');
    await call(agent.socket, EVENTS.conversationResolve, { conversationId: cid });

    v.socket.connect();
    await connected(v.socket);
    const { messages, conversation } = await syncAll(v.socket, cid, lastSeq);
    expect(messages.some((m) => m.kind === 'note')).toBe(false);
    expect(messages.map((m) => m.body).filter(Boolean)).toEqual(['Here is your answer']);
    expect(messages.at(-1)?.meta?.event?.name).toBe('resolved');
    expect(conversation.state).toBe('resolved');
  });

  it('D3 20 replies and a resolution while away, 3 queued by the visitor: all of them, once, in order', async () => {
    const { v, agent, cid, lastSeq } = await assignedConversation('Twenty');
    v.socket.disconnect();
    for (let i = 1; i <= 20; i++) await agentSays(agent.socket, cid, `reply ${i}`);
    await call(agent.socket, EVENTS.conversationResolve, { conversationId: cid });

    v.socket.connect();
    await connected(v.socket);
    // The widget first catches up, then sends what it queued (each retried once with the same id, as
    // after a reload mid-send).
    const caughtUp = await syncAll(v.socket, cid, lastSeq);
    expect(caughtUp.messages.filter((m) => m.author === 'agent').map((m) => m.body)).toEqual(
      Array.from({ length: 20 }, (_, i) => `reply ${i + 1}`),
    );
    expect(caughtUp.messages.at(-1)?.meta?.event?.name).toBe('resolved');
    const queued = ['first', 'second', 'third'].map((body) => ({
      conversationId: cid,
      clientId: clientId(),
      body,
    }));
    for (const payload of queued) {
      await call(v.socket, EVENTS.messageSend, payload);
      await call(v.socket, EVENTS.messageSend, payload);
    }
    const all = await syncAll(v.socket, cid, 0);
    const seqs = all.messages.map((m) => m.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(seqs).size).toBe(seqs.length);
    expect(all.messages.filter((m) => m.author === 'visitor').map((m) => m.body)).toEqual([
      'first',
      'second',
      'third',
    ]);
  });
});
