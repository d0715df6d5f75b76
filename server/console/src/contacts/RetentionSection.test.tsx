/** Issue 12: a site's retention period, in the site editor, validated like the server, en and pl. */
import { cleanup, fireEvent, screen, within } from '@testing-library/preact';
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

async function openEditor(locale: 'en' | 'pl', privacy = {}) {
  const client = createMemoryClient({
    agent: ADMIN,
    admin: { sites: [siteDetail('site1', { name: 'Shop' })] },
    contacts: { privacy },
  });
  renderApp(client, locale);
  const table = await screen.findByRole('table');
  const shop = within(table).getByRole('rowheader', { name: 'Shop' }).closest('tr') as HTMLElement;
  fireEvent.click(within(shop).getByRole('button', { name: locale === 'en' ? 'Edit Shop' : 'Edytuj Shop' }));
  return client;
}

/** The section's form, once its settings are loaded (a heading alone shows while loading). */
const formOf = async (title: string, checkbox: string) => {
  const box = await screen.findByRole('checkbox', { name: checkbox });
  const form = box.closest('form') as HTMLElement;
  expect(within(form).getByRole('heading', { name: title })).toBeTruthy();
  return form;
};

describe('retention setting in the site editor', () => {
  it('is off by default; turned on, refuses a bad number, saves a good one, and turns off again', async () => {
    const client = await openEditor('en');
    const form = await formOf('Keeping conversations', 'Delete old conversations automatically');
    const enabled = within(form).getByRole('checkbox', {
      name: 'Delete old conversations automatically',
    }) as HTMLInputElement;
    const months = within(form).getByLabelText(
      'Delete conversations without activity for (months)',
    ) as HTMLInputElement;
    expect(enabled.checked).toBe(false);
    expect(months.disabled).toBe(true);

    fireEvent.click(enabled);
    expect(months.disabled).toBe(false);
    const save = within(form).getByRole('button', { name: 'Save the retention setting' });
    for (const bad of ['0', '121', '2.5', '']) {
      fireEvent.input(months, { target: { value: bad } });
      fireEvent.click(save);
      await within(form).findByText('Enter a whole number of months from 1 to 120.');
      expect(months.getAttribute('aria-invalid')).toBe('true');
    }
    expect(client.contacts.privacy.get('site1')).toBeUndefined();

    fireEvent.input(months, { target: { value: '18' } });
    fireEvent.click(save);
    await within(form).findByText('Saved: conversations without activity for 18 months are deleted.');
    expect(client.contacts.privacy.get('site1')).toEqual({ retentionMonths: 18 });
    expect(within(form).queryByText('Enter a whole number of months from 1 to 120.')).toBeNull();

    fireEvent.click(enabled);
    fireEvent.click(save);
    await within(form).findByText('Saved: conversations are kept until someone deletes them.');
    expect(client.contacts.privacy.get('site1')).toEqual({ retentionMonths: null });
  });

  it('shows the saved period, in Polish', async () => {
    const client = await openEditor('pl', { site1: { retentionMonths: 36 } });
    const form = await formOf('Przechowywanie rozmów', 'Automatycznie usuwaj stare rozmowy');
    const enabled = within(form).getByRole('checkbox', {
      name: 'Automatycznie usuwaj stare rozmowy',
    }) as HTMLInputElement;
    const months = within(form).getByLabelText(
      'Usuwaj rozmowy bez aktywności od (miesięcy)',
    ) as HTMLInputElement;
    expect(enabled.checked).toBe(true);
    expect(months.value).toBe('36');
    fireEvent.input(months, { target: { value: '200' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Zapisz ustawienie przechowywania' }));
    await within(form).findByText('Wpisz liczbę całkowitą miesięcy od 1 do 120.');
    expect(client.contacts.privacy.get('site1')).toEqual({ retentionMonths: 36 });
  });
});
