/**
 * Issue 11 (redis): two nodes (two servers in this process) on one PostgreSQL database and one Redis.
 * A visitor on node A and an agent on node B chat; presence, session revocation, FAQ edits and login
 * lockouts hold across the nodes. Skips with one line when PostgreSQL or Redis is unreachable.
 */

import { spawn } from 'node:child_process';
import {
  type AgentConversation,
  API,
  EVENTS,
  LIMITS,
  type Message,
  type OpenResult,
  type ReadPosition,
  ROUTES,
  type SendResult,
  type SessionInitResult,
  type TypingNotice,
  type VisitorConversation,
} from '@frontdesk/shared';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  call,
  clientId,
  connected,
  type Harness,
  startHarness,
  type VisitorSocket,
  waitFor,
} from '../testing/harness.ts';
import { postgresForThisFile } from '../testing/postgres.ts';
import { redisForThisFile } from '../testing/redis.ts';

const database = await postgresForThisFile();
const redis = database ? await redisForThisFile() : null;
const ready = database !== null && redis !== null;

let a: Harness;
let b: Harness;
beforeAll(async () => {
  if (!database || !redis) return;
  // One after the other: the second node finds the schema and the demo site in place.
  a = await startHarness({ databaseUrl: database.url, env: redis.env, sessionRecheckMs: 60_000 });
  b = await startHarness({ databaseUrl: database.url, env: redis.env, sessionRecheckMs: 60_000 });
});
afterAll(async () => {
  await a?.close();
  await b?.close();
});

async function openConversation(h: Harness, socket: VisitorSocket) {
  await connected(socket);
  await call<SessionInitResult>(socket, EVENTS.sessionInit, { locale: 'en' });
  return call<OpenResult>(socket, EVENTS.conversationOpen, {
    locale: 'en',
    page: { url: `${h.origin}/demo/`, title: 'Nordic Nest' },
  });
}

/** Whether a key exists on the test Redis (read from a connection of the test's own). */
async function redisKeyExists(key: string): Promise<boolean> {
  const client = new Redis(redis?.url ?? '', { lazyConnect: true });
  try {
    await client.connect();
    return (await client.exists(key)) === 1;
  } finally {
    client.disconnect();
  }
}

const send = (socket: Parameters<typeof call>[0], conversationId: string, body: string) =>
  call<SendResult>(socket, EVENTS.messageSend, { conversationId, clientId: clientId(), body });

