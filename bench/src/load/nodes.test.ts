import { describe, expect, it } from 'vitest';
import { agentNode, agentOf, idleNode, placement, siteOf, visitorNode } from './nodes.ts';

const topology = { chatsPerAgent: 5, agentsPerSite: 4 };

describe('node assignment', () => {
  it('puts everything on node 0 when there is one node', () => {
    for (let i = 0; i < 50; i++) {
      expect(visitorNode(i, topology, 1)).toBe(0);
      expect(agentNode(i, 1)).toBe(0);
      expect(idleNode(i, 1)).toBe(0);
    }
    expect(placement(1000, topology, 1)).toEqual({ visitors: [1000], agents: [200], crossing: 0 });
  });

  it('on two nodes, every pair has its visitor and its agent on different nodes', () => {
    for (let i = 0; i < 1000; i++)
      expect(visitorNode(i, topology, 2)).not.toBe(agentNode(agentOf(i, topology), 2));
  });

  it('splits visitor and agent sockets evenly over two nodes (1,000 and 10,000 pairs)', () => {
    expect(placement(1000, topology, 2)).toEqual({
      visitors: [500, 500],
      agents: [100, 100],
      crossing: 1000,
    });
    expect(placement(10_000, topology, 2)).toEqual({
      visitors: [5000, 5000],
      agents: [1000, 1000],
      crossing: 10_000,
    });
  });

  it("spreads each site's agent sockets over both nodes, so site broadcasts reach both", () => {
    const pairs = 10_000;
    const nodesOfSite = new Map<number, Set<number>>();
    for (let i = 0; i < pairs; i++) {
      const site = siteOf(i, topology);
      const set = nodesOfSite.get(site) ?? new Set<number>();
      set.add(agentNode(agentOf(i, topology), 2));
      nodesOfSite.set(site, set);
    }
    expect(nodesOfSite.size).toBe(500);
    for (const set of nodesOfSite.values()) expect([...set].sort()).toEqual([0, 1]);
  });

  it('alternates idle sockets over the nodes', () => {
    expect(Array.from({ length: 6 }, (_, i) => idleNode(i, 2))).toEqual([0, 1, 0, 1, 0, 1]);
  });

  it('with an odd agent count the split is off by one block of pairs, and still every pair crosses', () => {
    // 15 pairs → 3 agent sockets: visitors of agents 0 and 2 on node 0, of agent 1 on node 1.
    expect(placement(15, topology, 2)).toEqual({ visitors: [10, 5], agents: [1, 2], crossing: 15 });
  });
});
