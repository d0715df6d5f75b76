import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SHOP_FAQS, SHOP_OVERLAPS } from '../testing/faq-fixtures.ts';
import { ADMIN, AGENT, createMemoryClient } from '../testing/memory-client.ts';
import { renderApp } from '../testing/render.tsx';

beforeEach(() => {
  location.hash = '#/faq';
});
afterEach(() => {
  cleanup();
  location.hash = '';
});

const seeded = (agent = ADMIN) =>
  createMemoryClient({ agent, faq: { faqs: SHOP_FAQS, overlaps: SHOP_OVERLAPS } });

async function openFaqPage(agent = ADMIN) {
  const client = seeded(agent);
  renderApp(client);
  await screen.findByRole('link', { name: /How do I return an item\?/ });
  return client;
}

/** The questions listed in one language's section. */
const names = (region: HTMLElement) => [...region.querySelectorAll('.row__name')].map((n) => n.textContent);
const field = (name: string | RegExp) => screen.getByLabelText(name) as HTMLInputElement;

describe('FAQ page', () => {
  it('lists entries grouped by language, with overlap counts, and filters them', async () => {
    await openFaqPage();
    const english = screen.getByRole('region', { name: 'English' });
    const polish = screen.getByRole('region', { name: 'Polish' });
    expect(
      within(english)
        .getAllByRole('link')
        .map((a) => a.textContent),
    ).toEqual([
      expect.stringContaining('How do I return an item?'),
      expect.stringContaining('How long does shipping take?'),
    ]);
    expect(names(polish)).toEqual(['Jak zwrócić towar?']);
    expect([...english.querySelectorAll('.faq-row__warning')].map((w) => w.textContent)).toEqual([
      '⚠ overlap warnings: 1',
    ]);

    fireEvent.input(screen.getByRole('searchbox', { name: 'Search' }), { target: { value: 'zwrocic' } });
    expect(screen.queryByRole('region', { name: 'English' })).toBeNull();
    expect(names(screen.getByRole('region', { name: 'Polish' }))).toEqual(['Jak zwrócić towar?']);
    fireEvent.input(screen.getByRole('searchbox', { name: 'Search' }), {
      target: { value: 'nothing like it' },
    });
    expect(screen.queryByRole('region', { name: 'Polish' })).toBeNull();
    const toolbar = screen.getByRole('searchbox', { name: 'Search' }).parentElement!;
    expect(toolbar.nextElementSibling?.textContent).toBe('No entry matches the search.');
  });

  it('edits an entry: examples added and removed, live preview, save PUTs the cleaned body', async () => {
    const client = await openFaqPage();
    fireEvent.click(screen.getByRole('link', { name: /How do I return an item\?/ }));
    const form = await screen.findByRole('form', { name: 'Edit entry' });
    expect(location.hash).toBe('#/faq/returns');
    const preview = within(form).getByRole('region', { name: 'Preview' });
    expect(within(preview).getByRole('link', { name: 'returns form' }).getAttribute('rel')).toContain(
      'noopener',
    );

    fireEvent.input(field('Answer (Markdown)'), { target: { value: 'Send it **back** <script>x</script>' } });
    expect(within(preview).getByText('back').tagName).toBe('STRONG');
    expect(preview.querySelector('script')).toBeNull();

    fireEvent.click(within(form).getByRole('button', { name: 'Remove example 1' }));
    fireEvent.click(within(form).getByRole('button', { name: 'Add example' }));
    fireEvent.input(field('Example 2'), { target: { value: '  money back  ' } });
    fireEvent.input(field('Tags (comma-separated)'), { target: { value: 'orders, refunds' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save' }));

    await screen.findByText('Saved.');
    expect(client.faq.saved).toEqual([
      {
        siteId: 'site1',
        faqId: 'returns',
        input: {
          lang: 'en',
          question: 'How do I return an item?',
          examples: ['refund please', 'money back'],
          answer: 'Send it **back** <script>x</script>',
          tags: ['orders', 'refunds'],
        },
      },
    ]);
  });

  it('R5 says why an answer too complex to format cannot be saved, and does not save it', async () => {
    const client = await openFaqPage();
    fireEvent.click(screen.getByRole('link', { name: /How do I return an item\?/ }));
    const form = await screen.findByRole('form', { name: 'Edit entry' });
    fireEvent.input(field('Answer (Markdown)'), { target: { value: '[a]('.repeat(1240) } });
    expect(within(form).getByRole('alert').textContent).toBe(
      'The answer cannot be saved: too many links (more than 32 "[" or "](").',
    );
    const preview = within(form).getByRole('region', { name: 'Preview' });
    expect(preview.querySelector('.markdown--plain')?.textContent).toBe('[a]('.repeat(1240));
    fireEvent.click(within(form).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(client.faq.saved).toEqual([]));
  });

  it('shows overlap warnings with a link that opens the other entry', async () => {
    location.hash = '#/faq/returns';
    await openFaqPage();
    const warnings = await screen.findByRole('region', { name: 'Overlaps with other entries' });
    expect(warnings.textContent).toContain(
      'Example “refund please” matches How long does shipping take? better (0.81 vs 0.62)',
    );
    fireEvent.click(within(warnings).getByRole('link', { name: 'How long does shipping take?' }));
    await waitFor(() => expect(field('Question').value).toBe('How long does shipping take?'));
    expect(location.hash).toBe('#/faq/shipping');
  });

  it('creates an entry with an id made from the question, refusing a taken id', async () => {
    const client = await openFaqPage();
    fireEvent.click(screen.getByRole('button', { name: 'New entry' }));
    const form = await screen.findByRole('form', { name: 'New entry' });
    fireEvent.click(within(form).getByRole('button', { name: 'Save' }));
    expect(within(form).getByRole('alert').textContent).toContain('Write the question.');
    expect(client.faq.saved).toEqual([]);

    fireEvent.change(within(form).getByLabelText('Language'), { target: { value: 'pl' } });
    fireEvent.input(field('Question'), { target: { value: 'Czy mogę zapłacić BLIKIEM?' } });
    fireEvent.input(field('Example 1'), { target: { value: 'płatność blik' } });
    fireEvent.input(field('Answer (Markdown)'), { target: { value: 'Tak, przyjmujemy BLIK.' } });
    fireEvent.input(field('Id'), { target: { value: 'returns' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save' }));
    expect(within(form).getByRole('alert').textContent).toContain('An entry with this id already exists.');

    fireEvent.input(field('Id'), { target: { value: '' } });
    expect(field('Id').nextElementSibling?.textContent).toMatch(/: czy-moge-zaplacic-blikiem$/);
    fireEvent.click(within(form).getByRole('button', { name: 'Save' }));
    await screen.findByRole('form', { name: 'Edit entry' });
    expect(client.faq.saved.at(-1)).toEqual({
      siteId: 'site1',
      faqId: 'czy-moge-zaplacic-blikiem',
      input: {
        lang: 'pl',
        question: 'Czy mogę zapłacić BLIKIEM?',
        examples: ['płatność blik'],
        answer: 'Tak, przyjmujemy BLIK.',
        tags: [],
      },
    });
    expect(names(screen.getByRole('region', { name: 'Polish' }))).toContain('Czy mogę zapłacić BLIKIEM?');
  });

  it('deletes only after confirmation', async () => {
    location.hash = '#/faq/shipping';
    const client = await openFaqPage();
    const form = await screen.findByRole('form', { name: 'Edit entry' });
    fireEvent.click(within(form).getByRole('button', { name: 'Delete' }));
    const confirm = screen.getByRole('alertdialog');
    expect(confirm.textContent).toContain('Delete the entry “How long does shipping take?”?');
    fireEvent.click(within(confirm).getByRole('button', { name: 'Cancel' }));
    expect(client.faq.deleted).toEqual([]);
    fireEvent.click(within(form).getByRole('button', { name: 'Delete' }));
    fireEvent.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Delete' }));
    await screen.findByText('Entry deleted.');
    expect(client.faq.deleted).toEqual([{ siteId: 'site1', faqId: 'shipping' }]);
    await waitFor(() => expect(screen.queryByText('How long does shipping take?')).toBeNull());
  });

  it('is read-only for agents who are not admins', async () => {
    location.hash = '#/faq/returns';
    const client = await openFaqPage(AGENT);
    const form = await screen.findByRole('form', { name: 'Entry' });
    expect(document.querySelector('.banner--info')?.textContent).toBe(
      'Only administrators can change this; you can look but not edit.',
    );
    expect(screen.queryByRole('button', { name: 'New entry' })).toBeNull();
    expect(within(form).queryByRole('button', { name: 'Save' })).toBeNull();
    expect(within(form).queryByRole('button', { name: 'Delete' })).toBeNull();
    expect(within(form).queryByRole('button', { name: 'Add example' })).toBeNull();
    expect(field('Question').readOnly).toBe(true);
    expect(field('Example 1').readOnly).toBe(true);
    expect(client.faq.saved).toEqual([]);
  });
});
