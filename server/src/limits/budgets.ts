/**
 * The shared budgets (`RATE_LIMITS`) applied: one limiter per scope (identities, addresses, sites),
 * each bounded, plus a small one per socket. Every check is a few map operations, no I/O, so it sits
 * on the hot path of every message.
 */
import type { Budget, EventBudget, RateLimits } from '@frontdesk/shared';
import { AppError } from '../kernel/errors.ts';
import { RateLimiter, type Verdict } from './rate-limiter.ts';

/** Who sent a socket event. Keys are namespaced by the caller (`v:<id>`, `a:<id>`). */
export type Sender = {
  /** This socket's own buckets (from `Budgets.forSocket`): opening more sockets never adds budget. */
  socket: RateLimiter;
  identity: string;
  /** `addressKey` of the client address. */
  address: string;
  site: string | null;
};

export class Budgets {
  private readonly identities: RateLimiter;
  private readonly addresses: RateLimiter;
  private readonly sites: RateLimiter;

  constructor(
    readonly limits: RateLimits,
    private readonly clock?: () => number,
  ) {
    const options = { maxKeys: limits.maxKeys, floodFactor: limits.floodFactor, ...(clock ? { clock } : {}) };
    this.identities = new RateLimiter(options);
    this.addresses = new RateLimiter(options);
    this.sites = new RateLimiter(options);
  }

  /** Buckets for one socket: at most one per event of its namespace. */
  forSocket(): RateLimiter {
    return new RateLimiter({
      maxKeys: 64,
      floodFactor: this.limits.floodFactor,
      ...(this.clock ? { clock: this.clock } : {}),
    });
  }

  /**
   * Socket, identity, address, site, in that order; the first refusal wins. Only the sender's own
   * buckets (socket, identity) can call a flood: a busy office or site is never "flooding".
   */
  event(event: string, budget: EventBudget, sender: Sender): Verdict {
    const own = sender.socket.take(event, budget.identity);
    if (!own.ok) return own;
    const identity = this.identities.take(`${event}|${sender.identity}`, budget.identity);
    if (!identity.ok) return identity;
    if (budget.address) {
      const verdict = this.addresses.take(`${event}|${sender.address}`, budget.address);
      if (!verdict.ok) return { ...verdict, flood: false };
    }
    if (budget.site && sender.site) {
      const verdict = this.sites.take(`${event}|${sender.site}`, budget.site);
      if (!verdict.ok) return { ...verdict, flood: false };
    }
    return identity;
  }

  handshake(namespace: keyof RateLimits['handshake'], address: string): Verdict {
    return this.addresses.take(`handshake:${namespace}|${address}`, this.limits.handshake[namespace]);
  }

  /** Any `/api/*` request. */
  api(address: string): Verdict {
    return this.addresses.take(`api|${address}`, this.limits.http.api);
  }

  visitorSessionFrom(address: string): Verdict {
    return this.addresses.take(`session|${address}`, this.limits.http.visitorSession.address);
  }

  visitorSessionFor(siteId: string): Verdict {
    return this.sites.take(`session|${siteId}`, this.limits.http.visitorSession.site);
  }

  /** Issue 13: an attachment upload by `identity` (`v:<id>`, `a:<id>`) from `address`; counted before the body is read. */
  upload(identity: string, address: string): Verdict {
    const own = this.identities.take(`upload|${identity}`, this.limits.http.upload.identity);
    if (!own.ok) return own;
    return this.addresses.take(`upload|${address}`, this.limits.http.upload.address);
  }

  /** Issue 15: a public API request with this API token. */
  apiToken(tokenId: string): Verdict {
    return this.identities.take(`api-token|${tokenId}`, this.limits.http.apiToken);
  }

  /** Keys held, per scope (for tests and metrics). */
  get sizes() {
    return { identities: this.identities.size, addresses: this.addresses.size, sites: this.sites.size };
  }
}

/** The `rate_limited` error for a refusal, with whole seconds to wait. */
export function rateLimited(verdict: Verdict, what: string): AppError {
  const retryAfter = verdict.ok ? 1 : Math.max(1, Math.ceil(verdict.retryAfterMs / 1000));
  return new AppError('rate_limited', `too many ${what}; try again in ${retryAfter} s`, { retryAfter });
}

const scaled = (budget: Budget, factor: number): Budget => ({
  burst: Math.max(1, Math.round(budget.burst * factor)),
  perMinute: budget.perMinute * factor,
});

const scaledEvents = <K extends string>(events: { readonly [E in K]: EventBudget }, factor: number) => {
  const out = {} as { [E in K]: EventBudget };
  for (const name of Object.keys(events) as K[]) {
    const { identity, address, site, coalesceMs } = events[name];
    out[name] = {
      identity: scaled(identity, factor),
      ...(address ? { address: scaled(address, factor) } : {}),
      ...(site ? { site: scaled(site, factor) } : {}),
      ...(coalesceMs === undefined ? {} : { coalesceMs }),
    };
  }
  return out;
};

/** Every budget times `factor` (bursts and rates; intervals, flood factor and map bounds stay). */
export function scaleRateLimits(limits: RateLimits, factor: number): RateLimits {
  if (factor === 1) return limits;
  return {
    ...limits,
    handshake: {
      visitor: scaled(limits.handshake.visitor, factor),
      agent: scaled(limits.handshake.agent, factor),
    },
    http: {
      api: scaled(limits.http.api, factor),
      visitorSession: {
        address: scaled(limits.http.visitorSession.address, factor),
        site: scaled(limits.http.visitorSession.site, factor),
      },
      upload: {
        identity: scaled(limits.http.upload.identity, factor),
        address: scaled(limits.http.upload.address, factor),
      },
      apiToken: scaled(limits.http.apiToken, factor),
    },
    visitor: scaledEvents(limits.visitor, factor),
    agent: scaledEvents(limits.agent, factor),
  };
}
