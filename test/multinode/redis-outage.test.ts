/**
 * Issue 11 (faults), TESTPLAN D5: two Frontdesk processes (D, E) on one fresh PostgreSQL database
 * and a private `redis-server` (the machine's shared Redis is never stopped). A visitor on D chats
 * with the agent on E; Redis is killed (`kill -9`) for 60 s and started again on the same port.
 * Pass: no node crashes; messages are stored and acknowledged during the outage and reach the
 * clients on the same node live; `/readyz` says 503 `redis: …` meanwhile and 200 after; the clients
 * on the two nodes converge by resync, and live delivery across nodes comes back.
 * Skips with one line when PostgreSQL or `redis-server` is missing (fails under `CI`).
 */

import { postgresForThisFile } from '@frontdesk/server/testing';
import { EVENTS, type Message, type SendResult, type SessionInitResult } from '@frontdesk/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AgentClient, firstAdmin, newAgent } from '../support/agent-client.ts';
import { crashed, readiness, startNodes } from '../support/nodes.ts';
import { type RedisServer, redisServer, redisServerInstalled } from '../support/redis-server.ts';
import type { ServerProcess } from '../support/server-process.ts';
import { newVisitor, sleep, type VisitorClient } from '../support/visitor-client.ts';

/** The outage the issue asks for: real time, not a speed. */
const OUTAGE_MS = 60_000;
/** A frozen Redis (SIGSTOP): shorter, the suite is bounded. */
const FROZEN_MS = 20_000;
/** One message each way this often while Redis is down. */
const SEND_EVERY_MS = 5_000;

function redisBinary(): boolean {
  if (redisServerInstalled()) return true;
  const reason = 'redis-server is not installed';
  if (process.env.CI) throw new Error(`${reason}: the D5 suite needs it under CI`);
  console.warn(`${reason}: the D5 Redis outage suite is skipped`);
  return false;
}

const database = redisBinary() ? await postgresForThisFile() : null;

let redis: RedisServer;
let d: ServerProcess;
let e: ServerProcess;
let agentOnE: AgentClient;
/** The same agent in a second tab, on node D (where the visitor is). */
let agentOnD: AgentClient;
let visitor: VisitorClient;
beforeAll(async () => {
  if (!database) return;
  redis = await redisServer();
  await redis.start();
  const env = {
    DATABASE_URL: database.url,
    REDIS_URL: redis.url,
    REDIS_PREFIX: `frontdesk-d5-${redis.port}`,
    RATE_LIMIT_SCALE: '100',
  };
  [d, e] = (await startNodes(2, env)) as [ServerProcess, ServerProcess];
  const admin = firstAdmin(d.dataDir);
  agentOnE = await newAgent(e.url, admin);
  agentOnD = await newAgent(d.url, admin);
  visitor = await newVisitor({ nodes: [d.url] });
  await visitor.request(EVENTS.conversationHandoff, { conversationId: visitor.conversationId });
  for (const agent of [agentOnE, agentOnD]) await agent.watch(visitor.conversationId);
  await agentOnE.take(visitor.conversationId);
}, 120_000);
afterAll(async () => {
  for (const client of [visitor, agentOnD, agentOnE]) client?.close();
  await Promise.all([d, e].map((node) => node?.stop()));
  await redis?.kill();
});

let ids = 0;
const send = (client: Pick<VisitorClient, 'request'>, cid: string, body: string) =>
  client.request<SendResult>(EVENTS.messageSend, {
    conversationId: cid,
    clientId: `d5-message-${++ids}`,
    body,
  });
const bodiesOf = (list: readonly Message[]) => list.map((m) => m.body);
/** How many agents a visitor is told are online (what picks "talk to a person" or the offline form). */
const agentsOnline = async (client: Pick<VisitorClient, 'request'>) =>
  (await client.request<SessionInitResult>(EVENTS.sessionInit, { locale: 'en' })).site.agentsOnline;

