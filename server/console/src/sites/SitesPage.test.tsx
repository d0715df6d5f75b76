import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { siteDetail } from '../testing/memory-admin.ts';
import { ADMIN, AGENT, createMemoryClient } from '../testing/memory-client.ts';
import { renderApp } from '../testing/render.tsx';

beforeEach(() => {
  location.hash = '#/sites';
});
afterEach(() => {
  cleanup();
  location.hash = '';
  localStorage.clear();
});

const SITES = [
  siteDetail('site1', { name: 'Shop', key: 'shop-key', allowedOrigins: ['https://shop.example'] }),
  siteDetail('site3', { name: 'Old shop', key: 'old-key', archived: true }),
];

async function openPage() {
  const client = createMemoryClient({ agent: ADMIN, admin: { sites: SITES } });
  renderApp(client);
  const table = await screen.findByRole('table');
  return { client, table };
}

const row = (table: HTMLElement, name: string) =>
  within(table).getByRole('rowheader', { name }).closest('tr') as HTMLElement;

describe('Sites page', () => {
  it('lists every site with its key and an archived badge', async () => {
    const { table } = await openPage();
    expect(within(row(table, 'Shop')).queryByText('shop-key')).not.toBeNull();
    expect(within(row(table, 'Shop')).queryByText('Active')).not.toBeNull();
    expect(within(row(table, 'Old shop')).queryByText('Archived')).not.toBeNull();
  });

  it('creates a site, checking the origins with the server schema first', async () => {
    const { client, table } = await openPage();
    const form = screen.getByRole('heading', { name: 'Add a site' }).closest('section') as HTMLElement;
    expect(within(form).queryByText(/An empty list allows nothing/)).not.toBeNull();
    fireEvent.input(within(form).getByLabelText('Name'), { target: { value: 'Outlet' } });
    fireEvent.input(within(form).getByLabelText('Allowed origins'), {
      target: { value: 'https://outlet.example/\nftp://outlet.example\nhttps://outlet.example/shop' },
    });
    fireEvent.click(within(form).getByRole('button', { name: 'Add site' }));
    await within(form).findByText('ftp://outlet.example: must start with https:// or http://');
    expect(
      within(form).queryByText('https://outlet.example/shop: an origin only, without a path, query or #'),
    ).not.toBeNull();
    expect(client.admin.calls.some((c) => c.name === 'createSite')).toBe(false);

    fireEvent.input(within(form).getByLabelText('Allowed origins'), {
      target: { value: 'https://Outlet.example/\nhttps://*.outlet.example\n' },
    });
    fireEvent.click(within(form).getByRole('button', { name: 'Add site' }));
    await within(form).findByText('Site “Outlet” added.');
    const created = [...client.admin.sites.values()].find((s) => s.name === 'Outlet')!;
    expect(created.allowedOrigins).toEqual(['https://outlet.example', 'https://*.outlet.example']);
    await waitFor(() => expect(within(table).queryByRole('rowheader', { name: 'Outlet' })).not.toBeNull());
    // The new site opens in the editor.
    expect(screen.queryByRole('heading', { name: 'Site: Outlet' })).not.toBeNull();
  });

  it('requires a name', async () => {
    const { client } = await openPage();
    const form = screen.getByRole('heading', { name: 'Add a site' }).closest('section') as HTMLElement;
    fireEvent.click(within(form).getByRole('button', { name: 'Add site' }));
    await within(form).findByText('Enter a name (at most 100 characters).');
    expect(client.admin.calls.some((c) => c.name === 'createSite')).toBe(false);
  });

  it('renames a site and edits its origins and default language', async () => {
    const { client, table } = await openPage();
    fireEvent.click(within(row(table, 'Shop')).getByRole('button', { name: 'Edit Shop' }));
    const editor = (await screen.findByRole('heading', { name: 'Site: Shop' })).closest(
      'section',
    ) as HTMLElement;
    const origins = (await within(editor).findByLabelText('Allowed origins')) as HTMLTextAreaElement;
    expect(origins.value).toBe('https://shop.example');
    fireEvent.input(within(editor).getByLabelText('Name'), { target: { value: 'Shop EU' } });
    fireEvent.input(origins, { target: { value: 'https://shop.example\nhttps://*.shop.example' } });
    fireEvent.change(within(editor).getByLabelText('Default language'), { target: { value: 'pl' } });
    fireEvent.click(within(editor).getByRole('button', { name: 'Save' }));
    await within(editor).findByText('Saved.');
    expect(client.admin.sites.get('site1')).toMatchObject({
      name: 'Shop EU',
      allowedOrigins: ['https://shop.example', 'https://*.shop.example'],
      defaultLocale: 'pl',
    });
    await waitFor(() => expect(within(table).queryByRole('rowheader', { name: 'Shop EU' })).not.toBeNull());
  });

  it('archives and unarchives a site after confirmation', async () => {
    const { client, table } = await openPage();
    fireEvent.click(within(row(table, 'Shop')).getByRole('button', { name: 'Edit Shop' }));
    const editor = (await screen.findByRole('heading', { name: 'Site: Shop' })).closest(
      'section',
    ) as HTMLElement;
    fireEvent.click(await within(editor).findByRole('button', { name: 'Archive' }));
    expect(within(editor).queryByText(/Its widget stops working/)).not.toBeNull();
    expect(client.admin.sites.get('site1')!.archived).toBe(false);
    fireEvent.click(within(editor).getByRole('button', { name: 'Yes, archive' }));
    await within(editor).findByText('Site archived.');
    expect(client.admin.sites.get('site1')!.archived).toBe(true);
    await waitFor(() => expect(within(row(table, 'Shop')).queryByText('Archived')).not.toBeNull());

    fireEvent.click(within(editor).getByRole('button', { name: 'Unarchive' }));
    fireEvent.click(within(editor).getByRole('button', { name: 'Yes, unarchive' }));
    await within(editor).findByText('Site unarchived.');
    expect(client.admin.sites.get('site1')!.archived).toBe(false);
  });

  it('opens a site’s appearance, switching to that site', async () => {
    const client = createMemoryClient({
      agent: ADMIN,
      admin: { sites: [...SITES, siteDetail('site2', { name: 'Blog', key: 'blog-key' })] },
    });
    renderApp(client);
    const table = await screen.findByRole('table');
    fireEvent.click(within(row(table, 'Blog')).getByRole('button', { name: 'Appearance of Blog' }));
    await screen.findByRole('heading', { name: 'Widget of Blog' });
    expect(location.hash).toBe('#/appearance');
    expect((screen.getByLabelText('Site') as HTMLSelectElement).value).toBe('site2');
    expect(localStorage.getItem('frontdesk:console:site')).toBe('site2');
  });

  it('is not offered to agents', async () => {
    renderApp(createMemoryClient({ agent: AGENT }));
    await screen.findByText('Only administrators can make changes.');
    expect(screen.queryByRole('table')).toBeNull();
  });
});
