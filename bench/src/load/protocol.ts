/** What the orchestrator, the load generator and the server processes exchange. */

/** The page origin the load generator's visitors claim; the bench sites allow it. */
export const BENCH_ORIGIN = 'http://bench.localhost';

export type TargetKind = 'frontdesk' | 'bare';

/** What the orchestrator sets per Frontdesk node: the database (default: SQLite in a fresh data dir), more env. */
export type NodeOptions = { databaseUrl?: string; env?: Record<string, string> };

/** One site: its key and a session cookie for each of its agent accounts, one per agent socket (Frontdesk only). */
export type Team = { siteKey: string; cookies: string[] };

/**
 * Each visitor socket is one conversation; an agent socket (one console) handles `chatsPerAgent`
 * of them, and a site has `agentsPerSite` agent sockets — every message is also broadcast to all of
 * them as `conversation:updated`. One agent socket per visitor would need 40,000 descriptors at
 * 10,000 pairs; the hard limit here is 20,000 per process. Each agent socket is its own agent account
 * (a console of one person). Issue 17: message previews go only to consoles that show the list and to
 * the conversation's agent; the first `listsPerSite` agent sockets of each site show it (default 2 of 4:
 * two agents at the Conversations page, two elsewhere: another page, a phone with a chat open).
 */
export type Topology = { chatsPerAgent: number; agentsPerSite: number; listsPerSite?: number };

/** Issue 17: how many of a site's agent sockets show the conversation list, unless the plan says. */
export const LISTS_PER_SITE = 2;

export type AckedMessages = { conversationId: string; clientIds: string[] }[];

export type LatencySummary = { count: number; p50: number; p95: number; p99: number; max: number };

/** `drainMs` bounds the wait after the measured window for every message to be acked and delivered. */
export type PhaseSpec = { rate: number; warmupMs: number; measureMs: number; drainMs: number };

export type PhaseResult = {
  rate: number;
  pairs: number;
  agentSockets: number;
  measureMs: number;
  /** Messages sent in the measured window, and the rate they were actually sent at. */
  sent: number;
  sentRate: number;
  /** Every message of the phase, warm-up included (for CPU per message). */
  totalSent: number;
  acked: number;
  ackErrors: number;
  ackMissing: number;
  delivered: number;
  /** Acknowledged, yet not delivered to the other side by the end of the drain (bounded wait). */
  lost: number;
  /** Delivered messages per second, counted until the last one arrived. */
  achievedRate: number;
  /** Both directions together. */
  delivery: LatencySummary;
  visitorToAgent: LatencySummary;
  agentToVisitor: LatencySummary;
  ack: LatencySummary;
  /** Load generator CPU use during the phase, 100 = one core. */
  generatorCpuPct: number;
  disconnects: number;
  /**
   * WebSocket frames the server wrote to the generator's sockets during the phase (drain included:
   * coalesced list previews arrive late), per message sent; acks count as frames.
   */
  framesPerMessage: number;
  /** The same, by event name (`ack` for acknowledgements). */
  framesPerMessageByEvent: Record<string, number>;
  /** Failed acks so far in the run, by error code. */
  errorCodes: Record<string, number>;
};
