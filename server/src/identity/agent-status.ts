/**
 * Issue 14 (away persisted): an agent's chosen status is kept on the agent in storage as well as in
 * the presence book, so that a chosen Away survives reconnects and restarts and automatic routing on
 * every node reads the same answer. An automatic away (the console's idle timer) is not stored: it
 * ends with the agent's next input, and an agent coming back the next day should not find it.
 */
import type { PresenceSetInput, PresenceStatus } from '@frontdesk/shared';
import type { RoutingStore } from '../routing/store.ts';
import type { PresenceBook } from './presence.ts';

export type AgentStatusDeps = {
  store: Pick<RoutingStore, 'agentAway' | 'setAgentAway'>;
  presence: Pick<PresenceBook, 'socketOpened' | 'setStatus'>;
};

/** What storage should hold after a `presence:set`, or null when it keeps what it has. */
export function storedAwayAfter(input: PresenceSetInput): boolean | null {
  if (input.status === 'online') return false;
  return input.auto ? null : true;
}

export class AgentStatus {
  constructor(private readonly deps: AgentStatusDeps) {}

  /** A console socket opened: the agent starts with their stored status. */
  async opened(agent: { id: string; siteIds: readonly string[] }, socketId: string): Promise<PresenceStatus> {
    const away = await this.deps.store.agentAway(agent.id);
    return this.deps.presence.socketOpened(agent, socketId, away ? 'away' : 'online');
  }

  /** The agent chose a status (or the console's idle timer did): stored first, then made live. */
  async set(agentId: string, input: PresenceSetInput): Promise<PresenceStatus> {
    const away = storedAwayAfter(input);
    if (away !== null) await this.deps.store.setAgentAway(agentId, away);
    return this.deps.presence.setStatus(agentId, input.status);
  }
}
