/**
 * Login throttling (TESTPLAN A9), counted before the slow password hash so that parallel guesses
 * are refused, not checked. Three counters, in memory and bounded:
 * - account + address: a few free failures, then a wait that doubles with every further failure;
 *   this is what a mistyping owner meets, and what stops one guesser at one account;
 * - address: a cap per window on failures for any account (one guesser trying many accounts);
 * - account, only for addresses that never signed in to it: a cap per window (many addresses
 *   guessing one account) that can never lock the owner out of the places they work from.
 */
import { LIMITS } from '@frontdesk/shared';
import { AppError } from '../kernel/errors.ts';

/** The limits (`LIMITS.login` by default) and how many keys each counter may hold. */
export type LoginGuardOptions = { [K in keyof typeof LIMITS.login]: number } & { maxKeys: number };
type Options = LoginGuardOptions;

type Backoff = { failures: number; lastFailureAt: number };
type Window = { failures: number; resetAt: number };

export type LoginAttempt = {
  /** The password was right: the attempt no longer counts, and the address becomes known. */
  succeeded(): void;
  /** The password was wrong (or the account unusable): the attempt stays counted. */
  failed(): void;
};

/** Issue 11 (redis): what sign-in needs of a guard, in memory (`LoginGuard`) or shared by the nodes. */
export type LoginThrottle = { begin(account: string, address: string): LoginAttempt | Promise<LoginAttempt> };

/** The refusal when a counter says wait (one wording for every guard). */
export function loginThrottled(waitMs: number): AppError {
  const minutes = Math.ceil(waitMs / 60_000);
  return new AppError(
    'rate_limited',
    `too many failed sign-ins, try again in ${minutes} minute${minutes === 1 ? '' : 's'}`,
    { retryAfter: Math.ceil(waitMs / 1000) },
  );
}

/** A Map that forgets its oldest entries beyond `max`, so a flood of new keys cannot grow memory. */
class BoundedMap<V> extends Map<string, V> {
  constructor(private readonly max: number) {
    super();
  }
  override set(key: string, value: V): this {
    if (!this.has(key) && this.size >= this.max) this.delete(this.keys().next().value as string);
    return super.set(key, value);
  }
}

export class LoginGuard implements LoginThrottle {
  private readonly pairs: BoundedMap<Backoff>;
  private readonly addresses: BoundedMap<Window>;
  private readonly accounts: BoundedMap<Window>;
  /** Addresses each account has signed in from (most recent last, a few per account). */
  private readonly known: BoundedMap<string[]>;
  private readonly options: Options;

  constructor(
    options: Partial<Options> = {},
    private readonly clock: () => number = Date.now,
  ) {
    this.options = { ...LIMITS.login, maxKeys: 100_000, ...options };
    this.pairs = new BoundedMap(this.options.maxKeys);
    this.addresses = new BoundedMap(this.options.maxKeys);
    this.accounts = new BoundedMap(this.options.maxKeys);
    this.known = new BoundedMap(this.options.maxKeys);
  }

  /** Memory held, for tests and metrics: entries across all counters. */
  get size(): number {
    return this.pairs.size + this.addresses.size + this.accounts.size + this.known.size;
  }

  /**
   * Counts an attempt before the password is checked; throws `rate_limited` (with the seconds to
   * wait) when any counter says no. The caller reports the outcome on the returned attempt.
   */
  begin(account: string, address: string): LoginAttempt {
    const now = this.clock();
    const pairKey = `${account}\n${address}`;
    const knownAddress = this.known.get(account)?.includes(address) ?? false;
    const pair = this.currentPair(pairKey, now);
    const waits = [
      this.backoffWait(pair, now),
      this.windowWait(this.addresses.get(address), this.options.addressFailuresPerWindow, now),
      knownAddress
        ? 0
        : this.windowWait(this.accounts.get(account), this.options.accountFailuresPerWindow, now),
    ];
    const waitMs = Math.max(...waits);
    if (waitMs > 0) throw loginThrottled(waitMs);
    this.pairs.set(pairKey, { failures: (pair?.failures ?? 0) + 1, lastFailureAt: now });
    const undoAddress = this.count(this.addresses, address, now);
    const undoAccount = knownAddress ? () => {} : this.count(this.accounts, account, now);
    let settled = false;
    return {
      succeeded: () => {
        if (settled) return;
        settled = true;
        this.pairs.delete(pairKey);
        undoAddress();
        undoAccount();
        const addresses = (this.known.get(account) ?? []).filter((a) => a !== address);
        this.known.set(account, [...addresses, address].slice(-10));
      },
      failed: () => {
        settled = true;
      },
    };
  }

  /** The pair's failures, forgotten after a window with none (the slate is clean again). */
  private currentPair(key: string, now: number): Backoff | undefined {
    const entry = this.pairs.get(key);
    if (entry && now - entry.lastFailureAt >= this.options.windowMs + this.options.maxDelayMs) {
      this.pairs.delete(key);
      return undefined;
    }
    return entry;
  }

  /** Free failures cost nothing; each one after them doubles the wait, from the first delay to the cap. */
  private backoffWait(entry: Backoff | undefined, now: number): number {
    if (!entry) return 0;
    const over = entry.failures - this.options.freeFailures;
    if (over < 0) return 0;
    const delay = Math.min(this.options.maxDelayMs, this.options.firstDelayMs * 2 ** over);
    return Math.max(0, entry.lastFailureAt + delay - now);
  }

  private windowWait(entry: Window | undefined, limit: number, now: number): number {
    if (!entry || entry.resetAt <= now || entry.failures < limit) return 0;
    return entry.resetAt - now;
  }

  /** Counts one failure in a window counter; returns how to take it back. */
  private count(map: BoundedMap<Window>, key: string, now: number): () => void {
    const entry = map.get(key);
    const next =
      !entry || entry.resetAt <= now
        ? { failures: 1, resetAt: now + this.options.windowMs }
        : { failures: entry.failures + 1, resetAt: entry.resetAt };
    map.set(key, next);
    return () => {
      const current = map.get(key);
      if (current && current.resetAt === next.resetAt && current.failures > 0) {
        map.set(key, { ...current, failures: current.failures - 1 });
      }
    };
  }
}
