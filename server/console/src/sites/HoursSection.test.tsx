/** Issue 10 in the console: a site's business hours, edited in the site editor by visible labels. */
import type { Locale, SiteDetail } from '@frontdesk/shared';
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

async function openHours(hours: SiteDetail['hours'] = null, locale: Locale = 'en') {
  const client = createMemoryClient({
    agent: ADMIN,
    admin: { sites: [siteDetail('site1', { name: 'Shop', hours })] },
  });
  renderApp(client, locale);
  const table = await screen.findByRole('table');
  const edit = locale === 'en' ? 'Edit Shop' : /Shop/;
  fireEvent.click(within(table).getAllByRole('button', { name: edit })[0] as HTMLElement);
  const title = locale === 'en' ? 'Business hours' : 'Godziny pracy';
  const form = (await screen.findByRole('form', { name: title })) as HTMLElement;
  return { client, form, saved: () => client.admin.sites.get('site1')?.hours };
}

const day = (form: HTMLElement, name: string) => within(form).getByRole('group', { name }) as HTMLElement;

describe('business hours editor', () => {
  it('starts as "always open"; switching to a schedule offers Monday–Friday 9–17 in a zone', async () => {
    const { form, saved } = await openHours();
    expect((within(form).getByLabelText(/Always open/) as HTMLInputElement).checked).toBe(true);
    expect(within(form).queryByLabelText('Time zone')).toBeNull();
    fireEvent.click(within(form).getByLabelText('Open on a schedule'));
    const zone = within(form).getByLabelText('Time zone') as HTMLSelectElement;
    expect(zone.value).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
    fireEvent.change(zone, { target: { value: 'Europe/Warsaw' } });
    expect((within(day(form, 'Monday')).getByLabelText('Opens') as HTMLInputElement).value).toBe('09:00');
    expect(within(day(form, 'Sunday')).queryByText('Closed all day')).not.toBeNull();
    fireEvent.click(within(form).getByRole('button', { name: 'Save hours' }));
    await within(form).findByText('Business hours saved.');
    expect(saved()).toEqual({
      timeZone: 'Europe/Warsaw',
      weekly: [1, 2, 3, 4, 5].map((d) => ({ day: d, open: '09:00', close: '17:00' })),
      closedDates: [],
    });
  });

  it('adds and removes intervals and closed dates; 00:00 as a closing time is midnight', async () => {
    const { form, saved } = await openHours({
      timeZone: 'America/New_York',
      weekly: [{ day: 6, open: '10:00', close: '14:00' }],
      closedDates: ['2026-12-25'],
    });
    expect((within(form).getByLabelText('Time zone') as HTMLSelectElement).value).toBe('America/New_York');
    const saturday = day(form, 'Saturday');
    fireEvent.click(within(saturday).getByRole('button', { name: 'Add hours on Saturday' }));
    const closes = within(saturday).getAllByLabelText('Closes') as HTMLInputElement[];
    fireEvent.input(within(saturday).getAllByLabelText('Opens')[1] as HTMLElement, {
      target: { value: '20:00' },
    });
    fireEvent.input(closes[1] as HTMLElement, { target: { value: '00:00' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Remove 2026-12-25' }));
    fireEvent.input(within(form).getByLabelText('Closed date'), { target: { value: '2026-12-31' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Add date' }));
    fireEvent.click(within(form).getByRole('button', { name: 'Save hours' }));
    await within(form).findByText('Business hours saved.');
    expect(saved()).toEqual({
      timeZone: 'America/New_York',
      weekly: [
        { day: 6, open: '10:00', close: '14:00' },
        { day: 6, open: '20:00', close: '24:00' },
      ],
      closedDates: ['2026-12-31'],
    });
    fireEvent.click(
      within(day(form, 'Saturday')).getByRole('button', { name: 'Remove Saturday 10:00–14:00' }),
    );
    expect(within(day(form, 'Saturday')).getAllByLabelText('Opens')).toHaveLength(1);
  });

  it('shows what is wrong next to the day and saves nothing', async () => {
    const { client, form } = await openHours({
      timeZone: 'Europe/Warsaw',
      weekly: [
        { day: 1, open: '09:00', close: '13:00' },
        { day: 1, open: '12:00', close: '17:00' },
        { day: 2, open: '09:00', close: '17:00' },
      ],
      closedDates: [],
    });
    fireEvent.input(within(day(form, 'Tuesday')).getByLabelText('Closes'), { target: { value: '08:00' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save hours' }));
    await within(form).findByRole('alert');
    expect(within(form).getByRole('alert').textContent).toBe(
      'Correct the hours marked below, then save again.',
    );
    expect(within(day(form, 'Monday')).queryByText('09:00–13:00 and 12:00–17:00 overlap.')).not.toBeNull();
    expect(
      within(day(form, 'Tuesday')).queryByText(
        '09:00–08:00: the closing time must be after the opening time.',
      ),
    ).not.toBeNull();
    expect(client.admin.calls.some((c) => c.name === 'patchSite')).toBe(false);
  });

  it('goes back to "always open" (no schedule)', async () => {
    const { form, saved } = await openHours({ timeZone: 'UTC', weekly: [], closedDates: [] });
    fireEvent.click(within(form).getByLabelText(/Always open/));
    fireEvent.click(within(form).getByRole('button', { name: 'Save hours' }));
    await within(form).findByText('Business hours saved.');
    expect(saved()).toBeNull();
  });

  it('speaks Polish', async () => {
    const { form } = await openHours(
      { timeZone: 'Europe/Warsaw', weekly: [{ day: 3, open: '09:00', close: '17:00' }], closedDates: [] },
      'pl',
    );
    expect(within(form).queryByLabelText('Strefa czasowa')).not.toBeNull();
    expect(within(day(form, 'Środa')).queryByLabelText('Otwarcie')).not.toBeNull();
    expect(within(form).queryByRole('button', { name: 'Zapisz godziny' })).not.toBeNull();
  });
});
