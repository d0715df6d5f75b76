import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { SHOP_FAQS } from '../testing/faq-fixtures.ts';
import { ADMIN, createMemoryClient } from '../testing/memory-client.ts';
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
});
