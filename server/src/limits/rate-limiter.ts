/**
 * Token buckets by key, in memory, bounded. One small limiter for every budget in the server
 * (socket events, handshakes, HTTP, visitor sessions): `take(key, budget)` is O(1), makes no I/O,
 * and never holds more than `maxKeys` buckets. Keys live in two generations of `maxKeys / 2`: when
 * the young one is full it becomes the old one and the old one is dropped whole; a key used while
 * old moves back to the young one. So a key is forgotten only after `maxKeys / 2` other keys came
 * and it was not used meanwhile — no per-key deletes or ordered scans, which V8 maps do badly at
 * this size (reordering a 100 000-key map on every access measured ~100 µs per call).
 */
import type { Budget } from '@frontdesk/shared';

export type Verdict =
  | { readonly ok: true }
  | {
      readonly ok: false;
      /** How long until `cost` tokens are back. */
      readonly retryAfterMs: number;
      /** Refusals ignored worth `floodFactor` bursts: not a client that backs off. */
      readonly flood: boolean;
    };

export type RateLimiterOptions = {
  /** Most buckets kept; past it the least recently used bucket is forgotten (default 100 000). */
  maxKeys?: number;
  /** Refused cost, net of refill, past `floodFactor × burst` is a flood (default 10). */
  floodFactor?: number;
  /** Milliseconds, monotonic; injected in tests. */
  clock?: () => number;
};

type Bucket = { tokens: number; excess: number; at: number };

const OK: Verdict = { ok: true };

export class RateLimiter {
  private young = new Map<string, Bucket>();
  private old = new Map<string, Bucket>();
  private readonly generation: number;
  private readonly floodFactor: number;
  private readonly clock: () => number;

  constructor(options: RateLimiterOptions = {}) {
    this.generation = Math.max(1, Math.floor((options.maxKeys ?? 100_000) / 2));
    this.floodFactor = options.floodFactor ?? 10;
    this.clock = options.clock ?? (() => performance.now());
  }

  /** Spends `cost` tokens of `key`'s bucket, or refuses (spending nothing) and says when to retry. */
  take(key: string, budget: Budget, cost = 1): Verdict {
    const now = this.clock();
    let bucket = this.young.get(key);
    if (!bucket) {
      bucket = this.old.get(key);
      if (bucket) this.old.delete(key);
      else bucket = { tokens: budget.burst, excess: 0, at: now };
      this.keep(key, bucket);
    }
    const refill = (Math.max(0, now - bucket.at) * budget.perMinute) / 60_000;
    bucket.tokens = Math.min(budget.burst, bucket.tokens + refill);
    bucket.excess = Math.max(0, bucket.excess - refill);
    bucket.at = now;
    if (bucket.tokens >= cost) {
      bucket.tokens -= cost;
      return OK;
    }
    bucket.excess += cost;
    return {
      ok: false,
      retryAfterMs: Math.ceil(((cost - bucket.tokens) * 60_000) / budget.perMinute),
      flood: bucket.excess > this.floodFactor * budget.burst,
    };
  }

  /** Forgets a key (e.g. after a successful login, its failures no longer count). */
  reset(key: string): void {
    this.young.delete(key);
    this.old.delete(key);
  }

  /** Buckets held (at most `maxKeys`). */
  get size(): number {
    return this.young.size + this.old.size;
  }

  private keep(key: string, bucket: Bucket) {
    if (this.young.size >= this.generation) {
      this.old = this.young;
      this.young = new Map();
    }
    this.young.set(key, bucket);
  }
}
