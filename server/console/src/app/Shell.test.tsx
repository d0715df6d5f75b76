import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { SHOP_FAQS } from '../testing/faq-fixtures.ts';
import { siteDetail } from '../testing/memory-admin.ts';
import { ADMIN, AGENT, createMemoryClient } from '../testing/memory-client.ts';
import { faqEntry } from '../testing/memory-faq.ts';
import { renderApp } from '../testing/render.tsx';

afterEach(() => {
  cleanup();
  location.hash = '';
  localStorage.clear();
});

const TWO_SITES = {
  ...ADMIN,
  sites: [...ADMIN.sites, { id: 'site2', name: 'Blog', key: 'blog-key' }],
};

describe('console navigation', () => {
  it('opens on conversations and moves between the sections', async () => {
    renderApp(createMemoryClient({ agent: ADMIN, faq: { faqs: SHOP_FAQS } }));
    const nav = await screen.findByRole('navigation', { name: 'Console sections' });
    expect(within(nav).getByRole('link', { name: 'Conversations' }).getAttribute('aria-current')).toBe(
      'page',
    );
    const workspace = screen.getByText('Select a conversation from the list.').closest('.workspace');
    expect(workspace?.hasAttribute('hidden')).toBe(false);

    fireEvent.click(within(nav).getByRole('link', { name: 'FAQ' }));
    await screen.findByRole('heading', { name: 'FAQ', level: 1 });
    expect(location.hash).toBe('#/faq');
    // The workspace stays mounted (socket, badges) but hidden.
    expect(workspace?.hasAttribute('hidden')).toBe(true);
    expect(workspace?.isConnected).toBe(true);

    fireEvent.click(within(nav).getByRole('link', { name: 'Unanswered' }));
    await screen.findByRole('heading', { name: 'Unanswered questions' });
    fireEvent.click(within(nav).getByRole('link', { name: 'Bot settings' }));
    await screen.findByRole('heading', { name: 'Bot settings', level: 1 });
    fireEvent.click(within(nav).getByRole('link', { name: 'Conversations' }));
    expect(screen.getByText('Select a conversation from the list.').closest('[hidden]')).toBeNull();
  });

  it('offers a site picker when the agent has several sites', async () => {
    location.hash = '#/faq';
    const client = createMemoryClient({ agent: TWO_SITES, faq: { faqs: [faqEntry('hello')] } });
    const listed: string[] = [];
    const listFaqs = client.listFaqs;
    client.listFaqs = (siteId) => {
      listed.push(siteId);
      return listFaqs(siteId);
    };
    renderApp(client);
    await screen.findByText('Question hello');
    const picker = screen.getByLabelText('Site') as HTMLSelectElement;
    expect([...picker.options].map((o) => o.textContent)).toEqual(['Shop', 'Blog']);
    fireEvent.change(picker, { target: { value: 'site2' } });
    await waitFor(() => expect(listed).toEqual(['site1', 'site2']));
    await screen.findByText('Question hello');
  });

  it('hides the site picker with a single site, and on the conversations page', async () => {
    renderApp(createMemoryClient({ agent: TWO_SITES }));
    await screen.findByRole('navigation', { name: 'Console sections' });
    expect(screen.queryByLabelText('Site')).toBeNull();
    cleanup();
    location.hash = '#/faq';
    renderApp(createMemoryClient({ agent: ADMIN }));
    await screen.findByRole('heading', { name: 'FAQ', level: 1 });
    expect(screen.queryByLabelText('Site')).toBeNull();
  });

  it('remembers the chosen site across reloads and routes every site page through it', async () => {
    location.hash = '#/faq';
    const client = createMemoryClient({ agent: TWO_SITES, faq: { faqs: [faqEntry('hello')] } });
    const asked: string[] = [];
    const spy =
      <A extends unknown[], R>(name: string, fn: (siteId: string, ...rest: A) => R) =>
      (siteId: string, ...rest: A) => {
        asked.push(`${name}:${siteId}`);
        return fn(siteId, ...rest);
      };
    client.listFaqs = spy('faq', client.listFaqs);
    client.listUnanswered = spy('unanswered', client.listUnanswered);
    client.getBotSettings = spy('settings', client.getBotSettings);
    client.getSite = spy('appearance', client.getSite);
    renderApp(client);
    await screen.findByText('Question hello');
    fireEvent.change(screen.getByLabelText('Site'), { target: { value: 'site2' } });
    await waitFor(() => expect(asked).toContain('faq:site2'));
    expect(localStorage.getItem('frontdesk:console:site')).toBe('site2');
    cleanup();

    asked.length = 0;
    renderApp(client);
    await waitFor(() => expect(asked).toEqual(['faq:site2']));
    const nav = screen.getByRole('navigation', { name: 'Console sections' });
    fireEvent.click(within(nav).getByRole('link', { name: 'Unanswered' }));
    fireEvent.click(within(nav).getByRole('link', { name: 'Bot settings' }));
    fireEvent.click(within(nav).getByRole('link', { name: 'Appearance' }));
    await screen.findByRole('heading', { name: 'Widget of Blog' });
    // (The Unanswered page reads the FAQ too, for its suggestions.)
    expect(new Set(asked)).toEqual(
      new Set(['faq:site2', 'unanswered:site2', 'settings:site2', 'appearance:site2']),
    );
  });

  it('falls back to the first site when the remembered one is gone', async () => {
    localStorage.setItem('frontdesk:console:site', 'deleted-site');
    location.hash = '#/settings';
    renderApp(createMemoryClient({ agent: TWO_SITES }));
    await screen.findByRole('heading', { name: 'Bot settings', level: 1 });
    expect((screen.getByLabelText('Site') as HTMLSelectElement).value).toBe('site1');
  });

  it('offers admins every live site the server lists, not archived ones', async () => {
    location.hash = '#/settings';
    const client = createMemoryClient({
      agent: ADMIN,
      admin: {
        sites: [
          siteDetail('site1', { name: 'Shop', key: 'shop-key' }),
          siteDetail('site4', { name: 'Outlet' }),
          siteDetail('site5', { name: 'Closed', archived: true }),
        ],
      },
    });
    renderApp(client);
    await screen.findByRole('heading', { name: 'Bot settings', level: 1 });
    const picker = (await screen.findByLabelText('Site')) as HTMLSelectElement;
    expect([...picker.options].map((o) => o.textContent)).toEqual(['Shop', 'Outlet']);
  });

  it('offers agents only their own sites', async () => {
    location.hash = '#/faq';
    const agent = { ...AGENT, sites: [...AGENT.sites, { id: 'site2', name: 'Blog', key: 'blog-key' }] };
    const client = createMemoryClient({
      agent,
      admin: {
        sites: [
          siteDetail('site1', { name: 'Shop', key: 'shop-key' }),
          siteDetail('site2', { name: 'Blog', key: 'blog-key' }),
          siteDetail('site9', { name: 'Someone else’s' }),
        ],
      },
    });
    renderApp(client);
    await screen.findByRole('heading', { name: 'FAQ', level: 1 });
    const picker = screen.getByLabelText('Site') as HTMLSelectElement;
    await waitFor(() => expect(client.admin.calls.some((c) => c.name === 'listSites')).toBe(true));
    expect([...picker.options].map((o) => o.textContent)).toEqual(['Shop', 'Blog']);
  });
});
