/**
 * Issue 10 (presence), the console's side as a pure reducer: the agent's own status (chosen, or away
 * after idle time: then back to online on the next activity, and only then), and the statuses of the
 * other agents of their sites as the server tells them. Each step says what to send, if anything.
 */
import type {
  AgentPresence,
  ChosenPresenceStatus,
  PresenceSetInput,
  PresenceStatus,
} from '@frontdesk/shared';

export type PresenceState = {
  mine: ChosenPresenceStatus;
  /** The away was set by the idle timer (activity brings the agent back). */
  auto: boolean;
  /** Every agent the server told us about, this agent included. */
  team: Readonly<Record<string, PresenceStatus>>;
  /**
   * This agent's id (issue 14, away persisted): the server's word on their own status is adopted, so a
   * fresh console shows the stored Away and every tab follows a choice made in another.
   */
  self: string | null;
};

export const INITIAL_PRESENCE: PresenceState = { mine: 'online', auto: false, team: {}, self: null };

export type PresenceEvent =
  | { type: 'chose'; status: ChosenPresenceStatus }
  | { type: 'idle' }
  | { type: 'activity' }
  | { type: 'received'; presence: AgentPresence };

export type PresenceStep = { state: PresenceState; send: PresenceSetInput | null };

export function presenceStep(state: PresenceState, event: PresenceEvent): PresenceStep {
  switch (event.type) {
    case 'chose':
      return {
        state: { ...state, mine: event.status, auto: false },
        send: event.status === state.mine && !state.auto ? null : { status: event.status },
      };
    case 'idle':
      if (state.mine !== 'online') return { state, send: null };
      return { state: { ...state, mine: 'away', auto: true }, send: { status: 'away', auto: true } };
    case 'activity':
      if (state.mine !== 'away' || !state.auto) return { state, send: null };
      return { state: { ...state, mine: 'online', auto: false }, send: { status: 'online', auto: true } };
    case 'received': {
      const { agentId, status } = event.presence;
      const team = { ...state.team };
      if (status === 'offline') delete team[agentId];
      else team[agentId] = status;
      if (agentId === state.self && status !== 'offline' && status !== state.mine)
        return { state: { ...state, team, mine: status, auto: false }, send: null };
      return { state: { ...state, team }, send: null };
    }
  }
}

/** What a (re)connected socket must be told so the server matches the console (away survives a reload). */
export const onConnect = (state: PresenceState): PresenceSetInput | null =>
  state.mine === 'away' ? { status: 'away', ...(state.auto && { auto: true }) } : null;
