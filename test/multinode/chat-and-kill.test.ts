/**
 * Issue 11 (faults): three Frontdesk processes (A, B, C; what `pnpm start` runs) on one fresh
 * PostgreSQL database and Redis. A visitor on A and an agent on B chat; the same `clientId` sent to
 * two nodes at once is stored once (D1 across nodes); `kill -9` of A in the middle of a burst while
 * its visitors go on with B or C, retrying with the same `clientId` and resyncing (D2): every
 * acknowledged message stored exactly once, `seq` 1..n with no gap, seen by the agent on B.
 * Skips with one line when PostgreSQL or Redis is unreachable (fails under `CI`).
 */

import { postgresForThisFile, redisForThisFile } from '@frontdesk/server/testing';
import { EVENTS, type Message, type SendResult } from '@frontdesk/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AgentClient, firstAdmin, newAgent } from '../support/agent-client.ts';
import { crashed, startNodes } from '../support/nodes.ts';
import type { ServerProcess } from '../support/server-process.ts';
import { newVisitor, type VisitorClient } from '../support/visitor-client.ts';

const database = await postgresForThisFile();
const redis = database ? await redisForThisFile() : null;

const VISITORS = 10;
const MESSAGES_EACH = 30;
const KILL_AFTER_ACKS = 100;

let a: ServerProcess;
let b: ServerProcess;
let c: ServerProcess;
let agent: AgentClient;
beforeAll(async () => {
  if (!database || !redis) return;
  // Many visitors from 127.0.0.1 sending as fast as acks come back: a delivery test, not a limits
  // test, so the budgets are scaled as in the socket harness.
  const env = { DATABASE_URL: database.url, ...redis.env, RATE_LIMIT_SCALE: '100' };
  [a, b, c] = (await startNodes(3, env)) as [ServerProcess, ServerProcess, ServerProcess];
  agent = await newAgent(b.url, firstAdmin(a.dataDir));
}, 120_000);
afterAll(async () => {
  agent?.close();
  await Promise.all([a, b, c].map((node) => node?.stop()));
});

let ids = 0;
const clientId = (tag: string) => `${tag}-${++ids}-${Math.random().toString(36).slice(2, 10)}`;

/** A visitor (on the first of `nodes`) handed to the agent on B (queued, taken, watched): the bot stays out. */
async function visitorWithAgent(nodes: readonly string[]): Promise<VisitorClient> {
  const visitor = await newVisitor({ nodes });
  await visitor.request(EVENTS.conversationHandoff, { conversationId: visitor.conversationId });
  await agent.watch(visitor.conversationId);
  await agent.take(visitor.conversationId);
  return visitor;
}

const seqs = (messages: readonly Message[]) => messages.map((m) => m.seq);
const gapless = (messages: readonly Message[]) => messages.map((_, i) => i + 1);

