/**
 * Issue 14 (routing): how a site hands queued conversations to agents, teams, and transfers.
 * `manual`: agents take from the queue by hand (the behaviour before issue 14). `auto`: the server
 * assigns each queued conversation to an online, not-away agent with free capacity, the one assigned
 * least recently first (round-robin), decided in storage so that nodes never double-assign.
 */
import type { AgentConversation } from './types.ts';

export const ROUTING_MODES = ['manual', 'auto'] as const;
export type RoutingMode = (typeof ROUTING_MODES)[number];

/** A site's routing settings (stored with the site's settings). */
export type RoutingSettings = {
  mode: RoutingMode;
  /** Max concurrent assigned conversations of an agent who has no capacity of their own. */
  defaultCapacity: number;
  /** Minutes an assigned conversation waits for its offline agent before it goes back to the queue. */
  offlineReturnMinutes: number;
};

export const ROUTING_LIMITS = {
  capacityMin: 1,
  capacityMax: 50,
  offlineReturnMinutesMin: 1,
  offlineReturnMinutesMax: 120,
  teamNameMaxLength: 60,
  teamsPerSiteMax: 50,
  teamMembersMax: 200,
  transferNoteMaxLength: 2000,
  /** Queued conversations one routing pass of a site looks at. */
  routingBatch: 50,
  /** How often each node sweeps for offline agents whose conversations are due back in the queue. */
  offlineSweepMs: 30_000,
  /** How long a node's claim on returning one agent's conversations holds if the node stops. */
  offlineClaimMs: 60_000,
} as const;

export const DEFAULT_ROUTING_SETTINGS: RoutingSettings = {
  mode: 'manual',
  defaultCapacity: 3,
  offlineReturnMinutes: 2,
};

/** A named group of agents of one site: a routing and transfer target. */
export type Team = { id: string; siteId: string; name: string; agentIds: string[] };

/** An agent's routing figures on one site, as the routing section shows them. */
export type AgentRouting = {
  agentId: string;
  name: string;
  /** Their own capacity; null: the site's default. */
  capacity: number | null;
  /** Conversations assigned to them now (every site). */
  load: number;
};

/** GET of a site's routing section: its settings and every agent of the site. */
export type RoutingOverview = { settings: RoutingSettings; agents: AgentRouting[] };

/** Where a transfer goes. */
export type TransferTarget = { type: 'agent'; agentId: string } | { type: 'team'; teamId: string };

/** server → agent: a conversation was transferred to you (or to a team of yours). */
export type TransferNotice = {
  conversation: AgentConversation;
  fromAgentName: string;
  /** Set when it went to a team. */
  teamName: string | null;
  note: string | null;
};
