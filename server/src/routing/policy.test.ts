import { describe, expect, it } from 'vitest';
import { pickAgent, planAssignments, type RoutingCandidate, rankCandidates } from './policy.ts';

const agent = (agentId: string, over: Partial<RoutingCandidate> = {}): RoutingCandidate => ({
  agentId,
  status: 'online',
  load: 0,
  capacity: 2,
  lastAssignedAt: null,
  ...over,
});
const t = (minute: number) => `2026-01-01T09:${String(minute).padStart(2, '0')}:00.000Z`;

describe('routing policy', () => {
  it('capacity: an agent at capacity is skipped; nobody with room means the queue', () => {
    expect(pickAgent([agent('a', { load: 2 }), agent('b', { load: 1, lastAssignedAt: t(5) })])).toBe('b');
    expect(pickAgent([agent('a', { load: 2 }), agent('b', { load: 3 })])).toBeNull();
    expect(pickAgent([])).toBeNull();
  });

  it('away and offline agents get nothing, whatever their load', () => {
    const candidates = [agent('a', { status: 'away' }), agent('b', { status: 'offline' })];
    expect(pickAgent(candidates)).toBeNull();
    expect(pickAgent([...candidates, agent('c', { load: 1, lastAssignedAt: t(59) })])).toBe('c');
  });

  it('fairness: least recently assigned first, never-assigned before all, then load, then id', () => {
    expect(pickAgent([agent('a', { lastAssignedAt: t(10) }), agent('b', { lastAssignedAt: t(5) })])).toBe(
      'b',
    );
    expect(pickAgent([agent('a', { lastAssignedAt: t(1) }), agent('z')])).toBe('z');
    expect(
      rankCandidates([agent('c', { load: 1 }), agent('b'), agent('a', { load: 1 })]).map((c) => c.agentId),
    ).toEqual(['b', 'a', 'c']);
  });

  it('a team target limits the candidates; the sender is excluded', () => {
    const candidates = [
      agent('a'),
      agent('b', { lastAssignedAt: t(1) }),
      agent('c', { lastAssignedAt: t(2) }),
    ];
    expect(pickAgent(candidates, { teamAgentIds: ['b', 'c'] })).toBe('b');
    expect(pickAgent(candidates, { teamAgentIds: ['b', 'c'], excludeAgentId: 'b' })).toBe('c');
    expect(pickAgent(candidates, { teamAgentIds: [] })).toBeNull();
  });

  it('concurrent arrivals: spread round-robin and never beyond any capacity', () => {
    const candidates = [
      agent('a', { capacity: 2 }),
      agent('b', { capacity: 3 }),
      agent('c', { capacity: 1, status: 'away' }),
    ];
    const arrivals = Array.from({ length: 8 }, (_, i) => ({ id: `c${i}` }));
    const plan = planAssignments(candidates, arrivals, (i) => t(10 + i));
    expect(plan.map((p) => p.agentId)).toEqual(['a', 'b', 'a', 'b', 'b', null, null, null]);
    const counts = new Map<string, number>();
    for (const p of plan) if (p.agentId) counts.set(p.agentId, (counts.get(p.agentId) ?? 0) + 1);
    expect(counts.get('a')).toBe(2);
    expect(counts.get('b')).toBe(3);
    expect(counts.has('c')).toBe(false);
    // The input is not changed: the caller's figures stay as storage gave them.
    expect(candidates[0]).toMatchObject({ load: 0, lastAssignedAt: null });
  });
});