describe.skipIf(!database)('D5 Redis stopped for 60 s under two nodes', () => {
  it('D5 no crash, messages stored and acked meanwhile, /readyz degraded then ready, clients converge', async () => {
    const cid = visitor.conversationId;
    expect(await agentsOnline(visitor)).toBe(1);
    await send(visitor, cid, 'before the outage');
    await expect.poll(() => bodiesOf(agentOnE.live)).toContain('before the outage');

    const logBefore = [d.output.length, e.output.length];
    await redis.kill();
    const downAt = Date.now();
    for (const node of [d, e]) {
      await expect
        .poll(() => readiness(node))
        .toMatchObject({
          status: 503,
          body: { status: 'degraded', reasons: [expect.stringMatching(/^redis: /)] },
        });
    }

    // Both ways while Redis is down: each send acked (stored), on the sender's own node.
    const duringOutage: string[] = [];
    const acked: SendResult[] = [];
    for (let i = 0; Date.now() - downAt < OUTAGE_MS; i++) {
      const fromVisitor = `visitor during the outage ${i}`;
      const fromAgent = `agent during the outage ${i}`;
      acked.push(await send(visitor, cid, fromVisitor), await send(agentOnE, cid, fromAgent));
      duringOutage.push(fromVisitor, fromAgent);
      // Same-node delivery goes on: the agent's tab on node D sees the visitor's message live.
      await expect.poll(() => bodiesOf(agentOnD.live)).toContain(fromVisitor);
      expect((await readiness(d)).status).toBe(503);
      expect(crashed([d, e])).toEqual([]);
      await sleep(Math.min(SEND_EVERY_MS, Math.max(0, OUTAGE_MS - (Date.now() - downAt))));
    }
    const outageMs = Date.now() - downAt;
    // One warning per part per outage (each connection, publish, heartbeat, readiness), not one per
    // failed attempt (about 180 in this minute before).
    const warnings = [d, e].map((node, i) =>
      node.output
        .slice(logBefore[i])
        .split('\n')
        .filter((line) => /"level":(40|50|60)/.test(line))
        .map((line) => (JSON.parse(line) as { msg: string }).msg),
    );
    for (const messages of warnings) expect(messages).toEqual([...new Set(messages)]);

    await redis.start();
    for (const node of [d, e]) {
      await expect.poll(() => readiness(node)).toMatchObject({ status: 200, body: { status: 'ready' } });
    }

    // Converge by resync: both ends have every message, once, in one seq order with no gap.
    const seenByVisitor = await visitor.sync();
    const seenByAgent = await agentOnE.sync(cid);
    expect(seenByVisitor.map((m) => m.seq)).toEqual(seenByVisitor.map((_, i) => i + 1));
    expect(seenByAgent.map((m) => m.id)).toEqual(seenByVisitor.map((m) => m.id));
    for (const body of duringOutage)
      expect(bodiesOf(seenByVisitor).filter((b) => b === body)).toHaveLength(1);
    for (const sent of acked)
      expect(seenByVisitor.find((m) => m.id === sent.message.id)?.seq).toBe(sent.message.seq);
    const stored = acked.filter((s) => seenByVisitor.some((m) => m.id === s.message.id)).length;
    const missedLive = duringOutage.filter(
      (b) => b.startsWith('visitor') && !bodiesOf(agentOnE.live).includes(b),
    );

    // Presence comes back without anyone reconnecting: the restarted Redis holds nothing, and each
    // node's heartbeat writes its agents again (before the fix the agent stayed offline for everyone
    // until their next change, and visitors got the offline form).
    const visitorOnE = await newVisitor({ nodes: [e.url] });
    for (const client of [visitor, visitorOnE]) await expect.poll(() => agentsOnline(client)).toBe(1);
    visitorOnE.close();

    // Live across nodes again once Redis is back (the adapter subscribed anew).
    await expect
      .poll(async () => {
        const body = `agent after the outage ${ids}`;
        await send(agentOnE, cid, body);
        await sleep(200);
        return bodiesOf(visitor.live).includes(body);
      })
      .toBe(true);
    expect(crashed([d, e])).toEqual([]);
    console.log(
      `multinode D5: Redis down ${(outageMs / 1000).toFixed(1)} s; acked during the outage ${acked.length}, ` +
        `stored ${stored}, lost ${acked.length - stored}; ` +
        `agent on E missed ${missedLive.length} of ${duringOutage.length / 2} live (had them by resync); nodes crashed ${crashed([d, e]).length}; warnings logged per node ${warnings.map((w) => w.length).join(' and ')}`,
    );
  }, 240_000);
  it('D5 Redis frozen (kill -STOP: connections open, no answer) for 20 s: sends acked meanwhile, /readyz degraded, converge after', async () => {
    const cid = visitor.conversationId;
    redis.freeze();
    const frozenAt = Date.now();
    try {
      for (const node of [d, e]) {
        await expect
          .poll(() => readiness(node))
          .toMatchObject({
            status: 503,
            body: { status: 'degraded', reasons: [expect.stringMatching(/^redis: /)] },
          });
      }
      const acked: SendResult[] = [];
      for (let i = 0; Date.now() - frozenAt < FROZEN_MS; i++) {
        acked.push(
          await send(visitor, cid, `visitor while frozen ${i}`),
          await send(agentOnE, cid, `agent while frozen ${i}`),
        );
        await expect.poll(() => bodiesOf(agentOnD.live)).toContain(`visitor while frozen ${i}`);
        await sleep(Math.min(SEND_EVERY_MS, Math.max(0, FROZEN_MS - (Date.now() - frozenAt))));
      }
      redis.thaw();
      for (const node of [d, e]) {
        await expect.poll(() => readiness(node)).toMatchObject({ status: 200, body: { status: 'ready' } });
      }
      const seenByVisitor = await visitor.sync();
      expect((await agentOnE.sync(cid)).map((m) => m.id)).toEqual(seenByVisitor.map((m) => m.id));
      expect(seenByVisitor.map((m) => m.seq)).toEqual(seenByVisitor.map((_, i) => i + 1));
      const stored = acked.filter((a) => seenByVisitor.some((m) => m.id === a.message.id)).length;
      expect(stored).toBe(acked.length);
      expect(await agentsOnline(visitor)).toBe(1);
      expect(crashed([d, e])).toEqual([]);
      console.log(
        `multinode D5 frozen: Redis stopped (SIGSTOP) ${((Date.now() - frozenAt) / 1000).toFixed(1)} s; ` +
          `acked meanwhile ${acked.length}, stored ${stored}, lost ${acked.length - stored}; nodes crashed ${crashed([d, e]).length}`,
      );
    } finally {
      redis.thaw();
    }
  }, 180_000);
});