describe.skipIf(!database || !redis)('three nodes on PostgreSQL + Redis, real processes', () => {
  it('a visitor on node A and an agent on node B chat both ways: both see everything, in seq order', async () => {
    const visitor = await visitorWithAgent([a.url]);
    const cid = visitor.conversationId;
    const bodies: string[] = [];
    for (let i = 0; i < 5; i++) {
      for (const [who, send] of [
        ['agent', agent.request],
        ['visitor', visitor.request],
      ] as const) {
        const body = `${who} says ${i}`;
        bodies.push(body);
        await send<SendResult>(EVENTS.messageSend, { conversationId: cid, clientId: clientId('chat'), body });
      }
    }
    const ours = (list: readonly Message[]) =>
      list.filter((m) => m.conversationId === cid && bodies.includes(m.body));
    // Live: the agent's messages reach the visitor on A and the visitor's reach the agent on B
    // through Redis; each side sees every message of the other, in seq order.
    await expect.poll(() => ours(visitor.live).filter((m) => m.author === 'agent').length).toBe(5);
    await expect.poll(() => ours(agent.live).filter((m) => m.author === 'visitor').length).toBe(5);
    for (const list of [ours(visitor.live), ours(agent.live)]) {
      expect(seqs(list)).toEqual([...seqs(list)].sort((x, y) => x - y));
    }
    // Stored: both ends resync the same conversation, in the order it was written.
    const [seenByVisitor, seenByAgent] = [await visitor.sync(), await agent.sync(cid)];
    expect(seqs(seenByVisitor)).toEqual(gapless(seenByVisitor));
    expect(ours(seenByVisitor).map((m) => m.body)).toEqual(bodies);
    expect(seenByAgent.filter((m) => m.kind !== 'note').map((m) => m.id)).toEqual(
      seenByVisitor.map((m) => m.id),
    );
    visitor.close();
  });

  it('D1 the same clientId sent to node A and node C at once is stored once; other content under it is refused', async () => {
    const onA = await visitorWithAgent([a.url]);
    // The same visitor (token) on node C too: another tab of theirs, sent elsewhere by the balancer.
    const sameVisitorOnC = await newVisitor({ nodes: [c.url], token: onA.token });
    const cid = onA.conversationId;
    const id = clientId('d1');
    const payload = { conversationId: cid, clientId: id, body: 'sent twice, to two nodes' };
    const [first, second] = await Promise.all([
      onA.request<SendResult>(EVENTS.messageSend, payload),
      sameVisitorOnC.request<SendResult>(EVENTS.messageSend, payload),
    ]);
    expect(first.message.id).toBe(second.message.id);
    expect([first.duplicate, second.duplicate].sort()).toEqual([false, true]);
    await expect(
      sameVisitorOnC.request(EVENTS.messageSend, { ...payload, body: 'other content, same id' }),
    ).rejects.toThrow(/client_id_conflict/);
    const stored = (await agent.sync(cid)).filter((m) => m.clientId === id);
    expect(stored.map((m) => m.body)).toEqual(['sent twice, to two nodes']);
    onA.close();
    sameVisitorOnC.close();
  });

  it('D2 kill -9 of node A mid-burst: its visitors go on with B or C, every acked message stored once, no gap, seen by the agent on B', async () => {
    // Half of A's visitors fall over to B, half to C (the balancer's choice).
    const visitors = await Promise.all(
      Array.from({ length: VISITORS }, (_, i) =>
        visitorWithAgent(i % 2 === 0 ? [a.url, b.url, c.url] : [a.url, c.url, b.url]),
      ),
    );
    const acked = new Map<string, number>();
    let killed: Promise<void> | null = null;
    let ackedBeforeKill = 0;
    const sendAll = async (v: VisitorClient, index: number) => {
      for (let i = 0; i < MESSAGES_EACH; i++) {
        const id = clientId(`d2-${index}-${i}`);
        const sent = await v.request<SendResult>(EVENTS.messageSend, {
          conversationId: v.conversationId,
          clientId: id,
          body: `burst ${index}/${i}`,
        });
        acked.set(id, sent.message.seq);
        if (acked.size === KILL_AFTER_ACKS && !killed) {
          ackedBeforeKill = acked.size;
          killed = a.kill();
        }
      }
    };
    await Promise.all(visitors.map(sendAll));
    expect(killed, 'node A was killed mid-burst').not.toBeNull();
    await killed;
    expect(visitors.every((v) => v.moves > 0 && v.node !== a.url)).toBe(true);

    let stored = 0;
    let lost = 0;
    let seenLive = 0;
    let duplicated = 0;
    for (const [index, v] of visitors.entries()) {
      const messages = await v.sync();
      expect(seqs(messages)).toEqual(gapless(messages));
      const mine = messages.filter((m) => m.author === 'visitor');
      expect(mine.map((m) => m.body)).toEqual(
        Array.from({ length: MESSAGES_EACH }, (_, i) => `burst ${index}/${i}`),
      );
      for (const m of mine) expect(acked.get(m.clientId ?? '')).toBe(m.seq);
      stored += mine.length;
      duplicated += mine.length - new Set(mine.map((m) => m.clientId)).size;
      const storedIds = new Set(mine.map((m) => m.clientId));
      lost += [...acked.keys()].filter((id) => id.startsWith(`d2-${index}-`) && !storedIds.has(id)).length;
      // The agent on B: everything by resync; live, whatever was broadcast before A died.
      const seenByAgent = await agent.sync(v.conversationId);
      expect(seenByAgent.map((m) => m.id)).toEqual(messages.map((m) => m.id));
      const liveIds = new Set(agent.live.map((m) => m.id));
      seenLive += mine.filter((m) => liveIds.has(m.id)).length;
      v.close();
    }
    console.log(
      `multinode D2: ${VISITORS} visitors × ${MESSAGES_EACH}, node A killed after ${ackedBeforeKill} acks; ` +
        `acked ${acked.size}, stored ${stored}, lost ${lost}, duplicated ${duplicated}; ` +
        `agent on B saw ${seenLive} live, ${stored} after resync`,
    );
    expect(lost).toBe(0);
    expect(duplicated).toBe(0);
    expect(stored).toBe(VISITORS * MESSAGES_EACH);
    expect(acked.size).toBe(VISITORS * MESSAGES_EACH);
    expect(crashed([a, b, c])).toEqual([]);
  }, 180_000);
});
