/**
 * Issue 12: `contact:updated` reaches the contact panel and the Contacts page through the workspace's
 * socket, so what another agent, the visitor or the host page changes shows without a reload.
 */
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { conversation, message } from '../testing/fixtures.ts';
import { createMemoryClient, type MemoryClient } from '../testing/memory-client.ts';
import { contact } from '../testing/memory-contacts.ts';
import { minutesAgo, renderApp } from '../testing/render.tsx';

afterEach(() => {
  cleanup();
  location.hash = '';
  localStorage.clear();
});

const ada = { id: 'v-ada', name: 'Ada Lovelace', email: 'ada@example.com', verified: true };

function seeded(): MemoryClient {
  return createMemoryClient({
    contacts: {
      pageSize: 2,
      contacts: [
        contact('v-ada', {
          name: 'Ada Lovelace',
          email: 'ada@example.com',
          identity: 'verified',
          userId: 'u-1',
        }),
        contact('v-bob', { name: 'Bob', lastSeenAt: '2026-11-30T09:00:00.000Z' }),
      ],
    },
    conversations: [
      conversation('c1', { state: 'queued', queuedAt: minutesAgo(1), visitor: ada, lastSeq: 1 }),
    ],
    messages: [message(1, { conversationId: 'c1', body: 'hello from Ada' })],
  });
}

/** Counts contact loads (before rendering: the shell wraps the client). */
function countLoads(client: MemoryClient): string[] {
  const loads: string[] = [];
  const getContact = client.getContact;
  client.getContact = (siteId, contactId) => {
    loads.push(contactId);
    return getContact(siteId, contactId);
  };
  return loads;
}

/** What the server does: the record changes, then the site's agents are told. */
function changedElsewhere(client: MemoryClient, id: string, patch: object, siteId = 'site1') {
  const record = client.contacts.contacts.get(id);
  if (record) Object.assign(record, patch);
  client.handlers().contactUpdated?.({ siteId, contactId: id });
}

describe('contact:updated in the console', () => {
  it('the panel beside a conversation loads that contact again; other contacts and sites leave it alone', async () => {
    const client = seeded();
    const loads = countLoads(client);
    renderApp(client);
    fireEvent.click(await screen.findByRole('button', { name: /hello from c1/ }));
    const panel = await screen.findByRole('complementary', { name: 'Visitor details' });
    await within(panel).findByText('ada@example.com');
    expect(loads).toEqual(['v-ada']);

    changedElsewhere(client, 'v-bob', { name: 'Robert' });
    changedElsewhere(client, 'v-ada', { name: 'Ada (other site)' }, 'site2');
    changedElsewhere(client, 'v-ada', {
      email: 'ada.king@example.com',
      identity: 'unverified',
      tags: ['vip'],
    });
    await within(panel).findByText('ada.king@example.com');
    expect(within(panel).getByText('Not verified', { selector: '.identity' })).toBeTruthy();
    expect(within(panel).getByText('vip')).toBeTruthy();
    expect(within(panel).queryByText('ada@example.com')).toBeNull();
    expect(loads).toEqual(['v-ada', 'v-ada']);
  });

  it('the Contacts page updates a row in place, and brings a newly seen contact onto its first page', async () => {
    const client = seeded();
    location.hash = '#/contacts';
    renderApp(client);
    const table = await screen.findByRole('table');
    await within(table).findByRole('rowheader', { name: 'Ada Lovelace' });

    changedElsewhere(client, 'v-bob', { name: 'Robert', tags: ['returning'] });
    await within(table).findByRole('rowheader', { name: 'Robert' });
    expect(within(table).getByText('returning')).toBeTruthy();

    // A visitor the list has not shown yet becomes a contact (the server's newest).
    client.contacts.contacts.set(
      'v-new',
      contact('v-new', { name: 'Zofia Nowa', lastSeenAt: new Date().toISOString() }),
    );
    changedElsewhere(client, 'v-new', {});
    await waitFor(() =>
      expect(within(screen.getByRole('table')).getAllByRole('rowheader')[0]?.textContent).toBe('Zofia Nowa'),
    );
  });
});
