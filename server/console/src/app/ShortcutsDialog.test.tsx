/**
 * Issue 14: keyboard shortcuts in the whole console (in-memory client): `?` opens the list (not while
 * typing), Escape closes it and focus returns; j/k move through the lists, t takes over, Shift+E
 * resolves, r goes to the reply box, / opens the canned responses.
 */
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { conversation } from '../testing/fixtures.ts';
import { AGENT, createMemoryClient } from '../testing/memory-client.ts';
import { minutesAgo, renderApp } from '../testing/render.tsx';

afterEach(cleanup);

function seeded() {
  return createMemoryClient({
    conversations: [
      conversation('q1', {
        state: 'queued',
        queuedAt: minutesAgo(2),
        visitor: { id: 'v1', name: 'Queued Quinn', email: null, verified: false },
      }),
      conversation('m1', {
        state: 'assigned',
        agentId: AGENT.id,
        agentName: AGENT.name,
        visitor: { id: 'v2', name: 'Mine Mia', email: null, verified: false },
      }),
    ],
  });
}

const key = (k: string, target: Element | Document = document.body, shiftKey = false) =>
  fireEvent.keyDown(target, { key: k, shiftKey });
const heading = () => screen.queryByRole('heading', { level: 1 })?.textContent;

describe('keyboard shortcuts', () => {
  it('? lists every shortcut in a modal dialog; Escape closes it and focus goes back', async () => {
    renderApp(seeded());
    await screen.findByRole('button', { name: /Queued Quinn/ });
    const opener = screen.getByRole('button', { name: 'Keyboard shortcuts' });
    opener.focus();
    // Effects (the key listener) run after paint: press until the dialog is there.
    const dialog = await waitFor(() => {
      if (!screen.queryByRole('dialog')) key('?', opener, true);
      return screen.getByRole('dialog', { name: 'Keyboard shortcuts' });
    });
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    const rows = within(dialog).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.textContent)).toEqual([
      'jNext conversation',
      'kPrevious conversation',
      'tTake over the open conversation',
      'Shift+EResolve the open conversation',
      'rGo to the reply box',
      '/Open canned responses',
      '?Show this list',
    ]);
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Close' }));
    // While the dialog is open, shortcuts do not act behind it.
    key('j', document.activeElement!);
    expect(heading()).toBeUndefined();
    key('Escape', document.activeElement!);
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(document.activeElement).toBe(opener);
  });

  it('the button opens it too, and the list is in Polish', async () => {
    renderApp(seeded(), 'pl');
    fireEvent.click(await screen.findByRole('button', { name: 'Skróty klawiszowe' }));
    const dialog = await screen.findByRole('dialog', { name: 'Skróty klawiszowe' });
    expect(within(dialog).getByText('Następna rozmowa')).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Zamknij' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('nothing fires while typing in a field', async () => {
    renderApp(seeded());
    await screen.findByRole('button', { name: /Queued Quinn/ });
    await waitFor(() => {
      if (heading() === undefined) key('j');
      expect(heading()).toBe('Queued Quinn');
    });
    const box = screen.getByRole('textbox', { name: 'Reply to the visitor' });
    key('?', box, true);
    key('j', box);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(heading()).toBe('Queued Quinn');
  });

  it('j / k move through the lists in order, t takes over, Shift+E resolves, r and / go to the reply box', async () => {
    const client = seeded();
    renderApp(client);
    await screen.findByRole('button', { name: /Queued Quinn/ });
    await waitFor(() => {
      if (heading() === undefined) key('j');
      expect(heading()).toBe('Queued Quinn');
    });
    key('j');
    await waitFor(() => expect(heading()).toBe('Mine Mia'));
    key('k');
    await waitFor(() => expect(heading()).toBe('Queued Quinn'));
    key('t');
    await waitFor(() => expect(client.conversations.get('q1')?.state).toBe('assigned'));
    key('r');
    await waitFor(() => expect(document.activeElement?.id).toBe('composer-input'));
    (document.activeElement as HTMLElement).blur();
    key('/');
    expect(await screen.findByRole('combobox', { name: 'Search canned responses' })).toBeTruthy();
    key('Escape', screen.getByRole('combobox', { name: 'Search canned responses' }));
    await waitFor(() => expect(document.activeElement?.id).toBe('composer-input'));
    (document.activeElement as HTMLElement).blur();
    key('E', document.body, true);
    await waitFor(() => expect(client.conversations.get('q1')?.state).toBe('resolved'));
  });
});
