/**
 * Issue 10 on a real server: presence (online / away / offline after the grace), abandonment with a
 * fake clock (two visitors queued, the first one leaves → the second becomes number 1; the first one
 * comes back → requeued), and the honest estimate (learned from take-overs, gone when nobody is online).
 */
import {
  type AgentPresence,
  EVENTS,
  type SessionInitResult,
  type SiteAvailability,
  type VisitorConversation,
} from '@frontdesk/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PresenceBook } from '../identity/presence.ts';
import {
  call,
  callRaw,
  connected,
  type Harness,
  openConversation,
  startHarness,
  waitFor,
} from '../testing/harness.ts';

let h: Harness;
let now = Date.parse('2026-03-02T09:00:00.000Z');
const clock = () => new Date(now);
const minutes = (n: number) => {
  now += n * 60_000;
};

beforeAll(async () => {
  // The sweep timer is effectively off: the tests sweep by hand after moving the clock.
  h = await startHarness({ presence: { clock, graceMs: 50, sweepMs: 3_600_000 } });
});
afterAll(async () => {
  await h.close();
});

/**
 * Disconnects a visitor and waits until the server has seen it (its departure is recorded at the
 * current fake time, one millisecond after anything before): no sleeping, no reliance on speed.
 */
async function leave(socket: { disconnect(): unknown }, conversationId: string) {
  now += 1;
  const at = new Date(now).toISOString();
  socket.disconnect();
  for (;;) {
    if ((await h.storage.getConversation(conversationId))?.visitorLastActiveAt === at) return;
    await new Promise((resolve) => setImmediate(resolve));
  }
}

async function queuedVisitor() {
  const visitor = await h.newVisitor();
  const { conversation } = await openConversation(h, visitor.socket);
  const queued = await call<VisitorConversation>(visitor.socket, EVENTS.conversationHandoff, {
    conversationId: conversation.id,
  });
  expect(queued.state).toBe('queued');
  return { ...visitor, conversation: queued };
}

describe('presence', () => {
  it('online, away and offline after the grace: only online agents count, visitors and agents are told', async () => {
    const watcher = await h.newVisitor();
    await connected(watcher.socket);
    const before = await call<SessionInitResult>(watcher.socket, EVENTS.sessionInit, { locale: 'en' });
    expect(before.site.agentsOnline).toBe(0);

    const anna = await h.newAgent('Anna');
    const annaOnline = waitFor<SiteAvailability>(
      watcher.socket,
      EVENTS.siteAvailability,
      (a) => a.agentsOnline === 1,
    );
    await connected(anna.socket);
    await annaOnline;

    const ben = await h.newAgent('Ben');
    const seen = waitFor<AgentPresence>(ben.socket, EVENTS.presenceChanged, (p) => p.status === 'online');
    await connected(ben.socket);
    await seen; // Ben learns about Anna (and himself) on connect

    const annaAway = waitFor<AgentPresence>(ben.socket, EVENTS.presenceChanged, (p) => p.status === 'away');
    const oneLeft = waitFor<SiteAvailability>(
      watcher.socket,
      EVENTS.siteAvailability,
      (a) => a.agentsOnline === 1,
    );
    const ack = await call<AgentPresence>(anna.socket, EVENTS.presenceSet, { status: 'away', auto: true });
    expect(ack.status).toBe('away');
    expect((await annaAway).agentId).toBe(ack.agentId);
    await oneLeft;
    const during = await call<SessionInitResult>(watcher.socket, EVENTS.sessionInit, { locale: 'en' });
    expect(during.site.agentsOnline).toBe(1);

    const benGone = waitFor<AgentPresence>(
      anna.socket,
      EVENTS.presenceChanged,
      (p) => p.status === 'offline',
    );
    const noneLeft = waitFor<SiteAvailability>(
      watcher.socket,
      EVENTS.siteAvailability,
      (a) => a.agentsOnline === 0,
    );
    ben.socket.disconnect();
    await benGone;
    await noneLeft;

    // Offline is never chosen: it follows the sockets.
    const refused = await callRaw(anna.socket, EVENTS.presenceSet, { status: 'offline' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    anna.socket.disconnect();
    watcher.socket.disconnect();
  });

  /** Polls a state (no sleeping on speed); fails with what it last saw after a hang guard. */
  async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean, what: string): Promise<T> {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const value = await read();
      if (ok(value)) return value;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value)}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }
  const statusOf = async (agentId: string) =>
    (await (h.presence as PresenceBook).ofSite(h.site.id)).find((p) => p.agentId === agentId)?.status ??
    'offline';

  it('issue 14: an Away chosen the moment the socket connects (while it joins with the stored status) is kept, live and stored', async () => {
    const cara = await h.newAgent('Cara');
    const account = await h.storage.getAgentByEmail(cara.email);
    if (!account) throw new Error('no agent');
    // Emitted before the socket is connected: socket.io sends it right after the handshake, while
    // the server still reads the stored status (what a console that was Away does on reconnect).
    const ack = await call<AgentPresence>(cara.socket, EVENTS.presenceSet, { status: 'away' });
    expect(ack).toEqual({ agentId: account.id, status: 'away' });
    expect(await statusOf(account.id)).toBe('away');
    expect(await h.storage.agentAway(account.id)).toBe(true);
    cara.socket.disconnect();
    await until(
      () => statusOf(account.id),
      (s) => s === 'offline',
      'Cara offline',
    );
  });

  it('issue 14: a socket that closes while it is still joining leaves no agent online behind', async () => {
    const dan = await h.newAgent('Dan');
    const account = await h.storage.getAgentByEmail(dan.email);
    if (!account) throw new Error('no agent');
    // Gone as soon as it is connected: the server may still be reading the stored status.
    dan.socket.on('connect', () => dan.socket.disconnect());
    // The book saw the socket and then its end: Dan went offline (the stored moment says so) and
    // nobody keeps him online.
    await until(
      () => h.storage.agentOfflineSince(account.id),
      (at) => at !== null,
      'Dan offline',
    );
    expect(await statusOf(account.id)).toBe('offline');
  });
});

