/**
 * Issue 14: the canned responses page (in-memory client with the server's rules): an admin adds a
 * shared one and edits and deletes it, the language filter, an agent adds a personal one and sees no
 * controls on shared ones, fields checked with the server's schema, Polish labels.
 */
import type { CannedResponse } from '@frontdesk/shared';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN, AGENT, createMemoryClient } from '../testing/memory-client.ts';
import { renderApp } from '../testing/render.tsx';

afterEach(() => {
  cleanup();
  window.location.hash = '';
});

const SHARED: CannedResponse = {
  id: 'c-shared',
  siteId: 'site1',
  scope: 'site',
  ownerId: null,
  lang: 'pl',
  title: 'Zwrot towaru',
  shortcut: 'zwrot',
  body: 'Dzień dobry {{visitor.name|}}!',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

async function openPage(agent = ADMIN, locale: 'en' | 'pl' = 'en') {
  const client = createMemoryClient({ agent, canned: [SHARED] });
  window.location.hash = '#/canned';
  renderApp(client, locale);
  return client;
}
const items = () => within(screen.getByRole('list', { name: 'Saved responses' })).getAllByRole('listitem');

describe('canned responses page', () => {
  it('an admin adds a shared response, edits it, filters by language and deletes it', async () => {
    const client = await openPage();
    await screen.findByRole('heading', { level: 2, name: 'Zwrot towaru' });
    fireEvent.click(screen.getByRole('button', { name: 'New response' }));
    const form = await screen.findByRole('form', { name: 'New response' });
    fireEvent.click(within(form).getByRole('button', { name: 'Add response' }));
    expect(await within(form).findByText('Give it a title (up to 80 characters).')).toBeTruthy();
    fireEvent.change(within(form).getByRole('combobox', { name: 'Language' }), { target: { value: 'en' } });
    fireEvent.input(within(form).getByRole('textbox', { name: 'Title' }), { target: { value: 'Refunds' } });
    fireEvent.input(within(form).getByRole('textbox', { name: 'Shortcut' }), { target: { value: 'Refund' } });
    fireEvent.input(within(form).getByRole('textbox', { name: 'Text (Markdown)' }), {
      target: { value: 'Hi {{visitor.name|there}} {{order.id}}' },
    });
    expect(within(form).getByRole('status').textContent).toBe(
      'Not a variable, will stay as written: {{order.id}}',
    );
    fireEvent.click(within(form).getByRole('button', { name: 'Add response' }));
    await waitFor(() => expect(items()).toHaveLength(2));
    const created = [...client.canned.responses.values()].find((r) => r.shortcut === 'refund')!;
    expect(created).toMatchObject({ scope: 'site', lang: 'en', title: 'Refunds' });

    fireEvent.click(screen.getByRole('button', { name: 'Edit “Refunds”' }));
    const edit = await screen.findByRole('form', { name: 'Edit “Refunds”' });
    fireEvent.input(within(edit).getByRole('textbox', { name: 'Title' }), {
      target: { value: 'Refund policy' },
    });
    fireEvent.click(within(edit).getByRole('button', { name: 'Save changes' }));
    await screen.findByRole('heading', { level: 2, name: 'Refund policy' });

    fireEvent.change(screen.getByRole('combobox', { name: 'Show responses in' }), {
      target: { value: 'pl' },
    });
    await waitFor(() => expect(items()).toHaveLength(1));
    expect(within(items()[0]!).getByRole('heading').textContent).toBe('Zwrot towaru');
    fireEvent.change(screen.getByRole('combobox', { name: 'Show responses in' }), {
      target: { value: 'all' },
    });

    const item = (await screen.findByRole('heading', { level: 2, name: 'Refund policy' })).closest('li')!;
    fireEvent.click(within(item).getByRole('button', { name: 'Delete' }));
    fireEvent.click(within(item).getByRole('button', { name: 'Yes, delete' }));
    await waitFor(() => expect(items()).toHaveLength(1));
    expect(client.canned.responses.has(created.id)).toBe(false);
  });

  it('an agent adds a personal response and has no controls on shared ones', async () => {
    const client = await openPage(AGENT);
    const shared = (await screen.findByRole('heading', { level: 2, name: 'Zwrot towaru' })).closest('li')!;
    expect(within(shared).queryByRole('button')).toBeNull();
    expect(screen.getByText('Shared responses are managed by admins; you can add your own.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'New response' }));
    const form = await screen.findByRole('form', { name: 'New response' });
    expect(within(form).queryByRole('radio')).toBeNull();
    fireEvent.input(within(form).getByRole('textbox', { name: 'Title' }), { target: { value: 'My hello' } });
    fireEvent.input(within(form).getByRole('textbox', { name: 'Shortcut' }), { target: { value: 'hi' } });
    fireEvent.input(within(form).getByRole('textbox', { name: 'Text (Markdown)' }), {
      target: { value: 'Hi!' },
    });
    fireEvent.click(within(form).getByRole('button', { name: 'Add response' }));
    await waitFor(() => expect(items()).toHaveLength(2));
    expect([...client.canned.responses.values()].find((r) => r.shortcut === 'hi')).toMatchObject({
      scope: 'personal',
      ownerId: AGENT.id,
    });
    const mine = screen.getByRole('heading', { level: 2, name: 'My hello' }).closest('li')!;
    expect(within(mine).getByText(/Only you/)).toBeTruthy();
  });

  it('Polish labels', async () => {
    await openPage(ADMIN, 'pl');
    expect(await screen.findByRole('heading', { level: 1, name: 'Gotowe odpowiedzi' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Gotowe odpowiedzi' }).getAttribute('aria-current')).toBe('page');
    expect(screen.getByRole('button', { name: 'Nowa odpowiedź' })).toBeTruthy();
  });
});
