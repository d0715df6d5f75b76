/** Issue 14 in the console: the search box, filters, results with marked words, saved views, tags. */
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { conversation, message } from '../testing/fixtures.ts';
import { createMemoryClient } from '../testing/memory-client.ts';
import { renderApp } from '../testing/render.tsx';

beforeEach(() => {
  location.hash = '#/search';
});
afterEach(() => {
  cleanup();
  location.hash = '';
  localStorage.clear();
});

function seeded() {
  return createMemoryClient({
    conversations: [
      conversation('c1', {
        state: 'resolved',
        visitor: { id: 'v1-abcdef', name: 'Zofia', email: null, verified: false },
      }),
      conversation('c2', {
        state: 'queued',
        visitor: { id: 'v2-abcdef', name: 'Bolek', email: null, verified: false },
      }),
    ],
    messages: [
      message(1, { id: 'm1', conversationId: 'c1', body: 'Dzień dobry' }),
      message(2, { id: 'm2', conversationId: 'c1', body: 'Proszę o zwrotu za <b>żółty</b> płaszcz' }),
      message(1, { id: 'm3', conversationId: 'c2', body: 'Where is my parcel?' }),
    ],
  });
}

const results = () => screen.findByRole('region', { name: /results/i });

describe('Search page (issue 14)', () => {
  it('finds a Polish word without diacritics and marks it in the snippet, as text (R4)', async () => {
    const client = seeded();
    renderApp(client);
    fireEvent.input(await screen.findByLabelText('Words in messages and notes'), {
      target: { value: 'zolty' },
    });
    fireEvent.submit(screen.getByLabelText('Words in messages and notes').closest('form') as HTMLFormElement);
    await waitFor(() => expect(client.search.queries.at(-1)).toEqual({ q: 'zolty' }));
    const region = await results();
    await waitFor(() => expect(within(region).getAllByRole('listitem')).toHaveLength(1));
    expect(within(region).getByRole('button', { name: 'Open conversation with Zofia' })).toBeTruthy();
    const marks = region.querySelectorAll('mark');
    expect([...marks].map((m) => m.textContent)).toEqual(['żółty']);
    expect(region.querySelector('b')).toBeNull();
    expect(region.textContent).toContain('<b>żółty</b>');
  });

  it('sends only the filters that are set, and says when nothing matches', async () => {
    const client = seeded();
    renderApp(client);
    fireEvent.change(await screen.findByLabelText('State'), { target: { value: 'queued' } });
    fireEvent.change(screen.getByLabelText('Rating'), { target: { value: '5' } });
    fireEvent.input(screen.getByLabelText('Tag'), { target: { value: 'vip' } });
    fireEvent.submit(screen.getByLabelText('Words in messages and notes').closest('form') as HTMLFormElement);
    await waitFor(() =>
      expect(client.search.queries.at(-1)).toEqual({ state: 'queued', rating: 5, tag: 'vip' }),
    );
    expect(await screen.findByText('No conversation matches.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Clear' }));
    await waitFor(() => expect(client.search.queries.at(-1)).toEqual({}));
  });

  it('saves the current search as a view that shows in the list’s sidebar and opens again', async () => {
    const client = seeded();
    renderApp(client);
    fireEvent.input(await screen.findByLabelText('Words in messages and notes'), {
      target: { value: 'parcel' },
    });
    fireEvent.input(screen.getByLabelText('Name of this view'), { target: { value: 'Parcels' } });
    fireEvent.submit(screen.getByLabelText('Name of this view').closest('form') as HTMLFormElement);
    expect(await screen.findByText('View "Parcels" saved.')).toBeTruthy();
    expect(client.search.views).toEqual([{ id: 'view-1', name: 'Parcels', filters: { q: 'parcel' } }]);
    await waitFor(() => expect(location.hash).toBe('#/search/view%3Aview-1'));
    // The conversation list's sidebar offers it too.
    location.hash = '#/';
    const lists = await screen.findByRole('navigation', { name: 'Conversations' });
    const link = await within(lists).findByRole('link', { name: 'Parcels' });
    fireEvent.click(link);
    await waitFor(() => expect(client.search.queries.at(-1)).toEqual({ q: 'parcel' }));
    expect((screen.getByLabelText('Words in messages and notes') as HTMLInputElement).value).toBe('parcel');
    fireEvent.click(screen.getByRole('button', { name: 'Delete view Parcels' }));
    await waitFor(() => expect(client.search.views).toEqual([]));
  });

  it('the sidebar search box opens the search page with its text', async () => {
    location.hash = '#/';
    const client = seeded();
    renderApp(client);
    const lists = await screen.findByRole('navigation', { name: 'Conversations' });
    const box = within(lists).getByRole('searchbox', { name: 'Search conversations' });
    fireEvent.input(box, { target: { value: 'zwrot' } });
    fireEvent.keyDown(box, { key: 'Home' });
    expect(document.activeElement === box || document.activeElement === document.body).toBe(true);
    fireEvent.submit(box.closest('form') as HTMLFormElement);
    await waitFor(() => expect(location.hash).toBe('#/search/q%3Azwrot'));
    await waitFor(() => expect(client.search.queries.at(-1)).toEqual({ q: 'zwrot' }));
  });

  it('opening a result shows the conversation with the matching message outlined and marked', async () => {
    const client = seeded();
    renderApp(client);
    fireEvent.input(await screen.findByLabelText('Words in messages and notes'), {
      target: { value: 'zwrot' },
    });
    fireEvent.submit(screen.getByLabelText('Words in messages and notes').closest('form') as HTMLFormElement);
    fireEvent.click(await screen.findByRole('button', { name: 'Open conversation with Zofia' }));
    await waitFor(() => expect(document.querySelector('.msg--match')).not.toBeNull());
    const item = document.querySelector('.msg--match') as HTMLElement;
    expect(item.dataset.seq).toBe('2');
    expect([...item.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['zwrotu']);
  });

  it('filters by a team of the agent’s site (English and Polish label)', async () => {
    const client = seeded();
    client.routing.teams.set('site1', [{ id: 'team-sales', siteId: 'site1', name: 'Sales', agentIds: [] }]);
    renderApp(client);
    const team = (await screen.findByRole('option', { name: 'Sales' })).closest(
      'select',
    ) as HTMLSelectElement;
    expect(team).toBe(screen.getByLabelText('Team'));
    fireEvent.change(team, { target: { value: 'team-sales' } });
    fireEvent.submit(screen.getByLabelText('Words in messages and notes').closest('form') as HTMLFormElement);
    await waitFor(() => expect(client.search.queries.at(-1)).toEqual({ team: 'team-sales' }));
    cleanup();
    renderApp(client, 'pl');
    expect(await screen.findByLabelText('Zespół')).toBeTruthy();
  });

  it('no team field when the site has no team', async () => {
    renderApp(seeded());
    await screen.findByLabelText('State');
    expect(screen.queryByLabelText('Team')).toBeNull();
  });

  it('Polish labels', async () => {
    renderApp(seeded(), 'pl');
    expect(await screen.findByRole('heading', { name: 'Szukaj w rozmowach' })).toBeTruthy();
    expect(screen.getByLabelText('Słowa w wiadomościach i notatkach')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Zapisane widoki' })).toBeTruthy();
  });
});

describe('Conversation tags (issue 14)', () => {
  it('adds a normalised tag with the site’s tags as suggestions, refuses a bad one, removes it', async () => {
    location.hash = '#/';
    const client = seeded();
    client.search.tags.set('c2', ['wholesale']);
    renderApp(client);
    fireEvent.click(await screen.findByRole('button', { name: /Zofia/ }));
    const tags = await screen.findByRole('region', { name: 'Conversation tags' });
    await waitFor(() =>
      expect(
        [...tags.querySelectorAll('datalist option')].map((o) => (o as HTMLOptionElement).value),
      ).toEqual(['wholesale']),
    );
    fireEvent.input(within(tags).getByLabelText('New tag'), { target: { value: '<b>' } });
    fireEvent.submit(within(tags).getByLabelText('New tag').closest('form') as HTMLFormElement);
    expect(await within(tags).findByRole('alert')).toBeTruthy();
    fireEvent.input(within(tags).getByLabelText('New tag'), { target: { value: '  VIP ' } });
    fireEvent.submit(within(tags).getByLabelText('New tag').closest('form') as HTMLFormElement);
    await waitFor(() => expect(client.search.tags.get('c1')).toEqual(['vip']));
    expect(within(tags).queryByRole('alert')).toBeNull();
    fireEvent.click(within(tags).getByRole('button', { name: 'Remove tag vip' }));
    await waitFor(() => expect(client.search.tags.get('c1')).toEqual([]));
  });
});
