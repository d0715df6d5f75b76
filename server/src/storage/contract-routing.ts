/** Issue 14 (routing): the storage contract's cases for teams, capacities and the atomic assignment. */
import { expect, it } from 'vitest';
import type { ConversationRecord } from '../conversations/store.ts';
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
      load: 1,
    });
    await storage.setAgentCapacity(ann.id, null);
    expect((await storage.routingAgents(site.id))[0]?.capacity).toBeNull();
    expect((await storage.listAssignedTo(ann.id, 10)).map((x) => x.id)).toEqual([c.id]);
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
