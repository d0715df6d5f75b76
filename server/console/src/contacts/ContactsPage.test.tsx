import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { siteDetail } from '../testing/memory-admin.ts';
import { ADMIN, AGENT, createMemoryClient } from '../testing/memory-client.ts';
import { contact } from '../testing/memory-contacts.ts';
import { renderApp } from '../testing/render.tsx';

beforeEach(() => {
  location.hash = '#/contacts';
});
afterEach(() => {
  cleanup();
  location.hash = '';
  localStorage.clear();
});

const day = (n: number) => `2026-11-${String(n).padStart(2, '0')}T10:00:00.000Z`;

function seeded(agent = AGENT) {
  return createMemoryClient({
    agent,
    contacts: {
      pageSize: 2,
      contacts: [
        contact('k1', {
          name: 'Ada Lovelace',
          email: 'ada@example.com',
          identity: 'verified',
          userId: 'shop-1',
          lastSeenAt: day(5),
          tags: ['vip'],
        }),
        contact('k2', {
          name: 'Bolek',
          email: 'bolek@example.pl',
          lastSeenAt: day(9),
          attributes: [{ key: 'plan', type: 'string', value: 'pro' }],
        }),
        contact('k3', {
          name: 'Celina',
          identity: 'unverified',
          userId: 'claimed',
          lastSeenAt: day(7),
          tags: ['vip'],
        }),
        contact('k4', { name: null, email: null, lastSeenAt: day(1) }),
        contact('other-site', { siteId: 'site2', name: 'Someone else', lastSeenAt: day(10) }),
      ],
    },
  });
}

const rows = () =>
  within(screen.getByRole('table'))
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getByRole('rowheader').textContent);

describe('Contacts page (issue 12)', () => {
  it('lists the site’s contacts last seen first, a page at a time', async () => {
    const client = seeded();
    renderApp(client);
    expect(await screen.findByRole('heading', { name: 'Contacts', level: 1 })).toBeTruthy();
    await waitFor(() => expect(rows()).toEqual(['Bolek', 'Celina']));
    expect(screen.getByRole('link', { name: 'Contacts' }).getAttribute('aria-current')).toBe('page');
    fireEvent.click(screen.getByRole('button', { name: 'Load more' }));
    await waitFor(() =>
      expect(rows()).toEqual(['Bolek', 'Celina', 'Ada Lovelace', expect.stringMatching(/^Visitor /)]),
    );
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();
    expect(client.contacts.queries.at(-1)).toMatchObject({ cursor: 'o2' });
    // Another site's contact never shows (A2).
    expect(screen.queryByText('Someone else')).toBeNull();
    const ada = screen.getByRole('row', { name: /Ada Lovelace/ });
    expect(within(ada).getByText('Verified')).toBeTruthy();
    expect(within(ada).getByText('shop-1')).toBeTruthy();
  });

  it('searches by name, by key:value, and filters by tag', async () => {
    const client = seeded();
    renderApp(client);
    await waitFor(() => expect(rows()).toHaveLength(2));
    fireEvent.input(screen.getByLabelText('Search', { selector: 'input' }), { target: { value: 'ada' } });
    fireEvent.submit(screen.getByLabelText('Tag').closest('form') as HTMLFormElement);
    await waitFor(() => expect(rows()).toEqual(['Ada Lovelace']));
    fireEvent.input(screen.getByLabelText('Search', { selector: 'input' }), {
      target: { value: 'plan:pro' },
    });
    fireEvent.submit(screen.getByLabelText('Tag').closest('form') as HTMLFormElement);
    await waitFor(() => expect(rows()).toEqual(['Bolek']));
    fireEvent.input(screen.getByLabelText('Search', { selector: 'input' }), { target: { value: '' } });
    fireEvent.input(screen.getByLabelText('Tag'), { target: { value: 'vip' } });
    fireEvent.submit(screen.getByLabelText('Tag').closest('form') as HTMLFormElement);
    await waitFor(() => expect(rows()).toEqual(['Celina', 'Ada Lovelace']));
    expect(client.contacts.queries.at(-1)).toMatchObject({ tag: 'vip' });
    fireEvent.input(screen.getByLabelText('Search', { selector: 'input' }), { target: { value: 'nobody' } });
    fireEvent.submit(screen.getByLabelText('Tag').closest('form') as HTMLFormElement);
    expect(await screen.findByText('No contacts match.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Clear' }));
    await waitFor(() => expect(rows()).toEqual(['Bolek', 'Celina']));
  });

  it('opens a contact, exports it, and erases it only after two confirmations', async () => {
    const client = seeded();
    renderApp(client);
    fireEvent.click(await screen.findByRole('button', { name: 'Load more' }));
    fireEvent.click(await screen.findByRole('link', { name: 'Ada Lovelace' }));
    expect(await screen.findByRole('heading', { name: 'Ada Lovelace', level: 2 })).toBeTruthy();
    expect(location.hash).toBe('#/contacts/k1');
    const exportLink = screen.getByRole('link', { name: 'Export JSON' });
    expect(exportLink.getAttribute('href')).toBe('/api/v1/sites/site1/contacts/k1/export');
    expect(exportLink.hasAttribute('download')).toBe(true);
    const zipLink = screen.getByRole('link', { name: 'Export with files (ZIP)' });
    expect(zipLink.getAttribute('href')).toBe('/api/v1/sites/site1/contacts/k1/export/zip');
    expect(zipLink.hasAttribute('download')).toBe(true);

    fireEvent.click(screen.getByRole('button', { name: 'Erase contact' }));
    expect(screen.getByText(/Erase Ada Lovelace\? Their messages are redacted/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    const final = await screen.findByRole('group', {
      name: 'This cannot be undone. Erase Ada Lovelace for good?',
    });
    await waitFor(() =>
      expect(document.activeElement).toBe(within(final).getByRole('button', { name: 'Erase for good' })),
    );
    // Backing out at the second question erases nothing.
    fireEvent.click(within(final).getByRole('button', { name: 'Cancel' }));
    expect(client.contacts.contacts.get('k1')?.erased).toBe(false);

    fireEvent.click(screen.getByRole('button', { name: 'Erase contact' }));
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Erase for good' }));
    expect(await screen.findByText(/Contact erased: 0 conversations and 7 messages redacted\./)).toBeTruthy();
    expect(client.contacts.contacts.get('k1')).toMatchObject({ erased: true, name: null, email: null });
    expect(
      await screen.findByText('This contact was erased. The record is anonymised and cannot be edited.'),
    ).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Edit details' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Erase contact' })).toBeNull();

    fireEvent.click(screen.getByRole('link', { name: '← All contacts' }));
    await waitFor(() => expect(location.hash).toBe('#/contacts'));
  });

  it('A2: a contact of another site in the address is not found', async () => {
    location.hash = '#/contacts/other-site';
    renderApp(seeded());
    expect(await screen.findByRole('alert')).toBeTruthy();
    expect(screen.queryByText('Someone else')).toBeNull();
  });

  it('speaks Polish', async () => {
    renderApp(seeded(), 'pl');
    expect(await screen.findByRole('heading', { name: 'Kontakty', level: 1 })).toBeTruthy();
    expect(await screen.findByRole('button', { name: 'Załaduj więcej' })).toBeTruthy();
    expect(screen.getByText(/Według ostatniej wizyty, od najnowszej\./)).toBeTruthy();
  });
});

