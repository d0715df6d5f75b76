/** Issue 14 (routing): the storage port of teams, capacities and the atomic assignment. */
import type { Message, Team } from '@frontdesk/shared';
import type { ConversationPatch, ConversationRecord, NewMessage } from '../conversations/store.ts';

/** An agent of a site as routing sees them in storage (presence comes from elsewhere). */
export type AgentRoutingRow = {
  agentId: string;
  name: string;
  /** Own capacity; null: the site's default. */
  capacity: number | null;
  lastAssignedAt: string | null;
  /** The agent chose Away (stored, so every node agrees). */
  away: boolean;
  /** Conversations assigned to the agent now (any site). */
  load: number;
};

export type AssignInput = {
  conversationId: string;
  expectedVersion: number;
  agentId: string;
  /** The agent's capacity: the assignment is refused when their load has reached it. */
  capacity: number;
  /** The conversation's change (state, agent, …) and its system event, as `updateConversation` takes. */
  patch: ConversationPatch;
  event: NewMessage | null;
  /** Extra messages in the same transaction (a transfer's private note). */
  extra?: NewMessage[];
  at: string;
};

export type AssignResult =
  | { status: 'assigned'; conversation: ConversationRecord; messages: Message[] }
  /** The agent's load reached their capacity (another assignment, maybe on another node, was first). */
  | { status: 'full' }
  /** The conversation changed meanwhile (its version moved on). */
  | { status: 'stale' };

export type RoutingStore = {
  listTeams(siteId: string): Promise<Team[]>;
  getTeam(teamId: string): Promise<Team | null>;
  createTeam(input: { siteId: string; name: string; agentIds: readonly string[] }): Promise<Team>;
  /** Null when there is no such team. */
  updateTeam(teamId: string, input: { name: string; agentIds: readonly string[] }): Promise<Team | null>;
  deleteTeam(teamId: string): Promise<boolean>;
  /** The site's enabled agents with their capacity, last assignment and load. */
  routingAgents(siteId: string): Promise<AgentRoutingRow[]>;
  setAgentCapacity(agentId: string, capacity: number | null): Promise<void>;
  /** Whether the agent chose Away (false for an unknown agent). */
  agentAway(agentId: string): Promise<boolean>;
  setAgentAway(agentId: string, away: boolean): Promise<void>;
  /** Issue 14 (durable offline return): the agent went offline at `at` (kept if already set). */
  markAgentOffline(agentId: string, at: string): Promise<void>;
  /** The agent is back: no return is due and any claim ends. */
  clearAgentOffline(agentId: string): Promise<void>;
  /** When the agent went offline, or null when they are not. */
  agentOfflineSince(agentId: string): Promise<string | null>;
  /** Offline agents who still have assigned conversations, longest offline first. */
  offlineAgentsWithWork(limit: number): Promise<Array<{ agentId: string; offlineSince: string }>>;
  /**
   * Claims returning the agent's conversations until `until`, if they are still offline since
   * `offlineSince` and no other claim runs at `now`: true for exactly one of concurrent callers.
   */
  claimOfflineReturn(agentId: string, offlineSince: string, now: string, until: string): Promise<boolean>;
  /** Ends this claim (a later grace of another site may still be due). */
  endOfflineClaim(agentId: string, until: string): Promise<void>;
  /**
   * Gives the conversation to the agent if their load is below `capacity` and the conversation still
   * has `expectedVersion`, in one transaction that also sets the agent's `last_assigned_at`. The
   * agent's row is written first, so concurrent assignments to one agent (any node) take turns.
   */
  assignWithinCapacity(input: AssignInput): Promise<AssignResult>;
  /** Assigned conversations of an agent (every site), oldest first. */
  listAssignedTo(agentId: string, limit: number): Promise<ConversationRecord[]>;
};
