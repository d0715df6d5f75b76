/** Issue 10: the site's leave-a-message form settings in the console (admin), against the in-memory client. */
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { siteDetail } from '../testing/memory-admin.ts';
import { ADMIN, createMemoryClient } from '../testing/memory-client.ts';
import { renderApp } from '../testing/render.tsx';

beforeEach(() => {
  location.hash = '#/sites';
});
afterEach(() => {
  cleanup();
  location.hash = '';
  localStorage.clear();
});

async function openSection() {
  const client = createMemoryClient({
    agent: ADMIN,
    admin: { sites: [siteDetail('site1', { name: 'Shop' })] },
  });
  renderApp(client);
  const table = await screen.findByRole('table');
  fireEvent.click(within(table).getByRole('button', { name: 'Edit Shop' }));
  const section = (await screen.findByRole('heading', { name: 'Leave a message' })).closest(
    'section',
  ) as HTMLElement;
  await waitFor(() =>
    expect(within(section).getByRole('button', { name: 'Save form settings' })).toHaveProperty(
      'disabled',
      false,
    ),
  );
  return { client, section };
}

const type = (el: HTMLElement, value: string) => fireEvent.input(el, { target: { value } });

describe('offline settings section', () => {
  it('adds a required text question and a choice in both languages, and sets the long-wait threshold', async () => {
    const { client, section } = await openSection();
    type(within(section).getByLabelText(/estimated wait reaches/), '15');
    fireEvent.click(within(section).getByRole('button', { name: 'Add a question' }));
    const first = within(section).getByRole('group', { name: 'Question 1' });
    type(within(first).getByLabelText('Question (English)'), 'Order number');
    type(within(first).getByLabelText('Question (Polish)'), 'Numer zamówienia');
    fireEvent.click(within(first).getByLabelText('Required'));

    fireEvent.click(within(section).getByRole('button', { name: 'Add a question' }));
    const second = within(section).getByRole('group', { name: 'Question 2' });
    type(within(second).getByLabelText('Question (English)'), 'Topic');
    fireEvent.change(within(second).getByLabelText('Answer type'), { target: { value: 'choice' } });
    type(within(second).getByLabelText('Options (English), one per line'), 'Returns\nDelivery');
    type(within(second).getByLabelText('Options (Polish), one per line'), 'Zwroty\nDostawa');

    fireEvent.click(within(section).getByRole('button', { name: 'Save form settings' }));
    await within(section).findByText('Form settings saved.');
    expect(client.offline.stored.get('site1')).toEqual({
      longWaitMinutes: 15,
      fields: [
        { id: 'q1', type: 'text', label: { en: 'Order number', pl: 'Numer zamówienia' }, required: true },
        {
          id: 'q2',
          type: 'choice',
          label: { en: 'Topic' },
          required: false,
          options: [
            { id: 'o1', label: { en: 'Returns', pl: 'Zwroty' } },
            { id: 'o2', label: { en: 'Delivery', pl: 'Dostawa' } },
          ],
        },
      ],
    });
  });

  it('refuses a question without a label before saving, and a choice without options', async () => {
    const { client, section } = await openSection();
    fireEvent.click(within(section).getByRole('button', { name: 'Add a question' }));
    fireEvent.click(within(section).getByRole('button', { name: 'Save form settings' }));
    const alert = await within(section).findByRole('alert');
    expect(alert.textContent).toContain('a question needs a label in at least one language');
    const first = within(section).getByRole('group', { name: 'Question 1' });
    type(within(first).getByLabelText('Question (English)'), 'Topic');
    fireEvent.change(within(first).getByLabelText('Answer type'), { target: { value: 'choice' } });
    fireEvent.click(within(section).getByRole('button', { name: 'Save form settings' }));
    await waitFor(() =>
      expect(within(section).getByRole('alert').textContent).toContain('a choice needs options'),
    );
    expect(client.offline.saves).toEqual([]);
  });
});
