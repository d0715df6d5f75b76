/**
 * TESTPLAN D2: `kill -9` of the server in the middle of a burst of 500 messages while clients retry.
 * Twenty visitors each send 25 messages the way the widget does (one at a time, in order, retried
 * with the same `clientId` until acknowledged); after 200 acknowledgements the server process is
 * killed with SIGKILL and started again on the same port and data. Pass: every message stored
 * exactly once, every acknowledged one kept, `seq` 1, 2, 3 … with no gap in every conversation.
 */
import { EVENTS, type SendResult } from '@frontdesk/shared';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { type ServerProcess, serverProcess } from '../support/server-process.ts';
import { newVisitor } from '../support/visitor-client.ts';

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

describe('D2 kill -9 mid-burst', () => {
  it('D2 500 messages, server killed after 200 acks and restarted: nothing lost, nothing doubled, no gap', async () => {
    const visitors = await Promise.all(
      Array.from({ length: VISITORS }, () => newVisitor({ nodes: [server.url] })),
    );
    // Closed however the test ends: a visitor left connecting to a dead server would retry forever.
    onTestFinished(() => {
      for (const v of visitors) v.close();
    });
    const acked = new Map<string, number>();
    let killed: Promise<void> | null = null;

    const sendAll = async (v: (typeof visitors)[number], index: number) => {
      for (let i = 0; i < MESSAGES_EACH; i++) {
        const clientId = `d2-${index}-${i}-${Math.random().toString(36).slice(2, 10)}`;
        const sent = await v.request<SendResult>(EVENTS.messageSend, {
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
      const messages = await v.sync();
      expect(messages.map((m) => m.seq)).toEqual(messages.map((_, i) => i + 1));
      const mine = messages.filter((m) => m.author === 'visitor');
      expect(mine.map((m) => m.body)).toEqual(
        Array.from({ length: MESSAGES_EACH }, (_, i) => `burst ${index}/${i}`),
      );
      for (const m of mine) expect(acked.get(m.clientId ?? '')).toBe(m.seq);
      stored += mine.length;
    }
    expect(stored).toBe(VISITORS * MESSAGES_EACH);
    expect(acked.size).toBe(VISITORS * MESSAGES_EACH);
    // The work covers a cold start of the server process (tsx) in the middle: a hang guard that fits
    // it on a busy two-core machine, not the 60 s of a test that starts nothing.
  }, 180_000);
});
