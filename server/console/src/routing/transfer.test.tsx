/** Issue 14 in the console: the transfer button and dialog, refusals in words, and transfer notices. */
import type { AgentConversation, Locale, RoutingOverview, Team, TransferNotice } from '@frontdesk/shared';
import type { Reply } from '@frontdesk/shared/client';
import type { TransferInput } from '@frontdesk/shared/routing-schemas';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ConsoleClient } from '../app/client.ts';
import { I18nContext, makeI18n } from '../app/i18n.ts';
import type { RealtimeHandlers } from '../conversations/realtime/index.ts';
import { conversation } from '../testing/fixtures.ts';
import { RoutingContext, type RoutingContextValue } from './context.ts';
import { createRoutingStore } from './routing-store.ts';
import { TransferButton } from './TransferButton.tsx';
import { TransferNotices } from './TransferNotices.tsx';

afterEach(cleanup);

const overview: RoutingOverview = {
  settings: { mode: 'auto', defaultCapacity: 3, offlineReturnMinutes: 2 },
  agents: [
    { agentId: 'me', name: 'Ben', capacity: null, load: 1 },
    { agentId: 'a1', name: 'Anna', capacity: 2, load: 2 },
    { agentId: 'a2', name: 'Carl', capacity: null, load: 0 },
  ],
};
const teams: Team[] = [{ id: 't1', siteId: 's1', name: 'Billing', agentIds: ['a2'] }];
const mine = conversation('c1', { state: 'assigned', agentId: 'me', agentName: 'Ben', siteId: 's1' });

function setup(reply: Reply<AgentConversation>, locale: Locale = 'en') {
  const transfer = vi.fn(async (_input: TransferInput) => reply);
  const store = { ...createRoutingStore(), transfer };
  const value: RoutingContextValue = {
    store,
    api: {
      getRouting: async () => ({ ok: true, data: overview }),
      listTeams: async () => ({ ok: true, data: teams }),
    },
    presence: { a1: 'online', a2: 'away' },
  };
  render(
    <I18nContext.Provider value={makeI18n(locale)}>
      <RoutingContext.Provider value={value}>
        <TransferButton conversation={mine} meId="me" />
      </RoutingContext.Provider>
    </I18nContext.Provider>,
  );
  return { transfer };
}

describe('transfer dialog', () => {
  it('lists the other agents with status and load, and the teams; sends the choice with the note', async () => {
    const { transfer } = setup({ ok: true, data: { ...mine, agentId: 'a2', agentName: 'Carl' } });
    fireEvent.click(screen.getByRole('button', { name: 'Transfer' }));
    const dialog = await screen.findByRole('dialog', { name: 'Transfer the conversation' });
    const select = (await within(dialog).findByLabelText('Transfer to')) as HTMLSelectElement;
    expect([...select.options].map((o) => o.textContent)).toEqual([
      '—',
      'Anna (Online, 2/2)',
      'Carl (Away, 0/3)',
      'Team Billing',
    ]);
    fireEvent.change(select, { target: { value: 'team:t1' } });
    fireEvent.input(within(dialog).getByLabelText('Private note for the receiver (optional)'), {
      target: { value: '  Invoice 17  ' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Transfer' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(transfer).toHaveBeenCalledWith({
      conversationId: 'c1',
      to: { type: 'team', teamId: 't1' },
      note: 'Invoice 17',
    });
  });

  it('a refusal stays in the dialog, in words', async () => {
    setup({ ok: false, error: { code: 'agent_at_capacity', message: 'full' } });
    fireEvent.click(screen.getByRole('button', { name: 'Transfer' }));
    const select = await screen.findByLabelText('Transfer to');
    fireEvent.change(select, { target: { value: 'agent:a1' } });
    fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Transfer' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'That agent already has as many conversations as their capacity.',
    );
    expect(screen.getByRole('dialog')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('speaks Polish', async () => {
    setup({ ok: false, error: { code: 'agent_unavailable', message: 'away' } }, 'pl');
    fireEvent.click(screen.getByRole('button', { name: 'Przekaż' }));
    const select = await screen.findByLabelText('Przekaż do');
    fireEvent.change(select, { target: { value: 'agent:a2' } });
    fireEvent.click(
      within(screen.getByRole('dialog', { name: 'Przekaż rozmowę' })).getByRole('button', {
        name: 'Przekaż',
      }),
    );
    expect((await screen.findByRole('alert')).textContent).toBe('Ten konsultant nie jest dostępny.');
  });

  it('shows no button for a conversation that is not the agent’s own', () => {
    render(
      <RoutingContext.Provider value={null}>
        <TransferButton conversation={mine} meId="me" />
      </RoutingContext.Provider>,
    );
    expect(screen.queryByRole('button')).toBeNull();
    cleanup();
    const store = createRoutingStore();
    render(
      <RoutingContext.Provider
        value={{ store, api: { getRouting: vi.fn(), listTeams: vi.fn() }, presence: {} }}
      >
        <TransferButton conversation={{ ...mine, agentId: 'someone' }} meId="me" />
      </RoutingContext.Provider>,
    );
    expect(screen.queryByRole('button')).toBeNull();
  });
});

describe('transfer notices', () => {
  it('a pushed notice shows with its note; Open opens the conversation and dismisses it', async () => {
    const store = createRoutingStore();
    let handlers: RealtimeHandlers | null = null;
    const client = {
      connect: (h: RealtimeHandlers) => {
        handlers = h;
        return {} as ReturnType<ConsoleClient['connect']>;
      },
    } as unknown as ConsoleClient;
    const noop = () => {};
    store.wrap(client).connect({
      conversationUpdated: noop,
      messageNew: noop,
      sessionEnded: noop,
      connected: noop,
      disconnected: noop,
      refused: noop,
    });
    const onOpen = vi.fn();
    render(<TransferNotices store={store} onOpen={onOpen} />);
    const notice: TransferNotice = {
      conversation: { ...mine, visitor: { ...mine.visitor, name: 'Ola' } },
      fromAgentName: 'Anna',
      teamName: null,
      note: 'Wants a refund',
    };
    (handlers as RealtimeHandlers | null)?.conversationTransferred?.(notice);
    const status = await screen.findByRole('status');
    expect(status.textContent).toContain('Anna transferred a conversation with Ola to you.');
    expect(status.textContent).toContain('Note: Wants a refund');
    fireEvent.click(screen.getByRole('button', { name: 'Open' }));
    expect(onOpen).toHaveBeenCalledWith('c1');
    await waitFor(() => expect(screen.queryByRole('status')).toBeNull());
  });
});
