import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SHOP_FAQS, SHOP_GROUPS } from '../testing/faq-fixtures.ts';
import { ADMIN, AGENT, createMemoryClient } from '../testing/memory-client.ts';
import { renderApp } from '../testing/render.tsx';

beforeEach(() => {
  location.hash = '#/unanswered';
});
afterEach(() => {
  cleanup();
  location.hash = '';
});

async function openPage(agent = ADMIN) {
  const client = createMemoryClient({ agent, faq: { faqs: SHOP_FAQS, groups: SHOP_GROUPS } });
  renderApp(client);
  const card = await screen.findByRole('article', { name: 'can I send back shoes' });
  return { client, card };
}

describe('Unanswered page', () => {
  it('shows groups with their count, language, texts and suggestions', async () => {
    const { card } = await openPage();
    const head = card.querySelector('header')!;
    expect(within(head).getByRole('heading', { level: 2 }).textContent).toBe('can I send back shoes');
    expect([...head.querySelectorAll('span')].map((s) => s.textContent)).toEqual(['Messages: 2', 'English']);
    expect(within(card).getByText('Show the messages (2)').tagName).toBe('SUMMARY');
    expect([...card.querySelectorAll('.card__text')].map((s) => s.textContent)).toEqual([
      'can I send back shoes',
      'return my shoes',
    ]);
    expect(within(card).getByRole('link', { name: 'How do I return an item?' }).getAttribute('href')).toBe(
      '#/faq/returns',
    );
    expect(card.querySelector('.matches .score__value')?.textContent).toBe('0.44');
    const blik = screen.getByRole('article', { name: 'czy mogę zapłacić blikiem' });
    expect(blik.querySelector('.notice')?.textContent).toBe('No similar entry yet.');
    expect(blik.querySelector('.matches')).toBeNull();
  });

  it('adds the texts as examples of the suggested entry, then dismisses them with its id', async () => {
    const { client, card } = await openPage();
    fireEvent.click(
      within(card).getByRole('button', { name: 'Add as examples to “How do I return an item?”' }),
    );
    await screen.findByText('Added to “How do I return an item?” as examples.');
    expect(client.faq.saved).toEqual([
      {
        siteId: 'site1',
        faqId: 'returns',
        input: expect.objectContaining({
          question: 'How do I return an item?',
          examples: ['send it back', 'refund please', 'can I send back shoes', 'return my shoes'],
        }),
      },
    ]);
    expect(client.faq.dismissed).toEqual([{ siteId: 'site1', messageIds: ['m1', 'm2'], faqId: 'returns' }]);
    await waitFor(() => expect(screen.queryByRole('article', { name: 'can I send back shoes' })).toBeNull());
  });

  it('does not dismiss when saving the entry fails', async () => {
    const { client, card } = await openPage();
    client.faq.faqs.clear();
    client.faq.faqs.set('returns', SHOP_FAQS[0]!);
    const original = client.saveFaq;
    client.saveFaq = async () => ({ ok: false, error: { code: 'unavailable', message: 'down' } });
    fireEvent.click(within(card).getByRole('button', { name: /Add as examples/ }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'The server cannot be reached. Please try again.',
    );
    expect(client.faq.dismissed).toEqual([]);
    client.saveFaq = original;
  });

  it('creates a new entry from a group, prefilled, and dismisses the group on save', async () => {
    const { client } = await openPage();
    const blik = screen.getByRole('article', { name: 'czy mogę zapłacić blikiem' });
    fireEvent.click(within(blik).getByRole('button', { name: 'Create new entry' }));
    const form = within(blik).getByRole('form', { name: 'New entry' });
    expect((within(form).getByLabelText('Question') as HTMLInputElement).value).toBe(
      'czy mogę zapłacić blikiem',
    );
    expect((within(form).getByLabelText('Language') as HTMLSelectElement).value).toBe('pl');
    fireEvent.input(within(form).getByLabelText('Answer (Markdown)'), {
      target: { value: 'Tak, BLIK działa.' },
    });
    fireEvent.click(within(form).getByRole('button', { name: 'Save' }));
    await screen.findByText('Entry “czy mogę zapłacić blikiem” created.');
    expect(client.faq.saved.at(-1)).toMatchObject({
      faqId: 'czy-moge-zaplacic-blikiem',
      input: { lang: 'pl', question: 'czy mogę zapłacić blikiem', answer: 'Tak, BLIK działa.' },
    });
    expect(client.faq.dismissed).toEqual([
      { siteId: 'site1', messageIds: ['m3'], faqId: 'czy-moge-zaplacic-blikiem' },
    ]);
    await waitFor(() =>
      expect(screen.queryByRole('article', { name: 'czy mogę zapłacić blikiem' })).toBeNull(),
    );
  });

  it('dismisses a group without an entry', async () => {
    const { client, card } = await openPage();
    fireEvent.click(within(card).getByRole('button', { name: 'Dismiss' }));
    await screen.findByText('Dismissed.');
    expect(client.faq.dismissed).toEqual([{ siteId: 'site1', messageIds: ['m1', 'm2'], faqId: null }]);
    expect(client.faq.saved).toEqual([]);
  });

  it('offers no actions to agents who are not admins', async () => {
    const { card } = await openPage(AGENT);
    expect(document.querySelector('.banner--info')?.textContent).toBe(
      'Only administrators can change this; you can look but not edit.',
    );
    expect(within(card).queryByRole('button')).toBeNull();
  });
});

describe('Unanswered page: learned from agents', () => {
  const ANSWERS = [
    {
      conversationId: 'c1',
      lang: 'en' as const,
      question: 'can I return worn shoes',
      answer: 'Yes, within 30 days, if they are **clean**.',
      createdAt: '2025-03-01T09:00:00.000Z',
      guess: { faqId: 'returns', question: 'How do I return an item?', score: 0.41 },
    },
    {
      conversationId: 'c2',
      lang: 'pl' as const,
      question: 'czy sprzedajecie traktory',
      answer: 'Nie, sprzedajemy tylko odzież i obuwie.',
      createdAt: '2025-03-01T08:00:00.000Z',
      guess: null,
    },
  ];

  async function openAnswers(agent = ADMIN) {
    const client = createMemoryClient({
      agent,
      faq: { faqs: SHOP_FAQS, groups: [], agentAnswers: ANSWERS },
    });
    renderApp(client);
    const section = await screen.findByRole('region', { name: 'Learned from agents' });
    return { client, section };
  }

  it('shows the question, the agent reply and the bot guess; no empty state', async () => {
    const { section } = await openAnswers();
    const card = within(section).getByRole('article', { name: 'can I return worn shoes' });
    expect(within(card).getByText('Yes, within 30 days, if they are **clean**.').tagName).toBe('BLOCKQUOTE');
    expect(within(card).getByRole('link', { name: 'How do I return an item?' }).getAttribute('href')).toBe(
      '#/faq/returns',
    );
    const none = within(section).getByRole('article', { name: 'czy sprzedajecie traktory' });
    expect(within(none).getByText('The bot found no similar entry.')).toBeTruthy();
    expect(screen.queryByText('Nothing to review: the bot has answered everything.')).toBeNull();
  });

  it('adds the question as an example of the guessed entry, then dismisses it', async () => {
    const { client, section } = await openAnswers();
    const card = within(section).getByRole('article', { name: 'can I return worn shoes' });
    fireEvent.click(
      within(card).getByRole('button', { name: 'Add as an example to “How do I return an item?”' }),
    );
    await screen.findByText('Added to “How do I return an item?” as examples.');
    expect(client.faq.saved.at(-1)).toMatchObject({
      faqId: 'returns',
      input: { examples: ['send it back', 'refund please', 'can I return worn shoes'] },
    });
    expect(client.faq.dismissedAnswers).toEqual(['c1']);
    await waitFor(() =>
      expect(screen.queryByRole('article', { name: 'can I return worn shoes' })).toBeNull(),
    );
  });

  it('creates a new entry prefilled with the question and the agent reply', async () => {
    const { client, section } = await openAnswers();
    const card = within(section).getByRole('article', { name: 'czy sprzedajecie traktory' });
    fireEvent.click(within(card).getByRole('button', { name: 'Create a new FAQ entry' }));
    const form = within(card).getByRole('form', { name: 'New entry' });
    expect((within(form).getByLabelText('Question') as HTMLInputElement).value).toBe(
      'czy sprzedajecie traktory',
    );
    expect((within(form).getByLabelText('Answer (Markdown)') as HTMLTextAreaElement).value).toBe(
      'Nie, sprzedajemy tylko odzież i obuwie.',
    );
    expect((within(form).getByLabelText('Language') as HTMLSelectElement).value).toBe('pl');
    fireEvent.click(within(form).getByRole('button', { name: 'Save' }));
    await screen.findByText('Entry “czy sprzedajecie traktory” created.');
    expect(client.faq.saved.at(-1)).toMatchObject({
      input: {
        lang: 'pl',
        question: 'czy sprzedajecie traktory',
        answer: 'Nie, sprzedajemy tylko odzież i obuwie.',
      },
    });
    expect(client.faq.dismissedAnswers).toEqual(['c2']);
  });

  it('dismisses one, and shows no actions to agents who are not admins', async () => {
    const { client, section } = await openAnswers();
    const card = within(section).getByRole('article', { name: 'czy sprzedajecie traktory' });
    fireEvent.click(within(card).getByRole('button', { name: 'Dismiss' }));
    await screen.findByText('Dismissed.');
    expect(client.faq.dismissedAnswers).toEqual(['c2']);
    expect(client.faq.saved).toEqual([]);
    cleanup();
    const read = await openAnswers(AGENT);
    expect(within(read.section).queryByRole('button')).toBeNull();
  });
});
