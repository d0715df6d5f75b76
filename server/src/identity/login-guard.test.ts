import { describe, expect, it } from 'vitest';
import { AppError } from '../kernel/errors.ts';
import { LoginGuard } from './login-guard.ts';

const MINUTE = 60_000;
const options = {
  freeFailures: 3,
  firstDelayMs: MINUTE,
  maxDelayMs: 8 * MINUTE,
  windowMs: 15 * MINUTE,
  addressFailuresPerWindow: 10,
  accountFailuresPerWindow: 20,
};

function setup(extra: Partial<typeof options & { maxKeys: number }> = {}) {
  const clock = { now: 0 };
  const guard = new LoginGuard({ ...options, ...extra }, () => clock.now);
  const fail = (account: string, address: string) => guard.begin(account, address).failed();
  const refusal = (account: string, address: string) => {
    try {
      guard.begin(account, address).failed();
      return null;
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      return { code: error.code, retryAfter: error.retryAfter };
    }
  };
  return { clock, guard, fail, refusal };
}

describe('LoginGuard (A9)', () => {
  it('A9 counts before the check: of 20 parallel guesses only the free ones get through', () => {
    const { guard } = setup();
    const outcomes = Array.from({ length: 20 }, () => {
      try {
        return guard.begin('anna@example.com', '10.0.0.1');
      } catch {
        return null;
      }
    });
    expect(outcomes.filter(Boolean)).toHaveLength(options.freeFailures);
  });

  it('A9 after the free failures the wait doubles with each failure, up to the cap, and says how long', () => {
    const { clock, fail, refusal } = setup();
    for (let i = 0; i < 3; i++) fail('a', 'ip');
    expect(refusal('a', 'ip')).toEqual({ code: 'rate_limited', retryAfter: 60 });
    const waits: number[] = [];
    for (let i = 0; i < 5; i++) {
      clock.now += 10 * MINUTE; // long enough for any wait
      fail('a', 'ip');
      waits.push(refusal('a', 'ip')?.retryAfter ?? 0);
    }
    expect(waits).toEqual([120, 240, 480, 480, 480]);
  });

  it('A9 strangers cannot lock the owner out: other addresses and known addresses still get in', () => {
    const { clock, guard, fail, refusal } = setup();
    guard.begin('owner@example.com', 'home').succeeded();
    for (let i = 0; i < 3; i++) fail('owner@example.com', 'attacker');
    expect(refusal('owner@example.com', 'attacker')?.code).toBe('rate_limited');
    expect(() => guard.begin('owner@example.com', 'office').succeeded()).not.toThrow();
    // Many addresses guessing one account: the account cap stops new addresses…
    const refused = Array.from({ length: 30 }, (_, i) => {
      clock.now += 1;
      return refusal('owner@example.com', `bot-${i}`);
    });
    expect(refused.filter(Boolean)).toHaveLength(30 - (options.accountFailuresPerWindow - 3));
    expect(refusal('owner@example.com', 'bot-new')?.code).toBe('rate_limited');
    // …but never the addresses the owner signed in from.
    expect(() => guard.begin('owner@example.com', 'home').succeeded()).not.toThrow();
  });

  it('A9 one address guessing many accounts meets the per-address cap', () => {
    const { fail, refusal } = setup();
    for (let i = 0; i < 10; i++) fail(`user${i}@example.com`, 'guesser');
    expect(refusal('someone-else@example.com', 'guesser')?.code).toBe('rate_limited');
    expect(refusal('someone-else@example.com', 'elsewhere')).toBeNull();
  });

  it('a success clears the pair and does not count against the address', () => {
    const { guard, fail, refusal } = setup();
    fail('a', 'ip');
    fail('a', 'ip');
    guard.begin('a', 'ip').succeeded();
    for (let i = 0; i < 3; i++) fail('a', 'ip');
    expect(refusal('a', 'ip')?.code).toBe('rate_limited');
  });

  it('forgets failures after a quiet window', () => {
    const { clock, fail, refusal } = setup();
    for (let i = 0; i < 3; i++) fail('a', 'ip');
    clock.now += options.windowMs + options.maxDelayMs;
    expect(refusal('a', 'ip')).toBeNull();
    fail('a', 'ip');
    expect(refusal('a', 'ip')).toBeNull();
  });

  it('L3 stays bounded in memory under a flood of new accounts and addresses', () => {
    const { guard, fail } = setup({ maxKeys: 1000 });
    for (let i = 0; i < 100_000; i++)
      fail(`user${i}@example.com`, `10.${i >> 16}.${(i >> 8) & 255}.${i & 255}`);
    expect(guard.size).toBeLessThanOrEqual(4 * 1000);
  });
});
