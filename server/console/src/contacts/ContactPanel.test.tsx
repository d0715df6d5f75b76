import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { conversation, message } from '../testing/fixtures.ts';
import { createMemoryClient } from '../testing/memory-client.ts';
import { contact } from '../testing/memory-contacts.ts';
import { minutesAgo, renderApp } from '../testing/render.tsx';

afterEach(() => {
  cleanup();
  location.hash = '';
});

const markup = '<img src=x onerror="window.__pwned=1">';

function seeded(patch: Parameters<typeof contact>[1] = {}) {
  const ada = contact('v-ada', {
    name: 'Ada Lovelace',
    email: 'ada@example.com',
    phone: '+48 600 100 200',
    identity: 'verified',
    userId: 'shop-42',
    attributes: [
      { key: 'plan', type: 'string', value: 'pro' },
      { key: 'orders', type: 'number', value: 12 },
      { key: 'vip', type: 'boolean', value: true },
    ],
    tags: ['returning'],
    notes: [
      {
        id: 'n1',
        body: 'Prefers e-mail.',
        authorId: 'agent-2',
        authorName: 'Bob',
        createdAt: '2026-11-20T10:00:00.000Z',
      },
    ],
    trail: [
      { url: 'https://shop.example/cart', title: 'Cart', at: '2026-12-01T09:05:00.000Z' },
      { url: 'javascript:alert(1)', title: 'Odd page', at: '2026-12-01T09:00:00.000Z' },
    ],
    conversations: [
      {
        id: 'c-old',
        state: 'resolved',
        agentName: 'Bob',
        rating: 5,
        ratingComment: null,
        lastMessageAt: '2026-11-20T10:10:00.000Z',
        createdAt: '2026-11-20T10:00:00.000Z',
        resolvedAt: '2026-11-20T10:15:00.000Z',
        offline: false,
      },
    ],
    ...patch,
  });
  return createMemoryClient({
    contacts: { contacts: [ada] },
    conversations: [
      conversation('c1', {
        state: 'queued',
        queuedAt: minutesAgo(1),
        visitor: { id: 'v-ada', name: 'Ada Lovelace', email: 'ada@example.com', verified: true },
        lastSeq: 1,
      }),
      conversation('c-old', {
        state: 'resolved',
        visitor: { id: 'v-ada', name: 'Ada Lovelace', email: 'ada@example.com', verified: true },
        createdAt: '2026-11-20T10:00:00.000Z',
        resolvedAt: '2026-11-20T10:15:00.000Z',
        lastMessage: { author: 'visitor', body: 'where is order 41?', createdAt: '2026-11-20T10:01:00.000Z' },
      }),
    ],
    messages: [
      message(1, { conversationId: 'c1', body: 'hello again' }),
      message(1, { conversationId: 'c-old', id: 'old-1', body: 'where is order 41?' }),
    ],
  });
}

async function openPanel(client = seeded()) {
  const view = renderApp(client);
  fireEvent.click(await screen.findByRole('button', { name: /hello from c1/ }));
  const panel = await screen.findByRole('complementary', { name: 'Visitor details' });
  await within(panel).findByRole('heading', { name: 'Attributes' });
  return { ...view, client, panel };
}

const section = (panel: HTMLElement, name: string) =>
  within(panel).getByRole('heading', { name }).closest('section') as HTMLElement;

/** Counts the panel's requests for the contact (the client is wrapped by the shell: count before). */
function countingContactLoads(client: ReturnType<typeof seeded>) {
  const calls: string[] = [];
  const getContact = client.getContact;
  client.getContact = (siteId, contactId) => {
    calls.push(contactId);
    return getContact(siteId, contactId);
  };
  return calls;
}

