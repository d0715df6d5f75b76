/**
 * Issue 14: the reply box's `/` picker in the whole console (in-memory client): keyboard search
 * (diacritics-insensitive), arrows and Enter insert a filled response, Escape closes, the button and
 * its search field for mouse users, ARIA wiring of the combobox pattern.
 */
import type { CannedResponse } from '@frontdesk/shared';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { conversation } from '../testing/fixtures.ts';
import { AGENT, createMemoryClient } from '../testing/memory-client.ts';
import { renderApp } from '../testing/render.tsx';

afterEach(cleanup);

const canned = (id: string, over: Partial<CannedResponse>): CannedResponse => ({
  id,
  siteId: 'site1',
  scope: 'site',
  ownerId: null,
  lang: 'en',
  title: id,
  shortcut: id,
  body: id,
  updatedAt: '2026-01-01T00:00:00.000Z',
  ...over,
});

const RESPONSES = [
  canned('refund', {
    title: 'How refunds work',
    body: 'Hi {{visitor.name|there}}, refunds take 5 days. {{order.id}}',
  }),
  canned('kolor', { lang: 'pl', title: 'Żółty kolor', body: 'Dzień dobry {{visitor.name}}, mamy żółty.' }),
  canned('hello', { title: 'Greeting', body: 'Hello, I am {{agent.name}} from {{site.name}}.' }),
  canned('other-site', { siteId: 'site2', shortcut: 'hidden', title: 'Not here' }),
];

async function openConversation() {
  const client = createMemoryClient({
    conversations: [
      conversation('m1', {
        state: 'assigned',
        agentId: AGENT.id,
        agentName: AGENT.name,
        visitor: { id: 'v1', name: '*Anna*', email: null, verified: false },
      }),
    ],
    canned: RESPONSES,
  });
  renderApp(client);
  fireEvent.click(await screen.findByRole('button', { name: /\*Anna\*/ }));
  const box = (await screen.findByRole('textbox', { name: 'Reply to the visitor' })) as HTMLTextAreaElement;
  await waitFor(() => expect(box.disabled).toBe(false));
  return { client, box };
}

const type = (box: HTMLTextAreaElement, value: string) => {
  box.focus();
  fireEvent.input(box, { target: { value, selectionStart: value.length, selectionEnd: value.length } });
};
const options = () =>
  within(screen.getByRole('listbox', { name: 'Canned responses' })).queryAllByRole('option');

describe('the / picker', () => {
  it('typing / lists the responses of the site; the query matches shortcut and title without diacritics', async () => {
    const { box } = await openConversation();
    type(box, '/');
    await waitFor(() => expect(options().map((o) => o.textContent)).toHaveLength(3));
    expect(box.getAttribute('aria-controls')).toBe('canned-listbox');
    expect(box.getAttribute('aria-autocomplete')).toBe('list');
    type(box, '/zolty');
    await waitFor(() =>
      expect(options().map((o) => o.querySelector('.canned-picker__title')?.textContent)).toEqual([
        'Żółty kolor',
      ]),
    );
    type(box, '/greet');
    await waitFor(() => expect(options()).toHaveLength(1));
    type(box, '/nothing');
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('No matching response.'));
  });

  it('arrows move the active option (aria-activedescendant), Enter inserts it filled, and does not send', async () => {
    const { box, client } = await openConversation();
    type(box, 'Well /re');
    await waitFor(() => expect(options().length).toBeGreaterThan(0));
    expect(options()[0]!.getAttribute('aria-selected')).toBe('true');
    expect(box.getAttribute('aria-activedescendant')).toBe(options()[0]!.id);
    type(box, 'Well /');
    await waitFor(() => expect(options()).toHaveLength(3));
    fireEvent.keyDown(box, { key: 'ArrowDown' });
    await waitFor(() => expect(box.getAttribute('aria-activedescendant')).toBe(options()[1]!.id));
    fireEvent.keyDown(box, { key: 'ArrowUp' });
    fireEvent.keyDown(box, { key: 'ArrowUp' });
    // Wrapped to the last.
    await waitFor(() => expect(options()[2]!.getAttribute('aria-selected')).toBe('true'));
    type(box, 'Well /refund');
    await waitFor(() => expect(options()).toHaveLength(1));
    fireEvent.keyDown(box, { key: 'Enter' });
    // The visitor's name goes in as literal text (escaped), the unknown variable stays and is flagged.
    await waitFor(() => expect(box.value).toBe('Well Hi \\*Anna\\*, refunds take 5 days. {{order.id}}'));
    expect(screen.queryByRole('listbox')).toBeNull();
    expect(client.sent).toHaveLength(0);
    expect(screen.getByText('Check the reply: {{order.id}} could not be filled.')).toBeTruthy();
    // The next Enter sends the reply.
    fireEvent.keyDown(box, { key: 'Enter' });
    await waitFor(() =>
      expect(client.sent.map((m) => m.body)).toEqual([
        'Well Hi \\*Anna\\*, refunds take 5 days. {{order.id}}',
      ]),
    );
  });

  it('Escape closes the list until the query changes; the text stays', async () => {
    const { box } = await openConversation();
    type(box, '/he');
    await waitFor(() => expect(options()).toHaveLength(1));
    fireEvent.keyDown(box, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByRole('listbox')).toBeNull());
    expect(box.value).toBe('/he');
    type(box, '/hel');
    await waitFor(() => expect(options()).toHaveLength(1));
  });

  it('the button opens a search field (a combobox) for mouse users; a click inserts, variables filled', async () => {
    const { box } = await openConversation();
    type(box, 'Hi.');
    fireEvent.click(screen.getByRole('button', { name: 'Canned responses' }));
    const search = await screen.findByRole('combobox', { name: 'Search canned responses' });
    expect(search.getAttribute('aria-expanded')).toBe('true');
    fireEvent.input(search, { target: { value: 'greeting' } });
    await waitFor(() => expect(options()).toHaveLength(1));
    fireEvent.click(options()[0]!);
    await waitFor(() => expect(box.value).toBe('Hi. Hello, I am Ann from Shop.'));
    expect(screen.queryByRole('combobox', { name: 'Search canned responses' })).toBeNull();
  });

  it('Polish labels', async () => {
    const client = createMemoryClient({
      conversations: [conversation('m1', { state: 'assigned', agentId: AGENT.id, agentName: AGENT.name })],
      canned: RESPONSES,
    });
    renderApp(client, 'pl');
    fireEvent.click(await screen.findByRole('button', { name: /Klient/ }));
    expect(await screen.findByRole('button', { name: 'Gotowe odpowiedzi' })).toBeTruthy();
  });
});
