/** Issue 13: a site's file limits in the console (admin), against the in-memory client. */
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
  const section = (await screen.findByRole('heading', { name: 'Files in conversations' })).closest(
    'section',
  ) as HTMLElement;
  const save = await within(section).findByRole('button', { name: 'Save file settings' });
  await waitFor(() => expect(save).toHaveProperty('disabled', false));
  return { client, section, save };
}

describe('attachment settings section', () => {
  it('shows no field until the stored settings have arrived, so nothing typed can be overwritten by them', async () => {
    const client = createMemoryClient({
      agent: ADMIN,
      admin: { sites: [siteDetail('site1', { name: 'Shop' })] },
    });
    await client.saveAttachmentSettings('site1', {
      enabled: true,
      maxBytes: 3 * 1024 * 1024,
      maxPerConversation: 7,
      allowedTypes: ['application/pdf'],
    });
    const stored = client.getAttachmentSettings;
    let arrive = () => {};
    const arrived = new Promise<void>((resolve) => {
      arrive = resolve;
    });
    client.getAttachmentSettings = async (siteId) => {
      await arrived;
      return stored(siteId);
    };
    renderApp(client);
    fireEvent.click(within(await screen.findByRole('table')).getByRole('button', { name: 'Edit Shop' }));
    const section = (await screen.findByRole('heading', { name: 'Files in conversations' })).closest(
      'section',
    ) as HTMLElement;
    expect(within(section).getByRole('status').getAttribute('aria-busy')).toBe('true');
    expect(within(section).queryByRole('spinbutton')).toBeNull();
    arrive();
    const size = (await within(section).findByLabelText('Largest file (MB, at most 25)')) as HTMLInputElement;
    expect(size.value).toBe('3');
    expect(
      (within(section).getByLabelText('Files per conversation (at most 200)') as HTMLInputElement).value,
    ).toBe('7');
  });

  it('shows the defaults and saves a lower size, a count and the accepted types', async () => {
    const { client, section, save } = await openSection();
    const size = within(section).getByLabelText('Largest file (MB, at most 25)') as HTMLInputElement;
    expect(size.value).toBe('10');
    expect((within(section).getByLabelText('PDF') as HTMLInputElement).checked).toBe(true);
    expect((within(section).getByLabelText('ZIP') as HTMLInputElement).checked).toBe(false);
    fireEvent.input(size, { target: { value: '2.5' } });
    fireEvent.input(within(section).getByLabelText('Files per conversation (at most 200)'), {
      target: { value: '5' },
    });
    fireEvent.click(within(section).getByLabelText('GIF'));
    fireEvent.click(within(section).getByLabelText('ZIP'));
    fireEvent.click(save);
    await within(section).findByText('File settings saved.');
    expect(client.attachments.stored.get('site1')).toEqual({
      enabled: true,
      maxBytes: 2.5 * 1024 * 1024,
      maxPerConversation: 5,
      allowedTypes: ['image/jpeg', 'image/png', 'image/webp', 'application/pdf', 'application/zip'],
    });
  });

  it('refuses a size over the ceiling before saving', async () => {
    const { client, section, save } = await openSection();
    fireEvent.input(within(section).getByLabelText('Largest file (MB, at most 25)'), {
      target: { value: '30' },
    });
    fireEvent.click(save);
    await within(section).findByRole('alert');
    expect(client.attachments.stored.size).toBe(0);
  });
});