describe('contact panel beside a conversation (issue 12)', () => {
  it('loads the contact once and says who they are once (name, e-mail, verified)', async () => {
    const client = seeded();
    const loads = countingContactLoads(client);
    const { panel } = await openPanel(client);
    // The memory client answers in microtasks: a few turns of the event loop let every effect's
    // request go out (counted in turns, not in time).
    await within(panel).findByText('Prefers e-mail.');
    for (let turn = 0; turn < 20; turn++) await new Promise((resolve) => setTimeout(resolve, 0));
    expect(loads).toEqual(['v-ada']);
    expect(within(panel).getAllByText('Ada Lovelace')).toHaveLength(2);
    expect(within(panel).getAllByText('ada@example.com')).toHaveLength(1);
    expect(within(panel).getAllByText(/^(Verified|Not verified)$/)).toHaveLength(1);
  });

  it('shows who the customer is: verified with the user id, details, typed attributes, tags, notes, pages', async () => {
    const { panel } = await openPanel();
    expect(within(panel).getByText('Verified', { selector: '.identity' })).toBeTruthy();
    expect(within(panel).getByText('Identity proven by the website (HMAC).')).toBeTruthy();
    expect(within(panel).getByText('shop-42').tagName).toBe('CODE');
    const details = section(panel, 'Details');
    expect(within(details).getByText('+48 600 100 200')).toBeTruthy();
    const attributes = section(panel, 'Attributes');
    expect(attributes.textContent).toContain('plan (Text)pro');
    expect(attributes.textContent).toContain('orders (Number)12');
    expect(attributes.textContent).toContain('vip (Yes / no)Yes');
    expect(within(section(panel, 'Tags')).getByText('returning')).toBeTruthy();
    expect(within(section(panel, 'Private notes')).getByText('Prefers e-mail.')).toBeTruthy();
    const trail = section(panel, 'Pages visited');
    const link = within(trail).getByRole('link', { name: 'https://shop.example/cart' });
    expect(link.getAttribute('rel')).toBe('noopener noreferrer nofollow');
    // A javascript: address is shown as text, never as a link.
    expect(within(trail).getByText('javascript:alert(1)').tagName).toBe('SPAN');
  });

  it('marks a claimed but unproven identity clearly', async () => {
    const { panel } = await openPanel(seeded({ identity: 'unverified', userId: 'claimed-7' }));
    expect(within(panel).getByText('Not verified', { selector: '.identity' })).toBeTruthy();
    expect(
      within(panel).getByText('Named by the page, not proven: do not share account details.'),
    ).toBeTruthy();
  });

  it('past conversations are one click away; the current one is marked', async () => {
    const { panel } = await openPanel();
    const past = section(panel, 'Conversations');
    expect(within(past).getByText(/This conversation/)).toBeTruthy();
    fireEvent.click(within(past).getByRole('button', { name: /Resolved · 5 of 5/ }));
    expect(await screen.findByText('where is order 41?', { selector: 'li *' })).toBeTruthy();
  });

  it('edits the details with the server’s rules, and the history says who changed what', async () => {
    const { panel, client } = await openPanel();
    const details = section(panel, 'Details');
    fireEvent.click(within(details).getByRole('button', { name: 'Edit details' }));
    fireEvent.input(within(details).getByLabelText('E-mail'), { target: { value: 'not an e-mail' } });
    fireEvent.submit(within(details).getByLabelText('E-mail').closest('form') as HTMLFormElement);
    expect(await within(details).findByText('Enter an e-mail address like name@example.com.')).toBeTruthy();
    expect(within(details).getByLabelText('E-mail').getAttribute('aria-invalid')).toBe('true');
    fireEvent.input(within(details).getByLabelText('E-mail'), { target: { value: 'ada@lovelace.example' } });
    fireEvent.input(within(details).getByLabelText('Name'), { target: { value: 'Ada King' } });
    fireEvent.submit(within(details).getByLabelText('E-mail').closest('form') as HTMLFormElement);
    expect(await within(details).findByText('Contact saved.')).toBeTruthy();
    expect(client.contacts.contacts.get('v-ada')).toMatchObject({
      name: 'Ada King',
      email: 'ada@lovelace.example',
    });
    expect(within(details).getByText('ada@lovelace.example')).toBeTruthy();
    const history = within(panel).getByText('History of changes').closest('details') as HTMLDetailsElement;
    history.open = true;
    fireEvent(history, new Event('toggle'));
    await waitFor(() =>
      expect(history.textContent).toContain('Name changed from “Ada Lovelace” to “Ada King”'),
    );
    expect(history.textContent).toContain('E-mail changed from “ada@example.com” to “ada@lovelace.example”');
    expect(history.textContent).toContain('by Ann');
  });

  it('adds a typed attribute (refusing a bad number), removes one, adds and removes tags, adds a note', async () => {
    const { panel, client } = await openPanel();
    const attributes = section(panel, 'Attributes');
    fireEvent.input(within(attributes).getByLabelText('Attribute'), { target: { value: 'lifetimeValue' } });
    fireEvent.change(within(attributes).getByLabelText('Type'), { target: { value: 'number' } });
    fireEvent.input(within(attributes).getByLabelText('Value'), { target: { value: 'lots' } });
    fireEvent.click(within(attributes).getByRole('button', { name: 'Add attribute' }));
    expect(await within(attributes).findByText('Enter a number.')).toBeTruthy();
    fireEvent.input(within(attributes).getByLabelText('Value'), { target: { value: '1234,5' } });
    fireEvent.click(within(attributes).getByRole('button', { name: 'Add attribute' }));
    await waitFor(() => expect(attributes.textContent).toContain('lifetimeValue (Number)1,234.5'));
    expect(client.contacts.contacts.get('v-ada')?.attributes).toContainEqual({
      key: 'lifetimeValue',
      type: 'number',
      value: 1234.5,
    });
    fireEvent.click(within(attributes).getByRole('button', { name: 'Remove attribute plan' }));
    await waitFor(() => expect(attributes.textContent).not.toContain('plan (Text)'));

    const tags = section(panel, 'Tags');
    fireEvent.input(within(tags).getByLabelText('New tag'), { target: { value: '  VIP  Customer ' } });
    fireEvent.click(within(tags).getByRole('button', { name: 'Add tag' }));
    expect(await within(tags).findByText('vip customer')).toBeTruthy();
    fireEvent.click(within(tags).getByRole('button', { name: 'Remove tag returning' }));
    await waitFor(() => expect(within(tags).queryByText('returning')).toBeNull());

    const notes = section(panel, 'Private notes');
    fireEvent.input(within(notes).getByLabelText('New note'), {
      target: { value: 'Called about order 42.' },
    });
    fireEvent.click(within(notes).getByRole('button', { name: 'Add note' }));
    expect(await within(section(panel, 'Private notes')).findByText('Called about order 42.')).toBeTruthy();
  });

  it('R4: markup in names, attributes, tags, notes and page titles is shown as text', async () => {
    const client = seeded({
      name: `Eve ${markup}`,
      attributes: [{ key: 'plan', type: 'string', value: markup }],
      notes: [
        {
          id: 'n1',
          body: markup,
          authorId: null,
          authorName: `Bob ${markup}`,
          createdAt: '2026-11-20T10:00:00.000Z',
        },
      ],
      trail: [
        {
          url: 'https://shop.example/?q=<svg/onload=alert(1)>',
          title: markup,
          at: '2026-12-01T09:00:00.000Z',
        },
      ],
    });
    const { panel, container } = await openPanel(client);
    expect(within(panel).getAllByText((text) => text.includes(markup)).length).toBeGreaterThanOrEqual(3);
    expect(container.querySelector('img, script:not([src]), svg[onload]')).toBeNull();
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();
  });
});
