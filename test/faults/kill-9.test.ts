/**
 * TESTPLAN D2: `kill -9` of the server in the middle of a burst of 500 messages while clients retry.
 * Twenty visitors each send 25 messages the way the widget does (one at a time, in order, retried
 * with the same `clientId` until acknowledged); after 200 acknowledgements the server process is
 * killed with SIGKILL and started again on the same port and data. Pass: every message stored
 * exactly once, every acknowledged one kept, `seq` 1, 2, 3 … with no gap in every conversation.
 */
import {
  type AckResult,
  API,
  EVENTS,
  type Message,
  NAMESPACES,
  type OpenResult,
  RETRYABLE_ERRORS,
  type SendResult,
  type SyncResult,
  type VisitorClientEvents,
  type VisitorConversation,
  type VisitorServerEvents,
} from '@frontdesk/shared';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ServerProcess, serverProcess } from '../support/server-process.ts';

type VisitorSocket = Socket<VisitorServerEvents, VisitorClientEvents>;

const VISITORS = 20;
const MESSAGES_EACH = 25;
const KILL_AFTER_ACKS = 200;

let server: ServerProcess;
beforeAll(async () => {
  // 20 visitors from one address sending as fast as acks come back: a delivery test, not a limits
  // test (L2/L3 prove the budgets), so the budgets are scaled as in the socket harness.
  server = await serverProcess({ RATE_LIMIT_SCALE: '100' });
  await server.start();
});
afterAll(async () => {
  await server?.stop();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function newVisitor(): Promise<{ socket: VisitorSocket; conversationId: string }> {
  const res = await fetch(server.url + API.visitorSessions, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server.origin },
    body: JSON.stringify({ siteKey: 'demo' }),
  });
  if (res.status !== 201) throw new Error(`session: ${res.status} ${await res.text()}`);
  const { token } = (await res.json()) as { token: string };
  const socket: VisitorSocket = io(server.url + NAMESPACES.visitor, {
    auth: { siteKey: 'demo', token },
    extraHeaders: { origin: server.origin },
    transports: ['websocket'],
    forceNew: true,
    reconnectionDelay: 100,
    reconnectionDelayMax: 500,
  });
  const opened = await request<OpenResult>(socket, EVENTS.conversationOpen, { locale: 'en' });
  return { socket, conversationId: opened.conversation.id };
}

/** One request, retried until it succeeds: after a timeout or a retryable error, once connected again. */
async function request<T>(socket: VisitorSocket, event: string, payload: unknown): Promise<T> {
  for (let attempt = 0; attempt < 200; attempt++) {
    if (!socket.connected) await new Promise((resolve) => socket.once('connect', () => resolve(null)));
    const reply = await (
      socket.timeout(2000).emitWithAck as (e: string, p: unknown) => Promise<AckResult<T>>
    )(event, payload).catch(() => null);
    if (reply?.ok) return reply.data;
    if (reply && !RETRYABLE_ERRORS.includes(reply.error.code)) {
      throw new Error(`${event}: ${reply.error.code} ${reply.error.message}`);
    }
    await sleep(reply?.error.retryAfter ? reply.error.retryAfter * 1000 : 100);
  }
  throw new Error(`${event}: gave up`);
}

async function syncAll(socket: VisitorSocket, conversationId: string): Promise<Message[]> {
  const messages: Message[] = [];
  let afterSeq = 0;
  for (;;) {
    const page = await request<SyncResult<VisitorConversation>>(socket, EVENTS.messagesSync, {
      conversationId,
      afterSeq,
    });
    messages.push(...page.messages);
    if (!page.hasMore || page.messages.length === 0) return messages;
    afterSeq = page.messages.at(-1)!.seq;
  }
}

describe('D2 kill -9 mid-burst', () => {
  it('D2 500 messages, server killed after 200 acks and restarted: nothing lost, nothing doubled, no gap', async () => {
    const visitors = await Promise.all(Array.from({ length: VISITORS }, newVisitor));
    const acked = new Map<string, number>();
    let killed: Promise<void> | null = null;

    const sendAll = async (v: (typeof visitors)[number], index: number) => {
      for (let i = 0; i < MESSAGES_EACH; i++) {
        const clientId = `d2-${index}-${i}-${Math.random().toString(36).slice(2, 10)}`;
        const sent = await request<SendResult>(v.socket, EVENTS.messageSend, {
          conversationId: v.conversationId,
          clientId,
          body: `burst ${index}/${i}`,
        });
        acked.set(clientId, sent.message.seq);
        if (acked.size === KILL_AFTER_ACKS && !killed) {
          killed = server.kill().then(() => server.start());
        }
      }
    };
    await Promise.all(visitors.map(sendAll));
    expect(killed, 'the server was killed mid-burst').not.toBeNull();
    await killed;

    let stored = 0;
    for (const [index, v] of visitors.entries()) {
      const messages = await syncAll(v.socket, v.conversationId);
      expect(messages.map((m) => m.seq)).toEqual(messages.map((_, i) => i + 1));
      const mine = messages.filter((m) => m.author === 'visitor');
      expect(mine.map((m) => m.body)).toEqual(
        Array.from({ length: MESSAGES_EACH }, (_, i) => `burst ${index}/${i}`),
      );
      for (const m of mine) expect(acked.get(m.clientId ?? '')).toBe(m.seq);
      stored += mine.length;
      v.socket.disconnect();
    }
    expect(stored).toBe(VISITORS * MESSAGES_EACH);
    expect(acked.size).toBe(VISITORS * MESSAGES_EACH);
  });
});
