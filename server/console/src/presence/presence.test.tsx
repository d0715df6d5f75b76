/** Issue 10 (presence) in the console: the header's status switch, the idle watcher, the team line. */
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { agentAccount } from '../testing/memory-admin.ts';
import { ADMIN, createMemoryClient } from '../testing/memory-client.ts';
import { renderApp } from '../testing/render.tsx';
import { watchIdle } from './presence-store.ts';

afterEach(() => {
  cleanup();
  localStorage.clear();
});

describe('status switch', () => {
  it('shows the agent online and sets away over the socket', async () => {
    const client = createMemoryClient();
    renderApp(client);
    const status = (await screen.findByLabelText('Status')) as HTMLSelectElement;
    expect(status.value).toBe('online');
    await waitFor(() => expect(client.handlers()).toBeTruthy());
    fireEvent.change(status, { target: { value: 'away' } });
    await waitFor(() => expect(client.presenceSets).toEqual([{ status: 'away' }]));
    expect(status.value).toBe('away');
    expect([...status.options].map((o) => o.textContent)).toEqual(['Online', 'Away']);
  });

  it('speaks Polish', async () => {
    renderApp(createMemoryClient(), 'pl');
    const status = (await screen.findByLabelText('Status')) as HTMLSelectElement;
    expect([...status.options].map((o) => o.textContent)).toEqual(['Dostępny(-a)', 'Zaraz wracam']);
  });
});

describe('idle watcher', () => {
  it('idle after the time without input, active again on the next input, then re-armed', () => {
    vi.useFakeTimers();
    try {
      const target = new EventTarget();
      const seen: string[] = [];
      const stop = watchIdle(
        {
          target,
          setTimeout: (fn, ms) => setTimeout(fn, ms),
          clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
          idleMs: 1000,
        },
        { idle: () => seen.push('idle'), active: () => seen.push('active') },
      );
      vi.advanceTimersByTime(999);
      target.dispatchEvent(new Event('keydown'));
      vi.advanceTimersByTime(999);
      expect(seen).toEqual([]);
      vi.advanceTimersByTime(1);
      expect(seen).toEqual(['idle']);
      target.dispatchEvent(new Event('pointermove'));
      target.dispatchEvent(new Event('pointermove'));
      expect(seen).toEqual(['idle', 'active']);
      vi.advanceTimersByTime(1000);
      expect(seen).toEqual(['idle', 'active', 'idle']);
      stop();
      target.dispatchEvent(new Event('keydown'));
      vi.advanceTimersByTime(5000);
      expect(seen).toEqual(['idle', 'active', 'idle']);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('agents table', () => {
  it('shows each agent’s status as the server tells it (absent: offline)', async () => {
    location.hash = '#/agents';
    const client = createMemoryClient({
      agent: ADMIN,
      admin: { agents: [agentAccount(ADMIN.id, { name: ADMIN.name }), agentAccount('a2', { name: 'Ben' })] },
    });
    renderApp(client);
    const table = await screen.findByRole('table');
    await waitFor(() => expect(client.handlers()).toBeTruthy());
    client.handlers().presenceChanged?.({ agentId: ADMIN.id, status: 'away' });
    const row = (name: string) =>
      within(table)
        .getByRole('rowheader', { name: new RegExp(name) })
        .closest('tr') as HTMLElement;
    await waitFor(() => expect(within(row(ADMIN.name)).queryByText('Away')).not.toBeNull());
    expect(within(row('Ben')).queryByText('Offline')).not.toBeNull();
    location.hash = '';
  });
});
