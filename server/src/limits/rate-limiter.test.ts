import { describe, expect, it } from 'vitest';
import { RateLimiter } from './rate-limiter.ts';

const budget = { burst: 5, perMinute: 60 }; // one token a second

function withClock(maxKeys = 100_000) {
  const clock = { now: 0 };
  return { clock, limiter: new RateLimiter({ maxKeys, floodFactor: 10, clock: () => clock.now }) };
}

describe('RateLimiter', () => {
  it('L2 allows a burst, then refuses with the time until the next token, then refills steadily', () => {
    const { clock, limiter } = withClock();
    for (let i = 0; i < 5; i++) expect(limiter.take('a', budget).ok).toBe(true);
    expect(limiter.take('a', budget)).toEqual({ ok: false, retryAfterMs: 1000, flood: false });
    expect(limiter.take('b', budget).ok).toBe(true);
    clock.now = 400;
    expect(limiter.take('a', budget)).toMatchObject({ ok: false, retryAfterMs: 600 });
    clock.now = 1000;
    expect(limiter.take('a', budget).ok).toBe(true);
    expect(limiter.take('a', budget).ok).toBe(false);
    // A client that keeps to the rate is never refused.
    for (let s = 2; s < 100; s++) {
      clock.now = s * 1000;
      expect(limiter.take('a', budget).ok).toBe(true);
    }
    // Idle time refills up to the burst, not beyond.
    clock.now = 10_000_000;
    for (let i = 0; i < 5; i++) expect(limiter.take('a', budget).ok).toBe(true);
    expect(limiter.take('a', budget).ok).toBe(false);
  });

  it('L2 a refused request spends nothing, and costs above one count as such', () => {
    const { clock, limiter } = withClock();
    expect(limiter.take('a', budget, 4).ok).toBe(true);
    expect(limiter.take('a', budget, 2)).toMatchObject({ ok: false, retryAfterMs: 1000 });
    expect(limiter.take('a', budget, 1).ok).toBe(true);
    clock.now = 2000;
    expect(limiter.take('a', budget, 2).ok).toBe(true);
  });

  it('L2 calls it a flood when refusals worth ten bursts are ignored; backing off clears it', () => {
    const { clock, limiter } = withClock();
    for (let i = 0; i < 5; i++) limiter.take('a', budget);
    const refusals = Array.from({ length: 50 }, () => limiter.take('a', budget));
    expect(refusals.every((r) => !r.ok && !r.flood)).toBe(true);
    expect(limiter.take('a', budget)).toMatchObject({ ok: false, flood: true });
    // A mild overrun (twice the rate, for a long time) never becomes a flood.
    const mild = limiter.take('m', budget);
    expect(mild.ok).toBe(true);
    let floods = 0;
    for (let t = 0; t < 600_000; t += 500) {
      clock.now = t;
      const verdict = limiter.take('m', budget);
      if (!verdict.ok && verdict.flood) floods += 1;
    }
    expect(floods).toBe(0);
    // The flooder who stops is forgiven at the refill rate.
    clock.now = 600_000 + 120_000;
    expect(limiter.take('a', budget).ok).toBe(true);
  });

  it('L3 keeps at most maxKeys buckets under a flood of new keys, forgetting the least recently used', () => {
    const { limiter } = withClock(1000);
    for (let i = 0; i < 5; i++) limiter.take('hot', budget);
    for (let i = 0; i < 100_000; i++) {
      limiter.take(`k${i}`, budget);
      expect(limiter.size).toBeLessThanOrEqual(1000);
      // The active key stays remembered (and limited) while strangers come and go.
      if (i % 400 === 0) expect(limiter.take('hot', budget).ok).toBe(false);
    }
    limiter.reset('hot');
    expect(limiter.take('hot', budget).ok).toBe(true);
    // A key unused while maxKeys others came is forgotten (a fresh budget), never kept forever.
    limiter.take('idle', budget, 5);
    for (let i = 0; i < 1000; i++) limiter.take(`later${i}`, budget);
    expect(limiter.take('idle', budget).ok).toBe(true);
  });
});
