/**
 * Rate limits: the budget of every inbound socket event and HTTP request, written once. The server
 * enforces them (`server/src/limits`); clients only read `retryAfter` from a `rate_limited` error.
 */
import { type AgentClientEvents, EVENTS, type VisitorClientEvents } from './events.ts';

/**
 * A token bucket: up to `burst` at once, refilled at `perMinute`. Spent tokens come back steadily,
 * so a client that keeps to the rate is never refused, and one that bursts waits only as long as
 * it needs (the `retryAfter` of a `rate_limited` error).
 */
export type Budget = { readonly burst: number; readonly perMinute: number };

/** The budget of one inbound socket event. */
export type EventBudget = {
  /** Per identity (a visitor or an agent, all their sockets together) and per socket. */
  readonly identity: Budget;
  /** Per client address (everyone behind it: offices, mobile carriers share one). */
  readonly address?: Budget;
  /** Per site (all its visitors). */
  readonly site?: Budget;
  /**
   * Writes and broadcasts happen at most once per this many ms per identity, the latest value
   * winning; events over the budget are coalesced too (acked ok), never refused.
   */
  readonly coalesceMs?: number;
};

export type RateLimits = {
  /** Refused requests worth this many bursts (net of refill) are a flood: the connection closes. */
  readonly floodFactor: number;
  /** Keys each in-memory limiter keeps at most; the least recently used are forgotten first. */
  readonly maxKeys: number;
  /** Socket handshakes per client address, by namespace. */
  readonly handshake: { readonly visitor: Budget; readonly agent: Budget };
  readonly http: {
    /** Every `/api/*` request, per client address. */
    readonly api: Budget;
    /** `POST /api/v1/visitor/sessions`: new visitor identities, per address and per site. */
    readonly visitorSession: { readonly address: Budget; readonly site: Budget };
    /** Issue 13: attachment uploads, per uploader (visitor or agent) and per client address. */
    readonly upload: { readonly identity: Budget; readonly address: Budget };
    /** Issue 15: public API requests per API token (on top of the per-address `api` budget). */
    readonly apiToken: Budget;
  };
  /** Every inbound event has a budget: the maps are total over the namespaces' event maps. */
  readonly visitor: { readonly [E in keyof VisitorClientEvents]: EventBudget };
  readonly agent: { readonly [E in keyof AgentClientEvents]: EventBudget };
};

/**
 * The default budgets: far above what a person does with the widget or the console (several tabs,
 * a reconnect after a restart, fast page navigation, an outbox flushed after being offline), far
 * below what a script does. Operators scale them all with `RATE_LIMIT_SCALE`.
 */
export const RATE_LIMITS: RateLimits = {
  floodFactor: 10,
  maxKeys: 100_000,
  handshake: { visitor: { burst: 200, perMinute: 600 }, agent: { burst: 30, perMinute: 60 } },
  http: {
    api: { burst: 300, perMinute: 1200 },
    visitorSession: { address: { burst: 30, perMinute: 30 }, site: { burst: 600, perMinute: 600 } },
    // Issue 13: a few files in a row (a batch dropped at once), never a stream of them.
    upload: { identity: { burst: 10, perMinute: 20 }, address: { burst: 30, perMinute: 60 } },
    // Issue 15: an integration's sync loop, not a scraper.
    apiToken: { burst: 120, perMinute: 600 },
  },
  visitor: {
    [EVENTS.sessionInit]: { identity: { burst: 20, perMinute: 60 } },
    [EVENTS.conversationOpen]: { identity: { burst: 20, perMinute: 60 } },
    [EVENTS.messageSend]: {
      identity: { burst: 20, perMinute: 30 },
      address: { burst: 60, perMinute: 120 },
      site: { burst: 600, perMinute: 1200 },
    },
    [EVENTS.messagesSync]: { identity: { burst: 60, perMinute: 240 } },
    [EVENTS.conversationHandoff]: { identity: { burst: 10, perMinute: 20 } },
    [EVENTS.botNotHelpful]: { identity: { burst: 10, perMinute: 20 } },
    [EVENTS.conversationRate]: { identity: { burst: 10, perMinute: 20 } },
    [EVENTS.pageView]: { identity: { burst: 30, perMinute: 60 }, coalesceMs: 1000 },
    // Issue 10: a person leaves a message or two; a script filling the inbox is refused early.
    [EVENTS.offlineMessage]: {
      identity: { burst: 5, perMinute: 5 },
      address: { burst: 20, perMinute: 20 },
      site: { burst: 200, perMinute: 200 },
    },
    // E-mail as a channel (issue 10, mail): a transcript now and then, never a mail cannon.
    [EVENTS.mailTranscript]: { identity: { burst: 3, perMinute: 1 }, address: { burst: 10, perMinute: 5 } },
    // Issue 13: the widget sends at most one typing signal per 2 s and a read mark per second, per
    // tab; a few tabs fit, a script streaming keystrokes does not.
    [EVENTS.typingSet]: { identity: { burst: 10, perMinute: 90 }, site: { burst: 600, perMinute: 6000 } },
    [EVENTS.readMark]: { identity: { burst: 20, perMinute: 120 } },
    // A host page switches language now and then (a language picker), never in a loop.
    [EVENTS.localeSet]: { identity: { burst: 5, perMinute: 10 } },
    // Issue 12 (contacts): a page identifies on load (several tabs, navigation); logout and
    // "delete my history" are rare. Guessing hashes is bounded per address too.
    [EVENTS.contactIdentify]: {
      identity: { burst: 20, perMinute: 30 },
      address: { burst: 60, perMinute: 120 },
    },
    [EVENTS.contactLogout]: { identity: { burst: 5, perMinute: 10 } },
    [EVENTS.contactDeleteHistory]: { identity: { burst: 3, perMinute: 3 } },
  },
  agent: {
    [EVENTS.conversationWatch]: { identity: { burst: 60, perMinute: 300 } },
    [EVENTS.conversationUnwatch]: { identity: { burst: 60, perMinute: 300 } },
    [EVENTS.messageSend]: { identity: { burst: 30, perMinute: 120 } },
    [EVENTS.messagesSync]: { identity: { burst: 60, perMinute: 300 } },
    [EVENTS.conversationTake]: { identity: { burst: 20, perMinute: 60 } },
    [EVENTS.conversationReturn]: { identity: { burst: 20, perMinute: 60 } },
    [EVENTS.conversationResolve]: { identity: { burst: 20, perMinute: 60 } },
    // Issue 17: a console flips it on page changes and, on a phone, opening and closing conversations.
    [EVENTS.listsShow]: { identity: { burst: 30, perMinute: 120 } },
    // Issue 10 (presence): a person switches a few times an hour; idle/activity flips are rarer still.
    [EVENTS.presenceSet]: { identity: { burst: 10, perMinute: 20 } },
    // Issue 14: a handful of hand-overs in a row, never a stream.
    [EVENTS.conversationTransfer]: { identity: { burst: 10, perMinute: 30 } },
    // Issue 13: as for visitors; an agent types in one conversation at a time.
    [EVENTS.typingSet]: { identity: { burst: 10, perMinute: 90 } },
    [EVENTS.readMark]: { identity: { burst: 30, perMinute: 240 } },
  },
};