describe('identity verification in the site settings (issue 12)', () => {
  it('generates a secret, shows the snippets per language, rotates only after a confirmation', async () => {
    location.hash = '#/sites';
    const client = createMemoryClient({
      agent: ADMIN,
      admin: { sites: [siteDetail('site1', { name: 'Shop', key: 'shop-key' })] },
    });
    renderApp(client);
    fireEvent.click(await screen.findByRole('button', { name: 'Edit Shop' }));
    const section = (await screen.findByRole('heading', { name: 'Verify logged-in users' })).closest(
      'section',
    ) as HTMLElement;
    expect(
      await within(section).findByText(/No secret: identify calls are accepted but marked not verified/),
    ).toBeTruthy();
    fireEvent.click(within(section).getByRole('button', { name: 'Generate a secret' }));
    const secret = (await within(section).findByLabelText('Identity secret')) as HTMLInputElement;
    expect(secret.value).toMatch(/^secret-/);
    const code = () => (within(section).getByLabelText('On your server') as HTMLTextAreaElement).value;
    expect(code()).toContain("createHmac('sha256'");
    fireEvent.change(within(section).getByLabelText(/Language/), { target: { value: 'php' } });
    await waitFor(() => expect(code()).toContain('hash_hmac('));
    fireEvent.change(within(section).getByLabelText(/Language/), { target: { value: 'python' } });
    await waitFor(() => expect(code()).toContain('hexdigest()'));
    expect((within(section).getByLabelText('On your page') as HTMLTextAreaElement).value).toContain(
      'userHash',
    );
    const before = secret.value;
    fireEvent.click(within(section).getByRole('button', { name: 'Rotate the secret' }));
    fireEvent.click(within(section).getByRole('button', { name: 'Rotate' }));
    await waitFor(() =>
      expect((within(section).getByLabelText('Identity secret') as HTMLInputElement).value).not.toBe(before),
    );
    expect(within(section).getByText(/New secret saved/)).toBeTruthy();
  });
});
