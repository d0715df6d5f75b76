/**
 * Issue 10 (presence): an agent's availability. Only `online` agents count as available (the bot's
 * wording, the widget's `agentsOnline`, the wait estimate); `away` is set by the agent or after idle
 * time in the console; `offline` when their last console socket has been closed for a grace period.
 */
export const PRESENCE_STATUSES = ['online', 'away', 'offline'] as const;
export type PresenceStatus = (typeof PRESENCE_STATUSES)[number];

/** What an agent may choose in the console (offline is never chosen: it follows the sockets). */
export const CHOSEN_PRESENCE_STATUSES = ['online', 'away'] as const;
export type ChosenPresenceStatus = (typeof CHOSEN_PRESENCE_STATUSES)[number];

/** server → agents: one agent's presence changed (also sent for every known agent on connect). */
export type AgentPresence = { agentId: string; status: PresenceStatus };

/** server → visitors of a site: how many agents are available now. */
export type SiteAvailability = { agentsOnline: number };
