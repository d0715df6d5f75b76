import { LIMITS } from '@frontdesk/shared';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MemoryPresence, type PresenceChange } from './presence.ts';

describe('MemoryPresence', () => {
  let presence: MemoryPresence;
  let changes: PresenceChange[];
  beforeEach(() => {
    vi.useFakeTimers();
    presence = new MemoryPresence();
    changes = [];
    presence.onChange((c) => changes.push(c));
  });
  afterEach(() => {
    presence.close();
    vi.useRealTimers();
  });

  const anna = { id: 'anna', siteIds: ['s1', 's2'] };
  const ben = { id: 'ben', siteIds: ['s1'] };

  it('only online agents count, each once however many tabs', async () => {
    await presence.socketOpened(anna, 't1');
    await presence.socketOpened(anna, 't2');
    await presence.socketOpened(ben, 't3');
    expect(await presence.agentsOnline('s1')).toBe(2);
    expect(await presence.agentsOnline('s2')).toBe(1);
    expect(await presence.setStatus('ben', 'away')).toBe('away');
    expect(await presence.agentsOnline('s1')).toBe(1);
    expect(await presence.ofSite('s1')).toEqual([
      { agentId: 'anna', status: 'online' },
      { agentId: 'ben', status: 'away' },
    ]);
    expect(changes.map((c) => [c.agentId, c.status])).toEqual([
      ['anna', 'online'],
      ['ben', 'online'],
      ['ben', 'away'],
    ]);
  });

  it('offline only after the grace period once the last tab closed; a reload does not flap', async () => {
    await presence.socketOpened(anna, 't1');
    await presence.setStatus('anna', 'away');
    await presence.socketClosed('anna', 't1');
    vi.advanceTimersByTime(LIMITS.presenceOfflineGraceMs - 1);
    // Reloaded within the grace: still away (their choice survives the reload), no offline sent.
    expect(await presence.socketOpened(anna, 't2')).toBe('away');
    vi.advanceTimersByTime(LIMITS.presenceOfflineGraceMs * 2);
    expect(changes.map((c) => c.status)).toEqual(['online', 'away']);

    await presence.socketClosed('anna', 't2');
    vi.advanceTimersByTime(LIMITS.presenceOfflineGraceMs);
    expect(changes.at(-1)).toEqual({ agentId: 'anna', status: 'offline', siteIds: ['s1', 's2'] });
    expect(await presence.ofSite('s1')).toEqual([]);
    // Coming back after being offline starts online.
    expect(await presence.socketOpened(anna, 't3')).toBe('online');
  });

  it('closing one of two tabs changes nothing', async () => {
    await presence.socketOpened(anna, 't1');
    await presence.socketOpened(anna, 't2');
    await presence.socketClosed('anna', 't1');
    vi.advanceTimersByTime(LIMITS.presenceOfflineGraceMs * 2);
    expect(await presence.agentsOnline('s1')).toBe(1);
    expect(changes).toHaveLength(1);
  });

  it('an agent who joins a site while signed in (an admin creating it) counts there at once', async () => {
    await presence.socketOpened(ben, 't1');
    expect(await presence.agentsOnline('s9')).toBe(0);
    await presence.sitesJoined('ben', ['s1', 's9']);
    expect(await presence.agentsOnline('s9')).toBe(1);
    expect(changes.at(-1)).toEqual({ agentId: 'ben', status: 'online', siteIds: ['s9'] });
    await presence.sitesJoined('nobody', ['s9']);
    expect(await presence.agentsOnline('s9')).toBe(1);
  });

  it('an agent with no socket cannot set a status', async () => {
    expect(await presence.setStatus('ghost', 'online')).toBe('offline');
    expect(await presence.agentsOnline('s1')).toBe(0);
  });

  it('issue 11: each change is reported with its kind, synchronously, and the state here can be read', async () => {
    const kinds: string[] = [];
    presence.onChange((_, kind) => kinds.push(kind));
    // Reported inside the call: a wrapper knows which call made the change.
    void presence.socketOpened(ben, 't1');
    expect(kinds).toEqual(['opened']);
    void presence.sitesJoined('ben', ['s9']);
    void presence.setStatus('ben', 'away');
    expect(kinds).toEqual(['opened', 'sites', 'status']);
    expect(presence.stateOf('ben')).toEqual({ status: 'away', siteIds: ['s1', 's9'] });
    await presence.socketClosed('ben', 't1');
    expect(presence.stateOf('ben')).toBeDefined(); // within the grace
    vi.advanceTimersByTime(LIMITS.presenceOfflineGraceMs);
    expect(kinds).toEqual(['opened', 'sites', 'status', 'offline']);
    expect(presence.stateOf('ben')).toBeUndefined();
  });

  it('issue 11: a first socket may start with a status known elsewhere; a later socket keeps the one here', async () => {
    expect(await presence.socketOpened(anna, 't1', 'away')).toBe('away');
    expect(changes.at(-1)).toEqual({ agentId: 'anna', status: 'away', siteIds: ['s1', 's2'] });
    expect(await presence.agentsOnline('s1')).toBe(0);
    expect(await presence.socketOpened(anna, 't2', 'online')).toBe('away');
  });
});
