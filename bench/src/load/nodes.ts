/**
 * Which node each socket of the load connects to, when the target runs several nodes (pure).
 *
 * Pairs are grouped by agent socket (`chatsPerAgent` consecutive pairs share one). The visitors of
 * agent socket `a` connect to node `a mod n`, and agent socket `a` itself to node `(a + 1) mod n`:
 * every pair crosses nodes (its visitor on one node, its agent on another), so every message travels
 * through Redis. With an even number of agent sockets per node count, the visitor sockets and the
 * agent sockets are each split evenly; a site's `agentsPerSite` consecutive agent sockets alternate
 * between the nodes, so the site-wide `conversation:updated` also reaches every node.
 * With one node everything connects to node 0.
 */
import type { Topology } from './protocol.ts';

export const agentOf = (pairIndex: number, t: Topology) => Math.floor(pairIndex / t.chatsPerAgent);
export const siteOf = (pairIndex: number, t: Topology) => Math.floor(agentOf(pairIndex, t) / t.agentsPerSite);

/** The node of pair `pairIndex`'s visitor socket. */
export function visitorNode(pairIndex: number, t: Topology, nodes: number): number {
  return nodes < 2 ? 0 : agentOf(pairIndex, t) % nodes;
}

/** The node of agent socket `agentIndex`. */
export function agentNode(agentIndex: number, nodes: number): number {
  return nodes < 2 ? 0 : (agentIndex + 1) % nodes;
}

/** Idle visitor sockets (the memory measurement) take turns over the nodes. */
export function idleNode(index: number, nodes: number): number {
  return nodes < 2 ? 0 : index % nodes;
}

export type Placement = {
  /** Visitor sockets per node. */
  visitors: number[];
  /** Agent sockets per node. */
  agents: number[];
  /** Pairs whose visitor and agent sockets are on different nodes. */
  crossing: number;
};

/** Where `pairs` pairs land: sockets per node and how many pairs cross nodes. */
export function placement(pairs: number, t: Topology, nodes: number): Placement {
  const count = Math.max(1, nodes);
  const visitors = Array.from({ length: count }, () => 0);
  const agents = Array.from({ length: count }, () => 0);
  let crossing = 0;
  for (let i = 0; i < pairs; i++) {
    const v = visitorNode(i, t, count);
    visitors[v]! += 1;
    if (v !== agentNode(agentOf(i, t), count)) crossing += 1;
  }
  const agentSockets = pairs === 0 ? 0 : agentOf(pairs - 1, t) + 1;
  for (let a = 0; a < agentSockets; a++) agents[agentNode(a, count)]! += 1;
  return { visitors, agents, crossing };
}
