/**
 * Issue 14 on a real server (SQLite): automatic assignment (round-robin, capacity, away agents, freed
 * capacity), races (two agents take one conversation, concurrent arrivals, transfer against take and
 * against another transfer), transfer with a note, refusals with their codes, an offline agent's
 * conversations returned to the queue, and teams as targets. Every wait polls a state; no sleeps.
 */
import {
  type AgentConversation,
  type AgentPresence,
  API,
  EVENTS,
  type Message,
  type RoutingSettings,
  type TransferNotice,
  type VisitorConversation,
} from '@frontdesk/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
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

beforeEach(async () => {
  // Offline after 50 ms without a socket; a "minute" of the routing grace is 20 ms.
  h = await startHarness({ presence: { graceMs: 50, sweepMs: 3_600_000, routingMinuteMs: 20 } });
});
afterEach(async () => {
  await h.close();
});

async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean, what: string): Promise<T> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

async function setRouting(routing: Partial<RoutingSettings>) {
  const site = await h.storage.getSite(h.site.id);
  if (!site) throw new Error('no site');
  await h.storage.updateSite(site.id, {
    settings: { ...site.settings, routing: { ...site.settings.routing, ...routing } },
  });
}

/** A signed-in agent whose socket is connected and counted online. */
async function agent(name: string) {
  const signed = await h.newAgent(name);
  const account = await h.storage.getAgentByEmail(signed.email);
  if (!account) throw new Error('no agent');
  const online = waitFor<AgentPresence>(
    signed.socket,
    EVENTS.presenceChanged,
    (p) => p.agentId === account.id && p.status === 'online',
  );
  await connected(signed.socket);
  await online;
  return { ...signed, id: account.id, name };
}

async function queuedVisitor() {
  const visitor = await h.newVisitor();
  const { conversation } = await openConversation(h, visitor.socket);
  const queued = await call<VisitorConversation>(visitor.socket, EVENTS.conversationHandoff, {
    conversationId: conversation.id,
  });
  return { ...visitor, conversation: queued };
}