describe.skipIf(!ready)('two nodes on PostgreSQL + Redis', () => {
  it("an agent on node B counts as online on node A, and A's visitors hear of it", async () => {
    const visitor = await a.newVisitor();
    await openConversation(a, visitor.socket);
    expect(await a.presence.agentsOnline(a.site.id)).toBe(0);
    const available = waitFor<{ agentsOnline: number }>(
      visitor.socket,
      EVENTS.siteAvailability,
      (p) => p.agentsOnline === 1,
    );
    const agent = await b.newAgent('Bea');
    await connected(agent.socket);
    expect((await available).agentsOnline).toBe(1);
    expect(await a.presence.agentsOnline(a.site.id)).toBe(1);
    agent.socket.disconnect();
    visitor.socket.disconnect();
  });

  it('a visitor on node A and an agent on node B chat both ways, in seq order', async () => {
    const agent = await b.newAgent('Bruno');
    await connected(agent.socket);
    const visitor = await a.newVisitor();
    const { conversation } = await openConversation(a, visitor.socket);
    const cid = conversation.id;

    const queued = waitFor<AgentConversation>(
      agent.socket,
      EVENTS.conversationUpdated,
      (c) => c.id === cid && c.state === 'queued',
    );
    await send(visitor.socket, cid, 'I want to talk to a person');
    await queued;
    const joined = waitFor<Message>(
      visitor.socket,
      EVENTS.messageNew,
      (m) => m.meta?.event?.name === 'assigned',
    );
    await call(agent.socket, EVENTS.conversationWatch, { conversationId: cid });
    const taken = await call<AgentConversation>(agent.socket, EVENTS.conversationTake, {
      conversationId: cid,
    });
    expect(taken.state).toBe('assigned');
    await joined;

    const seen: Message[] = [];
    visitor.socket.on(EVENTS.messageNew, (m: Message) => seen.push(m));
    const agentSeen: Message[] = [];
    agent.socket.on(EVENTS.messageNew, (m: Message) => {
      if (m.conversationId === cid) agentSeen.push(m);
    });
    const toVisitor = waitFor<Message>(visitor.socket, EVENTS.messageNew, (m) => m.body === 'third from B');
    const toAgent = waitFor<Message>(agent.socket, EVENTS.messageNew, (m) => m.body === 'fourth from A');
    await send(agent.socket, cid, 'first from B');
    await send(visitor.socket, cid, 'second from A');
    await send(agent.socket, cid, 'third from B');
    await send(visitor.socket, cid, 'fourth from A');
    await Promise.all([toVisitor, toAgent]);
    const bodies = ['first from B', 'second from A', 'third from B', 'fourth from A'];
    for (const list of [seen, agentSeen]) {
      const ours = list.filter((m) => bodies.includes(m.body));
      expect(ours.map((m) => m.body)).toEqual(bodies);
      const seqs = ours.map((m) => m.seq);
      expect(seqs).toEqual([...seqs].sort((x, y) => x - y));
    }
    agent.socket.disconnect();
    visitor.socket.disconnect();
  });

  it('issue 17: list previews cross nodes to a console showing the list on B, and stop when it leaves', async () => {
    const agent = await b.newAgent('Lena');
    const witness = await b.newAgent('Witness');
    const seen = { agent: [] as number[], witness: [] as number[] };
    for (const s of [agent.socket, witness.socket]) {
      await connected(s);
      await call(s, EVENTS.listsShow, { showing: true });
    }
    const visitor = await a.newVisitor();
    const { conversation } = await openConversation(a, visitor.socket);
    // The witness takes it: the bot stays out (no hand-over, which is a change every agent hears of),
    // and the witness, as the assignee, keeps getting its previews whatever the list does.
    await call(visitor.socket, EVENTS.conversationHandoff, { conversationId: conversation.id });
    await call(witness.socket, EVENTS.conversationTake, { conversationId: conversation.id });
    agent.socket.on(EVENTS.conversationUpdated, (c) => {
      if (c.id === conversation.id) seen.agent.push(c.lastSeq);
    });
    witness.socket.on(EVENTS.conversationUpdated, (c) => {
      if (c.id === conversation.id) seen.witness.push(c.lastSeq);
    });
    const first = await call<SendResult>(visitor.socket, EVENTS.messageSend, {
      conversationId: conversation.id,
      clientId: clientId(),
      body: 'first',
    });
    await vi.waitFor(() => expect(Math.max(0, ...seen.agent)).toBeGreaterThanOrEqual(first.message.seq), {
      timeout: 10_000,
    });
    await call(agent.socket, EVENTS.listsShow, { showing: false });
    const before = Math.max(...seen.agent);
    const second = await call<SendResult>(visitor.socket, EVENTS.messageSend, {
      conversationId: conversation.id,
      clientId: clientId(),
      body: 'second',
    });
    // The witness, still showing the list, proves the preview went out; then everything earlier has reached B's agent.
    await vi.waitFor(() => expect(Math.max(0, ...seen.witness)).toBeGreaterThanOrEqual(second.message.seq), {
      timeout: 10_000,
    });
    await call(agent.socket, EVENTS.listsShow, { showing: false });
    expect(Math.max(...seen.agent)).toBe(before);
    // Resolved, so it is in nobody's queue in the tests after this one.
    await call(witness.socket, EVENTS.conversationResolve, { conversationId: conversation.id });
    for (const s of [agent.socket, witness.socket, visitor.socket]) s.disconnect();
  });

  it('issue 13: typing and read receipts cross nodes (visitor on A, agent on B)', async () => {
    const agent = await b.newAgent('Bianca');
    await connected(agent.socket);
    const visitor = await a.newVisitor();
    const { conversation } = await openConversation(a, visitor.socket);
    const cid = conversation.id;
    await call(visitor.socket, EVENTS.conversationHandoff, { conversationId: cid });
    await call(agent.socket, EVENTS.conversationWatch, { conversationId: cid });
    await call(agent.socket, EVENTS.conversationTake, { conversationId: cid });

    const toAgent = waitFor<TypingNotice>(agent.socket, EVENTS.typingChanged);
    await call(visitor.socket, EVENTS.typingSet, { conversationId: cid, typing: true });
    expect(await toAgent).toMatchObject({ author: 'visitor', typing: true });
    const toVisitor = waitFor<TypingNotice>(visitor.socket, EVENTS.typingChanged);
    await call(agent.socket, EVENTS.typingSet, { conversationId: cid, typing: true });
    expect(await toVisitor).toMatchObject({ author: 'agent', name: 'Bianca', typing: true });

    const mine = await send(visitor.socket, cid, 'hello from A');
    const seen = waitFor<ReadPosition>(visitor.socket, EVENTS.readChanged, (p) => p.reader === 'agent');
    await call(agent.socket, EVENTS.readMark, { conversationId: cid, seq: mine.message.seq });
    expect((await seen).seq).toBe(mine.message.seq);
    agent.socket.disconnect();
    visitor.socket.disconnect();
  });

  it('queue positions are right across nodes: a take on node B moves up the visitor waiting on node A', async () => {
    const agent = await b.newAgent('Queue');
    await connected(agent.socket);
    const first = await b.newVisitor();
    const second = await a.newVisitor();
    const c1 = (await openConversation(b, first.socket)).conversation.id;
    const c2 = (await openConversation(a, second.socket)).conversation.id;
    const queuedFirst = waitFor<VisitorConversation>(
      first.socket,
      EVENTS.conversationState,
      (c) => c.state === 'queued',
    );
    await send(first.socket, c1, 'I want to talk to a person');
    expect((await queuedFirst).queue?.position).toBe(1);
    const queuedSecond = waitFor<VisitorConversation>(
      second.socket,
      EVENTS.conversationState,
      (c) => c.state === 'queued',
    );
    await send(second.socket, c2, 'I want to talk to a person');
    expect((await queuedSecond).queue?.position).toBe(2);
    const movedUp = waitFor<VisitorConversation>(
      second.socket,
      EVENTS.conversationState,
      (c) => c.id === c2 && c.queue?.position === 1,
    );
    await call(agent.socket, EVENTS.conversationTake, { conversationId: c1 });
    expect((await movedUp).queue?.position).toBe(1);
    for (const s of [agent.socket, first.socket, second.socket]) s.disconnect();
  });

  it('A8 logging the agent out on node A ends their socket on node B', async () => {
    const agent = await b.newAgent('Leaving');
    await connected(agent.socket);
    const ended = Promise.all([
      waitFor<{ code: string }>(agent.socket, EVENTS.sessionEnded),
      new Promise<string>((resolve) => agent.socket.once('disconnect', resolve)),
    ]);
    const res = await fetch(a.url + API.logout, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: a.origin, cookie: agent.cookie },
      body: '{}',
    });
    expect(res.status).toBe(200);
    // The re-check interval is a minute: only the adapter can end it this soon.
    expect(await ended).toEqual([{ code: 'unauthorized' }, 'io server disconnect']);
  });

  it("an FAQ edit on node A changes the bot's answer on node B", async () => {
    const ask = async () => {
      const visitor = await b.newVisitor();
      const { conversation } = await openConversation(b, visitor.socket);
      const answer = waitFor<Message>(visitor.socket, EVENTS.messageNew, (m) => m.author === 'bot');
      await send(visitor.socket, conversation.id, 'How much does delivery cost?');
      const body = (await answer).body;
      visitor.socket.disconnect();
      return body;
    };
    expect(await ask()).toContain('12.99'); // node B has built its engine
    const entry = (await a.bot.faqs(a.site.id)).get('delivery_cost_en');
    if (!entry) throw new Error('the demo site has no delivery_cost_en');
    await a.bot.upsert(a.site.id, { ...entry, answer: 'Delivery costs 7.49 from today.' });
    await expect.poll(ask, { timeout: 20_000, interval: 100 }).toContain('7.49');
  });

  it('a settings edit on node A (the engine dropped there) makes node B rebuild its engine', async () => {
    const before = await b.bot.load(b.site.id);
    expect(await b.bot.load(b.site.id)).toBe(before); // cached on B
    a.bot.invalidate(a.site.id); // what a bot or site settings save does on node A
    await expect.poll(async () => (await b.bot.load(b.site.id)) !== before).toBe(true);
  });

  it('/readyz asks Redis too: both nodes are ready, and a node whose Redis is gone says why', async () => {
    for (const h of [a, b]) expect((await fetch(h.url + ROUTES.ready)).status).toBe(200);
    // A node on a private Redis that then stops (the shared one keeps serving the other tests).
    const port = 20_000 + Math.floor(Math.random() * 20_000);
    const server = spawn('redis-server', ['--port', String(port), '--save', '', '--appendonly', 'no'], {
      stdio: 'ignore',
    });
    try {
      await expect
        .poll(() =>
          fetch(`http://127.0.0.1:${port}`).then(
            () => true,
            (e: Error) => !/ECONNREFUSED/.test(String(e.cause)),
          ),
        )
        .toBe(true);
      const c = await startHarness({
        databaseUrl: database?.url,
        env: { REDIS_URL: `redis://127.0.0.1:${port}`, REDIS_PREFIX: 'alone' },
      });
      try {
        expect((await fetch(c.url + ROUTES.ready)).status).toBe(200);
        server.kill('SIGKILL');
        await expect
          .poll(
            async () => {
              const res = await fetch(c.url + ROUTES.ready);
              return { status: res.status, body: await res.json() };
            },
            { timeout: 10_000, interval: 200 },
          )
          .toMatchObject({
            status: 503,
            body: { status: 'degraded', reasons: [expect.stringMatching(/^redis: /)] },
          });
      } finally {
        await c.close();
      }
    } finally {
      server.kill('SIGKILL');
    }
  }, 30_000);

  it('one abandon sweep across the nodes: the lease holder sweeps, the other skips its passes', async () => {
    const [onA, onB] = await Promise.all([a.sweepTurn(), b.sweepTurn()]);
    expect([onA.swept, onB.swept].filter(Boolean)).toHaveLength(1);
    const [holder, other] = onA.swept ? [a, b] : [b, a];
    expect((await other.sweepTurn()).swept).toBe(false);
    expect((await holder.sweepTurn()).swept).toBe(true);
    if (!redis) throw new Error('no redis');
    // The lease is the Redis key of this install's prefix (not a lock of the shared database).
    expect(await redisKeyExists(`${redis.prefix}:lease:abandon-sweep`)).toBe(true);
  });

  it('A9 a login lockout reached through node A holds on node B', async () => {
    const { email, password } = await a.createAgent('Locked');
    const login = (h: Harness, pw: string) =>
      fetch(h.url + API.login, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: h.origin },
        body: JSON.stringify({ email, password: pw }),
      }).then((r) => r.status);
    for (let i = 0; i < LIMITS.login.freeFailures; i++) expect(await login(a, 'wrong password!!')).toBe(401);
    // Node B never saw a failure: only the shared counters refuse the right password there.
    expect(await login(b, password)).toBe(429);
  });
});
