/** Issue 10 (abandonment): the site's waiting setting, edited in the site editor and validated like the server. */
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

describe('waiting visitors setting', () => {
  it('shows the default, refuses a bad value, saves a good one', async () => {
    const client = createMemoryClient({
      agent: ADMIN,
      admin: { sites: [siteDetail('site1', { name: 'Shop' })] },
    });
    renderApp(client);
    const table = await screen.findByRole('table');
    const shop = within(table).getByRole('rowheader', { name: 'Shop' }).closest('tr') as HTMLElement;
    fireEvent.click(within(shop).getByRole('button', { name: 'Edit Shop' }));
    const form = (await screen.findByRole('heading', { name: 'Waiting visitors' })).closest(
      'form',
    ) as HTMLElement;
    const input = within(form).getByLabelText(
      'Leave the queue after (minutes without the visitor)',
    ) as HTMLInputElement;
    expect(input.value).toBe('10');

    fireEvent.input(input, { target: { value: '0' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save the waiting setting' }));
    await within(form).findByText('Enter a whole number from 1 to 1440.');
    expect(client.admin.sites.get('site1')?.abandonAfterMinutes).toBeUndefined();

    fireEvent.input(input, { target: { value: '25' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save the waiting setting' }));
    await within(form).findByText('Waiting setting saved.');
    expect(client.admin.sites.get('site1')?.abandonAfterMinutes).toBe(25);
  });
});
