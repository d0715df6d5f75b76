import { describe, expect, it } from 'vitest';
import { createLogger } from '../kernel/logger.ts';
import { routingStatus } from '../routing/candidates.ts';
import { AgentStatus, storedAwayAfter } from './agent-status.ts';
import { MemoryPresence } from './presence.ts';

/** The storage side as a map (the real engines are covered by the storage contract suite). */
function awayStore() {
  const away = new Map<string, boolean>();
  return {
    away,
    agentAway: async (id: string) => away.get(id) ?? false,
    setAgentAway: async (id: string, value: boolean) => {
      away.set(id, value);
    },
  };
}

describe('away persisted (issue 14)', () => {
  it('stores a chosen away and any online; an automatic away keeps what is stored', () => {
    expect(storedAwayAfter({ status: 'away' })).toBe(true);
    expect(storedAwayAfter({ status: 'away', auto: true })).toBeNull();
    expect(storedAwayAfter({ status: 'online' })).toBe(false);
    expect(storedAwayAfter({ status: 'online', auto: true })).toBe(false);
  });

  it('routing goes by the stored away when presence says online; offline stays offline', () => {
    expect(routingStatus('online', true)).toBe('away');
    expect(routingStatus('online', false)).toBe('online');
    expect(routingStatus('away', false)).toBe('away');
    expect(routingStatus('offline', true)).toBe('offline');
  });

  it('a first socket starts with the stored status; a chosen status is stored and made live', async () => {
    const store = awayStore();
    const presence = new MemoryPresence();
    const status = new AgentStatus({ store, presence, logger: createLogger('silent') });
    const agent = { id: 'a', siteIds: ['s'] };
    expect(await status.opened(agent, 'x1')).toBe('online');
    expect(await status.set('a', { status: 'away' })).toBe('away');
    expect(store.away.get('a')).toBe(true);
    presence.close();

    // A restarted node: nothing in memory, the stored Away comes back with the first socket.
    const restarted = new MemoryPresence();
    const again = new AgentStatus({ store, presence: restarted, logger: createLogger('silent') });
    expect(await again.opened(agent, 'x2')).toBe('away');
    expect(await restarted.ofSite('s')).toEqual([{ agentId: 'a', status: 'away' }]);
    expect(await again.set('a', { status: 'online' })).toBe('online');
    expect(store.away.get('a')).toBe(false);
    restarted.close();
  });

  it('storage unreachable on connect (D6): the socket still joins presence, with what the nodes know', async () => {
    const presence = new MemoryPresence();
    const lines: string[] = [];
    const logger = createLogger('warn', { write: (line: string) => void lines.push(line) });
    const status = new AgentStatus({
      store: {
        agentAway: async () => {
          throw new Error('connection refused');
        },
        setAgentAway: async () => {},
      },
      presence,
      logger,
    });
    expect(await status.opened({ id: 'a', siteIds: ['s'] }, 'x1')).toBe('online');
    expect(await presence.ofSite('s')).toEqual([{ agentId: 'a', status: 'online' }]);
    expect(lines.join('')).toContain('stored status not read');
    presence.close();
  });
});
