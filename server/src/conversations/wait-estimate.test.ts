import { describe, expect, it } from 'vitest';
import { QUICK_WAITS_S, RECORDED_WAITS_S } from './fixtures/recorded-waits.ts';
import { estimateWait, quantile } from './wait-estimate.ts';

const ms = (seconds: readonly number[]) => seconds.map((s) => s * 1000);
const recorded = ms(RECORDED_WAITS_S);

describe('wait estimate (fed with recorded waits)', () => {
  it('quartiles of the recorded week: about 1–2 minutes at the head of the queue', () => {
    const sorted = [...RECORDED_WAITS_S].sort((a, b) => a - b);
    expect(quantile(sorted, 0.25)).toBeCloseTo(66.25, 2);
    expect(quantile(sorted, 0.75)).toBeCloseTo(101.25, 2);
    expect(estimateWait({ waitsMs: recorded, agentsOnline: 2, assigned: 1, position: 1 })).toEqual({
      minMinutes: 1,
      maxMinutes: 2,
    });
  });

  it('grows with the position: two agents take two visitors per round', () => {
    const at = (position: number) =>
      estimateWait({ waitsMs: recorded, agentsOnline: 2, assigned: 0, position });
    expect(at(2)).toEqual(at(1));
    // Third and fourth in line wait two rounds: 132.5 s … 202.5 s.
    expect(at(3)).toEqual({ minMinutes: 2, maxMinutes: 4 });
    expect(at(6)).toEqual({ minMinutes: 3, maxMinutes: 6 });
  });

  it('fewer agents online: a longer wait for the same place', () => {
    const two = estimateWait({ waitsMs: recorded, agentsOnline: 2, assigned: 0, position: 4 });
    const one = estimateWait({ waitsMs: recorded, agentsOnline: 1, assigned: 0, position: 4 });
    expect(one?.maxMinutes).toBeGreaterThan(two?.maxMinutes ?? Number.POSITIVE_INFINITY);
  });

  it('busy agents (three chats each) stretch the range by their load', () => {
    expect(estimateWait({ waitsMs: recorded, agentsOnline: 1, assigned: 3, position: 1 })).toEqual({
      minMinutes: 3,
      maxMinutes: 6,
    });
  });

  it('a quick team: less than a minute', () => {
    expect(estimateWait({ waitsMs: ms(QUICK_WAITS_S), agentsOnline: 1, assigned: 0, position: 1 })).toEqual({
      minMinutes: 0,
      maxMinutes: 0,
    });
  });

  it('no agent online: no estimate', () => {
    expect(estimateWait({ waitsMs: recorded, agentsOnline: 0, assigned: 0, position: 1 })).toBeNull();
  });

  it('too few recent take-overs: no estimate rather than a guess', () => {
    expect(
      estimateWait({ waitsMs: recorded.slice(0, 4), agentsOnline: 2, assigned: 0, position: 1 }),
    ).toBeNull();
    expect(estimateWait({ waitsMs: [], agentsOnline: 2, assigned: 0, position: 1 })).toBeNull();
  });

  it('the range is never empty and its ends are whole minutes', () => {
    for (let position = 1; position <= 20; position++) {
      const e = estimateWait({ waitsMs: recorded, agentsOnline: 3, assigned: 5, position });
      expect(e).not.toBeNull();
      if (!e) continue;
      expect(Number.isInteger(e.minMinutes) && Number.isInteger(e.maxMinutes)).toBe(true);
      expect(e.maxMinutes).toBeGreaterThan(e.minMinutes);
    }
  });
});
