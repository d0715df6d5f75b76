/**
 * Issue 14 (away persisted): an agent's chosen status is kept on the agent in storage as well as in
 * the presence book, so that a chosen Away survives reconnects and restarts and automatic routing on
 * every node reads the same answer. An automatic away (the console's idle timer) is not stored: it
 * ends with the agent's next input, and an agent coming back the next day should not find it.
 */
import type { PresenceSetInput, PresenceStatus } from '@frontdesk/shared';
import type { Logger } from '../kernel/logger.ts';
import type { RoutingStore } from '../routing/store.ts';
import type { PresenceBook } from './presence.ts';

export type AgentStatusDeps = {
  store: Pick<RoutingStore, 'agentAway' | 'setAgentAway'>;
  presence: Pick<PresenceBook, 'socketOpened' | 'setStatus'>;
  logger: Logger;
};

/** What storage should hold after a `presence:set`, or null when it keeps what it has. */
export function storedAwayAfter(input: PresenceSetInput): boolean | null {
  if (input.status === 'online') return false;
  return input.auto ? null : true;
}

export class AgentStatus {
  constructor(private readonly deps: AgentStatusDeps) {}

  /**
   * A console socket opened: the agent starts with their stored status. Storage unreachable (TESTPLAN
   * D5/D6): the socket still joins the presence book, as before issue 14, with what the nodes know.
   */
  async opened(agent: { id: string; siteIds: readonly string[] }, socketId: string): Promise<PresenceStatus> {
    let stored: 'away' | 'online' | undefined;
    try {
      stored = (await this.deps.store.agentAway(agent.id)) ? 'away' : 'online';
    } catch (error) {
      this.deps.logger.warn({ err: error, agentId: agent.id }, 'presence: stored status not read');
    }
    return this.deps.presence.socketOpened(agent, socketId, stored);
  }

  /** The agent chose a status (or the console's idle timer did): stored first, then made live. */
  async set(agentId: string, input: PresenceSetInput): Promise<PresenceStatus> {
    const away = storedAwayAfter(input);
    if (away !== null) await this.deps.store.setAgentAway(agentId, away);
    return this.deps.presence.setStatus(agentId, input.status);
  }
}