/** A signed-in admin's session cookie (HTTP routes). */
async function adminCookie() {
  const { email, password } = await h.createAgent('Root', 'admin');
  const res = await fetch(h.url + API.login, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: h.origin },
    body: JSON.stringify({ email, password }),
  });
  return (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

const conversationOf = (id: string) => h.storage.getConversation(id);
const stateOf = async (id: string) => {
  const c = await conversationOf(id);
  return { state: c?.state, agentId: c?.agentId ?? null, teamId: c?.teamId ?? null };
};

describe('automatic routing', () => {
  it('round-robin among online agents within capacity; away agents get none; freed capacity takes the next', async () => {
    await setRouting({ mode: 'auto', defaultCapacity: 1 });
    const anna = await agent('Anna');
    const ben = await agent('Ben');
    const carl = await agent('Carl');
    await call(carl.socket, EVENTS.presenceSet, { status: 'away' });

    const first = await queuedVisitor();
    const a1 = await until(
      () => stateOf(first.conversation.id),
      (s) => s.state === 'assigned',
      'first',
    );
    // The visitor's timeline says who joined.
    const events = await h.storage.listMessages(first.conversation.id, 0, 50);
    expect(events.find((m) => m.meta?.event?.name === 'assigned')?.meta?.event?.agentName).toBe(
      a1.agentId === anna.id ? 'Anna' : 'Ben',
    );
    const second = await queuedVisitor();
    const a2 = await until(
      () => stateOf(second.conversation.id),
      (s) => s.state === 'assigned',
      'second',
    );
    expect([a1.agentId, a2.agentId].toSorted()).toEqual([anna.id, ben.id].toSorted());

    // Everyone online is at capacity (Carl is away): the third waits.
    const third = await queuedVisitor();
    expect((await stateOf(third.conversation.id)).state).toBe('queued');

    // Carl comes back: the third is his.
    await call(carl.socket, EVENTS.presenceSet, { status: 'online' });
    expect(
      await until(
        () => stateOf(third.conversation.id),
        (s) => s.state === 'assigned',
        'third',
      ),
    ).toMatchObject({
      agentId: carl.id,
    });

    // A fourth waits until someone resolves; then it goes to the one who freed up.
    const fourth = await queuedVisitor();
    expect((await stateOf(fourth.conversation.id)).state).toBe('queued');
    const annasConversation = a1.agentId === anna.id ? first : second;
    await call(anna.socket, EVENTS.conversationResolve, {
      conversationId: annasConversation.conversation.id,
    });
    expect(
      await until(
        () => stateOf(fourth.conversation.id),
        (s) => s.state === 'assigned',
        'fourth',
      ),
    ).toMatchObject({
      agentId: anna.id,
    });
  });

  it('away persisted: a chosen Away survives a reconnect, and a stored Away is skipped by auto-assignment', async () => {
    await setRouting({ mode: 'auto', defaultCapacity: 1 });
    const anna = await agent('Anna');
    const ben = await agent('Ben');
    await call(ben.socket, EVENTS.presenceSet, { status: 'away' });
    expect(await h.storage.agentAway(ben.id)).toBe(true);

    // Ben's last tab closes; past the presence grace he is offline. He comes back: still Away.
    const offline = waitFor<AgentPresence>(
      anna.socket,
      EVENTS.presenceChanged,
      (p) => p.agentId === ben.id && p.status === 'offline',
    );
    ben.socket.disconnect();
    await offline;
    const restored = waitFor<AgentPresence>(ben.socket, EVENTS.presenceChanged, (p) => p.agentId === ben.id);
    const seenByAnna = waitFor<AgentPresence>(
      anna.socket,
      EVENTS.presenceChanged,
      (p) => p.agentId === ben.id,
    );
    ben.socket.connect();
    expect(await restored).toEqual({ agentId: ben.id, status: 'away' });
    expect(await seenByAnna).toEqual({ agentId: ben.id, status: 'away' });

    // Anna takes the first; Ben (away) gets none, so the second waits.
    const first = await queuedVisitor();
    expect(
      await until(
        () => stateOf(first.conversation.id),
        (s) => s.state === 'assigned',
        'first',
      ),
    ).toMatchObject({ agentId: anna.id });
    const second = await queuedVisitor();
    expect((await stateOf(second.conversation.id)).state).toBe('queued');

    // Online again (stored too): the second is his.
    await call(ben.socket, EVENTS.presenceSet, { status: 'online' });
    expect(await h.storage.agentAway(ben.id)).toBe(false);
    expect(
      await until(
        () => stateOf(second.conversation.id),
        (s) => s.state === 'assigned',
        'second',
      ),
    ).toMatchObject({ agentId: ben.id });

    // Routing reads the stored status: an Away written by another node (this node's presence still
    // says online) keeps Carl out of the next assignment.
    const carl = await agent('Carl');
    await h.storage.setAgentAway(carl.id, true);
    await call(anna.socket, EVENTS.conversationResolve, { conversationId: first.conversation.id });
    const third = await queuedVisitor();
    expect(
      await until(
        () => stateOf(third.conversation.id),
        (s) => s.state === 'assigned',
        'third',
      ),
    ).toMatchObject({ agentId: anna.id });
    const fourth = await queuedVisitor();
    expect((await stateOf(fourth.conversation.id)).state).toBe('queued');
  });

  it('an automatic (idle) away is not stored: it ends with the agent, not kept for the next day', async () => {
    const anna = await agent('Anna');
    await call(anna.socket, EVENTS.presenceSet, { status: 'away', auto: true });
    expect(await h.storage.agentAway(anna.id)).toBe(false);
    await call(anna.socket, EVENTS.presenceSet, { status: 'away' });
    expect(await h.storage.agentAway(anna.id)).toBe(true);
    // An automatic away after a chosen one keeps the choice stored.
    await call(anna.socket, EVENTS.presenceSet, { status: 'away', auto: true });
    expect(await h.storage.agentAway(anna.id)).toBe(true);
    await call(anna.socket, EVENTS.presenceSet, { status: 'online', auto: true });
    expect(await h.storage.agentAway(anna.id)).toBe(false);
  });

  it('concurrent arrivals never exceed any capacity', async () => {
    await setRouting({ mode: 'auto', defaultCapacity: 2 });
    const anna = await agent('Anna');
    const ben = await agent('Ben');
    const visitors = await Promise.all(Array.from({ length: 7 }, () => queuedVisitor()));
    const ids = visitors.map((v) => v.conversation.id);
    const states = await until(
      () => Promise.all(ids.map(stateOf)),
      (all) => all.filter((s) => s.state === 'assigned').length === 4,
      'four assigned',
    );
    expect(states.filter((s) => s.agentId === anna.id)).toHaveLength(2);
    expect(states.filter((s) => s.agentId === ben.id)).toHaveLength(2);
    expect(states.filter((s) => s.state === 'queued')).toHaveLength(3);
    // Still so once every pass has settled.
    const settled = await Promise.all(ids.map(stateOf));
    expect(settled.filter((s) => s.state === 'assigned')).toHaveLength(4);
  });
});

describe('races and transfer', () => {
  it('two agents take one conversation by hand: one wins, the other gets conflict', async () => {
    const anna = await agent('Anna');
    const ben = await agent('Ben');
    const v = await queuedVisitor();
    const results = await Promise.all([
      callRaw<AgentConversation>(anna.socket, EVENTS.conversationTake, { conversationId: v.conversation.id }),
      callRaw<AgentConversation>(ben.socket, EVENTS.conversationTake, { conversationId: v.conversation.id }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.flatMap((r) => (r.ok ? [] : [r.error.code]))).toEqual(['conflict']);
  });

  it('transfer with a note: the receiver is told with the note, the visitor sees the new name', async () => {
    const anna = await agent('Anna');
    const ben = await agent('Ben');
    const v = await queuedVisitor();
    await call(anna.socket, EVENTS.conversationTake, { conversationId: v.conversation.id });
    const notice = waitFor<TransferNotice>(ben.socket, EVENTS.conversationTransferred);
    const visitorSees = waitFor<Message>(
      v.socket,
      EVENTS.messageNew,
      (m) => m.meta?.event?.name === 'transferred',
    );
    const moved = await call<AgentConversation>(anna.socket, EVENTS.conversationTransfer, {
      conversationId: v.conversation.id,
      to: { type: 'agent', agentId: ben.id },
      note: 'Wants a refund for order 17.',
    });
    expect(moved).toMatchObject({ state: 'assigned', agentId: ben.id, agentName: 'Ben' });
    expect(await notice).toMatchObject({
      fromAgentName: 'Anna',
      note: 'Wants a refund for order 17.',
      teamName: null,
      conversation: { id: v.conversation.id, agentId: ben.id },
    });
    expect((await visitorSees).meta?.event?.agentName).toBe('Ben');
    // The note is private: in the agents' timeline, never the visitor's.
    const timeline = await h.storage.listMessages(v.conversation.id, 0, 50);
    expect(timeline.find((m) => m.kind === 'note')?.body).toBe('Wants a refund for order 17.');
    const visitorTimeline = await h.storage.listMessages(v.conversation.id, 0, 50, {
      excludeKinds: ['note'],
    });
    expect(visitorTimeline.some((m) => m.kind === 'note')).toBe(false);
    // Ben may reply now; Anna may not.
    expect(
      (
        await callRaw(anna.socket, EVENTS.messageSend, {
          conversationId: v.conversation.id,
          clientId: 'anna-after-1',
          body: 'hi',
        })
      ).ok,
    ).toBe(false);
  });

  it('transfer refused: to an away agent (agent_unavailable), to a full one (agent_at_capacity), by a non-owner (forbidden)', async () => {
    await setRouting({ defaultCapacity: 1 });
    const anna = await agent('Anna');
    const ben = await agent('Ben');
    const carl = await agent('Carl');
    const [v1, v2] = [await queuedVisitor(), await queuedVisitor()];
    await call(anna.socket, EVENTS.conversationTake, { conversationId: v1.conversation.id });
    await call(ben.socket, EVENTS.conversationTake, { conversationId: v2.conversation.id });
    const to = (agentId: string) => ({ conversationId: v1.conversation.id, to: { type: 'agent', agentId } });
    const full = await callRaw(anna.socket, EVENTS.conversationTransfer, to(ben.id));
    expect(full.ok ? null : full.error.code).toBe('agent_at_capacity');
    await call(carl.socket, EVENTS.presenceSet, { status: 'away' });
    const away = await callRaw(anna.socket, EVENTS.conversationTransfer, to(carl.id));
    expect(away.ok ? null : away.error.code).toBe('agent_unavailable');
    const notMine = await callRaw(ben.socket, EVENTS.conversationTransfer, to(carl.id));
    expect(notMine.ok ? null : notMine.error.code).toBe('forbidden');
    expect(await stateOf(v1.conversation.id)).toMatchObject({ state: 'assigned', agentId: anna.id });
  });

  it('transfer against take, and two transfers at once: one owner in the end, the loser told', async () => {
    const anna = await agent('Anna');
    const ben = await agent('Ben');
    const carl = await agent('Carl');
    const v = await queuedVisitor();
    await call(anna.socket, EVENTS.conversationTake, { conversationId: v.conversation.id });
    const [transfer, take] = await Promise.all([
      callRaw<AgentConversation>(anna.socket, EVENTS.conversationTransfer, {
        conversationId: v.conversation.id,
        to: { type: 'agent', agentId: ben.id },
      }),
      callRaw<AgentConversation>(carl.socket, EVENTS.conversationTake, { conversationId: v.conversation.id }),
    ]);
    expect(transfer.ok).toBe(true);
    expect(take.ok ? null : take.error.code).toBe('conflict');
    expect(await stateOf(v.conversation.id)).toMatchObject({ state: 'assigned', agentId: ben.id });

    const both = await Promise.all(
      [anna.id, carl.id].map((agentId) =>
        callRaw<AgentConversation>(ben.socket, EVENTS.conversationTransfer, {
          conversationId: v.conversation.id,
          to: { type: 'agent', agentId },
        }),
      ),
    );
    const won = both.filter((r) => r.ok);
    expect(won).toHaveLength(1);
    const owner = (await stateOf(v.conversation.id)).agentId;
    expect(won[0]?.ok && won[0].data.agentId).toBe(owner);
    expect(both.flatMap((r) => (r.ok ? [] : [r.error.code]))[0]).toMatch(/conflict|invalid_state|forbidden/);
  });
});

describe('teams and offline agents', () => {
  it('a transfer to a team queues it for the team; automatic routing gives it to a member', async () => {
    const anna = await agent('Anna');
    const ben = await agent('Ben');
    const carl = await agent('Carl');
    const billing = await h.storage.createTeam({ siteId: h.site.id, name: 'Billing', agentIds: [carl.id] });
    const v = await queuedVisitor();
    await call(anna.socket, EVENTS.conversationTake, { conversationId: v.conversation.id });
    const notice = waitFor<TransferNotice>(carl.socket, EVENTS.conversationTransferred);
    const moved = await call<AgentConversation>(anna.socket, EVENTS.conversationTransfer, {
      conversationId: v.conversation.id,
      to: { type: 'team', teamId: billing.id },
      note: 'Invoice question',
    });
    expect(moved.state).toBe('queued');
    expect(await notice).toMatchObject({
      teamName: 'Billing',
      note: 'Invoice question',
      fromAgentName: 'Anna',
    });
    expect(await stateOf(v.conversation.id)).toMatchObject({ state: 'queued', teamId: billing.id });
    // Switching the site to automatic routing hands it to the team's member, not to Ben (never assigned yet).
    expect(ben.id).not.toBe(carl.id);
    // Over HTTP as an admin: saving the settings starts a routing pass.
    const cookie = await adminCookie();
    const site = await h.storage.getSite(h.site.id);
    const res = await fetch(h.url + API.routing(h.site.id), {
      method: 'PUT',
      headers: { 'content-type': 'application/json', origin: h.origin, cookie },
      body: JSON.stringify({ ...site?.settings.routing, mode: 'auto' }),
    });
    expect(res.status).toBe(200);
    expect(
      await until(
        () => stateOf(v.conversation.id),
        (s) => s.state === 'assigned',
        'team member',
      ),
    ).toMatchObject({
      agentId: carl.id,
    });
  });

  it('an agent offline past the grace: their conversations go back to the queue (auto: to the next agent)', async () => {
    await setRouting({ mode: 'manual', offlineReturnMinutes: 1 });
    const anna = await agent('Anna');
    const v = await queuedVisitor();
    await call(anna.socket, EVENTS.conversationTake, { conversationId: v.conversation.id });
    const told = waitFor<Message>(
      v.socket,
      EVENTS.messageNew,
      (m) => m.meta?.event?.name === 'released',
      15_000,
    );
    anna.socket.disconnect();
    expect(
      await until(
        () => stateOf(v.conversation.id),
        (s) => s.state === 'queued',
        'released',
      ),
    ).toMatchObject({
      agentId: null,
    });
    await told;

    // Under automatic routing the released conversation goes to the next agent at once.
    await setRouting({ mode: 'auto' });
    const ben = await agent('Ben');
    expect(
      await until(
        () => stateOf(v.conversation.id),
        (s) => s.state === 'assigned',
        'next agent',
      ),
    ).toMatchObject({
      agentId: ben.id,
    });
  });
});
