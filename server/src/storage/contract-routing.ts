/** Issue 14 (routing): the storage contract's cases for teams, capacities and the atomic assignment. */
import type { Message } from '@frontdesk/shared';
import { expect, it } from 'vitest';
import type { Broadcaster } from '../conversations/ports.ts';
import type { ConversationRecord } from '../conversations/store.ts';
import { Transitions } from '../conversations/transitions.ts';
import { MemoryPresence } from '../identity/presence.ts';
import { createLogger } from '../kernel/logger.ts';
import { OfflineRelease } from '../routing/offline-release.ts';
import { openWithSite } from './contract-seed.ts';
import type { Storage } from './types.ts';

export function routingContract(open: () => Promise<Storage>) {
  async function seed() {
    const { storage, site, agent, conversation } = await openWithSite(open);
    const queued = async () => {
      const c = await conversation();
      const updated = await storage.updateConversation(
        c.id,
        c.version,
        { state: 'queued', queuedAt: new Date().toISOString() },
        null,
      );
      return updated?.conversation ?? c;
    };
    const assign = (
      c: ConversationRecord,
      agentId: string,
      capacity: number,
      at = new Date().toISOString(),
    ) =>
      storage.assignWithinCapacity({
        conversationId: c.id,
        expectedVersion: c.version,
        agentId,
        capacity,
        patch: { state: 'assigned', agentId, assignedAt: at },
        event: {
          conversationId: c.id,
          clientId: null,
          author: 'system',
          authorName: null,
          agentId: null,
          kind: 'event',
          body: '',
          meta: { event: { name: 'assigned' } },
        },
        at,
      });
    return { storage, site, agent, queued, assign };
  }

  it('teams: create, list by name with members, rename and change members, delete frees waiting conversations', async () => {
    const { storage, site, agent, queued } = await seed();
    const [ann, bob] = [await agent('Ann'), await agent('Bob')];
    const sales = await storage.createTeam({ siteId: site.id, name: 'Sales', agentIds: [ann.id, bob.id] });
    const billing = await storage.createTeam({ siteId: site.id, name: 'Billing', agentIds: [] });
    expect(sales.agentIds.toSorted()).toEqual([ann.id, bob.id].toSorted());
    expect((await storage.listTeams(site.id)).map((t) => t.name)).toEqual(['Billing', 'Sales']);
    const renamed = await storage.updateTeam(billing.id, { name: 'Accounts', agentIds: [bob.id] });
    expect(renamed).toMatchObject({ name: 'Accounts', agentIds: [bob.id], siteId: site.id });
    expect(await storage.updateTeam('missing', { name: 'X', agentIds: [] })).toBeNull();
    // A second team of the same name on the same site is refused by the database.
    await expect(storage.createTeam({ siteId: site.id, name: 'Sales', agentIds: [] })).rejects.toThrow();
    const waiting = await queued();
    await storage.updateConversation(waiting.id, waiting.version, { teamId: sales.id }, null);
    expect((await storage.getConversation(waiting.id))?.teamId).toBe(sales.id);
    expect(await storage.deleteTeam(sales.id)).toBe(true);
    expect(await storage.deleteTeam(sales.id)).toBe(false);
    expect((await storage.getConversation(waiting.id))?.teamId).toBeNull();
    expect(await storage.getTeam(sales.id)).toBeNull();
    await storage.close();
  });

  it('capacity and the round-robin column: own capacity or null, load counts assigned conversations', async () => {
    const { storage, site, agent, queued, assign } = await seed();
    const ann = await agent('Ann');
    await storage.setAgentCapacity(ann.id, 4);
    const c = await queued();
    expect(await assign(c, ann.id, 4, '2026-01-01T09:00:00.000Z')).toMatchObject({ status: 'assigned' });
    const [row] = await storage.routingAgents(site.id);
    expect(row).toEqual({
      agentId: ann.id,
      name: 'Ann',
      capacity: 4,
      lastAssignedAt: '2026-01-01T09:00:00.000Z',
      away: false,
      load: 1,
    });
    await storage.setAgentCapacity(ann.id, null);
    expect((await storage.routingAgents(site.id))[0]?.capacity).toBeNull();
    expect((await storage.listAssignedTo(ann.id, 10)).map((x) => x.id)).toEqual([c.id]);
    await storage.close();
  });

  it('away persisted (0041_agent_away): a chosen Away is stored per agent and routing reads it', async () => {
    const { storage, site, agent } = await seed();
    const [ann, bob] = [await agent('Ann'), await agent('Bob')];
    expect(await storage.agentAway(ann.id)).toBe(false);
    await storage.setAgentAway(ann.id, true);
    expect(await storage.agentAway(ann.id)).toBe(true);
    expect(await storage.agentAway(bob.id)).toBe(false);
    expect((await storage.routingAgents(site.id)).map((r) => [r.name, r.away])).toEqual([
      ['Ann', true],
      ['Bob', false],
    ]);
    // Setting it again is harmless; back online clears it; an unknown agent is not away.
    await storage.setAgentAway(ann.id, true);
    await storage.setAgentAway(ann.id, false);
    expect(await storage.agentAway(ann.id)).toBe(false);
    expect(await storage.agentAway('no-such-agent')).toBe(false);
    await storage.close();
  });

  it('durable offline return (0042_agent_offline): the stored moment, agents with work, one claim at a time', async () => {
    const { storage, agent, queued, assign } = await seed();
    const [ann, bob] = [await agent('Ann'), await agent('Bob')];
    expect(await storage.agentOfflineSince(ann.id)).toBeNull();
    await storage.markAgentOffline(ann.id, '2026-01-01T09:00:00.000Z');
    // A second report keeps the first moment.
    await storage.markAgentOffline(ann.id, '2026-01-01T09:05:00.000Z');
    expect(await storage.agentOfflineSince(ann.id)).toBe('2026-01-01T09:00:00.000Z');
    await storage.markAgentOffline(bob.id, '2026-01-01T08:00:00.000Z');
    // Only agents with assigned conversations are listed.
    expect(await storage.offlineAgentsWithWork(10)).toEqual([]);
    expect((await assign(await queued(), ann.id, 5)).status).toBe('assigned');
    expect(await storage.offlineAgentsWithWork(10)).toEqual([
      { agentId: ann.id, offlineSince: '2026-01-01T09:00:00.000Z' },
    ]);

    // Concurrent claims (several nodes): exactly one wins.
    const since = '2026-01-01T09:00:00.000Z';
    const at = '2026-01-01T09:10:00.000Z';
    const until = '2026-01-01T09:11:00.000Z';
    const claims = await Promise.all(
      Array.from({ length: 6 }, () => storage.claimOfflineReturn(ann.id, since, at, until)),
    );
    expect(claims.filter(Boolean)).toHaveLength(1);
    // A claim for another moment (the agent came back and left again) never matches.
    expect(
      await storage.claimOfflineReturn(ann.id, '2026-01-01T08:59:00.000Z', at, '2026-01-01T09:12:00.000Z'),
    ).toBe(false);
    // The claim of a node that stopped expires; an ended claim frees the agent at once.
    expect(
      await storage.claimOfflineReturn(ann.id, since, '2026-01-01T09:11:00.000Z', '2026-01-01T09:12:00.000Z'),
    ).toBe(true);
    await storage.endOfflineClaim(ann.id, '2026-01-01T09:12:00.000Z');
    expect(await storage.claimOfflineReturn(ann.id, since, at, until)).toBe(true);
    // Back: the moment and the claim go.
    await storage.clearAgentOffline(ann.id);
    expect(await storage.agentOfflineSince(ann.id)).toBeNull();
    expect(await storage.offlineAgentsWithWork(10)).toEqual([]);
    expect(await storage.claimOfflineReturn(ann.id, since, '2026-01-01T10:00:00.000Z', until)).toBe(false);
    await storage.close();
  });

  it('durable offline return: any node sweeps after the grace (injected clock), only one returns, a comeback cancels', async () => {
    const { storage, site, agent, queued, assign } = await seed();
    const ann = await agent('Ann');
    const bob = await agent('Bob');
    let now = new Date('2026-01-01T09:00:00.000Z');
    const clock = () => now;
    const released: string[] = [];
    const broadcaster: Broadcaster = {
      messageStored: (_c: ConversationRecord, m: Message) => {
        if (m.meta?.event?.name === 'released') released.push(m.conversationId);
      },
      conversationChanged: () => {},
      previewChanged: () => {},
      visitorViewChanged: () => {},
      queueChanged: () => {},
    };
    // Two nodes: each its own presence (nobody connected) and its own sweeper; one storage.
    const node = () =>
      new OfflineRelease({
        store: storage,
        presence: new MemoryPresence(),
        transitions: new Transitions(storage, broadcaster, clock),
        logger: createLogger('silent'),
        clock,
      });
    const [a, b] = [node(), node()];
    const anns = [await queued(), await queued()];
    for (const c of anns) expect((await assign(c, ann.id, 5)).status).toBe('assigned');
    const bobs = await queued();
    expect((await assign(bobs, bob.id, 5)).status).toBe('assigned');
    const minutes = site.settings.routing.offlineReturnMinutes;

    // Node A saw both leave (its timers are not needed: the stored moment is what counts).
    await a.agentOffline(ann.id);
    await a.agentOffline(bob.id);
    // Before the grace nothing moves.
    now = new Date(now.getTime() + minutes * 60_000 - 1_000);
    await Promise.all([a.sweep(), b.sweep()]);
    expect(released).toEqual([]);
    // Bob comes back (on node B) before the grace: his return is cancelled.
    await b.agentBack(bob.id);
    // Past the grace both nodes sweep at once: Ann's two go back to the queue, each exactly once.
    now = new Date(now.getTime() + 2_000);
    await Promise.all([a.sweep(), b.sweep()]);
    expect(released.toSorted()).toEqual(anns.map((c) => c.id).toSorted());
    for (const c of anns) expect((await storage.getConversation(c.id))?.state).toBe('queued');
    expect(await storage.getConversation(bobs.id)).toMatchObject({ state: 'assigned', agentId: bob.id });
    // Nothing left to do on later sweeps.
    await Promise.all([a.sweep(), b.sweep()]);
    expect(released).toHaveLength(2);
    // Closing waits for nothing left under way and leaves no timer behind (A's fast-path timers too).
    await Promise.all([a.close(), b.close()]);
    expect(a.timersHeld + b.timersHeld).toBe(0);
    await storage.close();
  });

  it('assignWithinCapacity: a full agent is refused, a stale version is refused, nothing half-written', async () => {
    const { storage, agent, queued, assign } = await seed();
    const ann = await agent('Ann');
    const [first, second] = [await queued(), await queued()];
    const done = await assign(first, ann.id, 1);
    expect(done.status).toBe('assigned');
    if (done.status === 'assigned') {
      expect(done.conversation).toMatchObject({ state: 'assigned', agentId: ann.id, agentName: 'Ann' });
      expect(done.messages.map((m) => m.meta?.event?.name)).toEqual(['assigned']);
    }
    expect(await assign(second, ann.id, 1)).toEqual({ status: 'full' });
    const untouched = await storage.getConversation(second.id);
    expect(untouched).toMatchObject({ state: 'queued', agentId: null, version: second.version, lastSeq: 0 });
    // The first conversation's version moved on: an assignment decided on the old one is refused.
    expect(await assign(first, ann.id, 5)).toEqual({ status: 'stale' });
    await storage.close();
  });

  it('assignWithinCapacity under concurrent arrivals: the capacity is never exceeded', async () => {
    const { storage, agent, queued, assign } = await seed();
    const ann = await agent('Ann');
    const arrivals = await Promise.all(Array.from({ length: 8 }, () => queued()));
    const results = await Promise.all(arrivals.map((c) => assign(c, ann.id, 3)));
    expect(results.filter((r) => r.status === 'assigned')).toHaveLength(3);
    expect(results.filter((r) => r.status === 'full')).toHaveLength(5);
    expect((await storage.listAssignedTo(ann.id, 20)).length).toBe(3);
    await storage.close();
  });

  it('assignWithinCapacity: two agents racing for one conversation, one wins', async () => {
    const { storage, agent, queued, assign } = await seed();
    const [ann, bob] = [await agent('Ann'), await agent('Bob')];
    const c = await queued();
    const results = await Promise.all([assign(c, ann.id, 3), assign(c, bob.id, 3)]);
    expect(results.map((r) => r.status).toSorted()).toEqual(['assigned', 'stale']);
    const after = await storage.getConversation(c.id);
    expect(after?.lastSeq).toBe(1);
    await storage.close();
  });
}