describe('queue position and abandonment', () => {
  it('two visitors queued, the first one leaves: abandoned after the site setting, the second becomes number 1', async () => {
    const first = await queuedVisitor();
    minutes(1);
    const second = await queuedVisitor();
    expect(first.conversation.queue?.position).toBeLessThan(second.conversation.queue?.position ?? 0);
    const ahead = (second.conversation.queue?.position ?? 0) - 1;

    await leave(first.socket, first.conversation.id);
    // Not yet: 9 minutes away is below the default 10.
    minutes(9);
    expect(await h.sweepAbandoned()).toBe(0);
    // The second visitor is still connected however long they wait quietly.
    minutes(2);
    const movedUp = waitFor<VisitorConversation>(
      second.socket,
      EVENTS.conversationState,
      (c) => c.queue?.position === ahead,
    );
    expect(await h.sweepAbandoned()).toBe(1);
    expect((await movedUp).state).toBe('queued');
    expect((await h.storage.getConversation(first.conversation.id))?.state).toBe('abandoned');
    expect((await h.storage.getConversation(second.conversation.id))?.state).toBe('queued');

    // The first visitor comes back: requeued, with the time they had waited while there (1 minute
    // ahead of the second visitor, so back in front of them).
    const back = waitFor<VisitorConversation>(
      second.socket,
      EVENTS.conversationState,
      (c) => c.queue?.position === ahead + 1,
    );
    first.socket.connect();
    await connected(first.socket);
    const init = await call<SessionInitResult>(first.socket, EVENTS.sessionInit, { locale: 'en' });
    expect(init.conversation).toMatchObject({ id: first.conversation.id, state: 'queued' });
    expect(init.conversation?.queue?.position).toBe(ahead);
    await back;
    const stored = await h.storage.getConversation(first.conversation.id);
    expect(stored?.abandonedAt).toBeNull();
    first.socket.disconnect();
    second.socket.disconnect();
  });

  it('a message from a visitor whose conversation was abandoned requeues it', async () => {
    const visitor = await queuedVisitor();
    await leave(visitor.socket, visitor.conversation.id);
    minutes(11);
    await h.sweepAbandoned();
    expect((await h.storage.getConversation(visitor.conversation.id))?.state).toBe('abandoned');
    visitor.socket.connect();
    await connected(visitor.socket);
    const requeued = waitFor<VisitorConversation>(
      visitor.socket,
      EVENTS.conversationState,
      (c) => c.state === 'queued',
    );
    await call(visitor.socket, EVENTS.messageSend, {
      conversationId: visitor.conversation.id,
      clientId: `back-${Date.now()}`,
      body: 'I am back',
    });
    expect((await requeued).queue?.position).toBeGreaterThan(0);
    visitor.socket.disconnect();
  });
});

describe('honest estimate', () => {
  it('learned from recent take-overs while an agent is online; null when the agent goes away', async () => {
    // Five recorded take-overs of the site in the last hour: 1–2 minutes each.
    for (const waitS of [60, 75, 90, 100, 120]) {
      const v = await h.storage.createVisitor({ siteId: h.site.id, tokenHash: `est-${Math.random()}` });
      const c = await h.storage.createConversation({ siteId: h.site.id, visitorId: v.id, locale: 'en' });
      const queuedAt = new Date(now - 3_600_000).toISOString();
      await h.storage.updateConversation(
        c.id,
        c.version,
        {
          state: 'resolved',
          queuedAt,
          assignedAt: new Date(Date.parse(queuedAt) + waitS * 1000).toISOString(),
        },
        null,
      );
    }
    const anna = await h.newAgent('Estimator');
    await connected(anna.socket);
    const visitor = await queuedVisitor();
    expect(visitor.conversation.queue?.estimate).not.toBeNull();
    expect(visitor.conversation.queue?.estimate?.minMinutes).toBeGreaterThanOrEqual(1);

    const noEstimate = waitFor<VisitorConversation>(
      visitor.socket,
      EVENTS.conversationState,
      (c) => c.state === 'queued' && c.queue?.estimate === null,
    );
    await call(anna.socket, EVENTS.presenceSet, { status: 'away' });
    expect((await noEstimate).queue?.position).toBe(visitor.conversation.queue?.position);
    anna.socket.disconnect();
    visitor.socket.disconnect();
  });
});
