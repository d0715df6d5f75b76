/** Issue 9 in the widget: the site's appearance, and "chat unavailable" when the page is refused. */
import { EVENTS } from '@frontdesk/shared';
import { fireEvent } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { refusalMessage } from '../transport/socket.ts';
import { createFakeServer, settle } from './test-support/fake-server.ts';
import { mountWidget, unmountAll } from './test-support/mount.ts';

afterEach(unmountAll);

describe('site appearance', () => {
  it('shows the site’s title, subtitle and logo, and opens on the left', async () => {
    const server = createFakeServer({
      site: {
        title: 'Acme help',
        subtitle: 'We answer in minutes',
        logoUrl: '/images/logo-1',
        position: 'left',
      },
    });
    const { ui, host } = await mountWidget(server);
    expect(ui.queryByRole('dialog', { name: 'Acme help' })).not.toBeNull();
    expect(ui.queryByText('We answer in minutes')).not.toBeNull();
    expect(host.querySelector('img.logo')?.getAttribute('src')).toBe('https://chat.example/images/logo-1');
    expect(host.querySelector('.frontdesk.left')).not.toBeNull();
  });

  it('falls back to the site name and the catalog subtitle', async () => {
    const { ui, host } = await mountWidget(createFakeServer());
    expect(ui.queryByRole('dialog', { name: 'Acme Shop' })).not.toBeNull();
    expect(host.querySelector('img.logo')).toBeNull();
    expect(host.querySelector('.frontdesk.left')).toBeNull();
  });
});

describe('a page the site does not allow', () => {
  it.each([
    ['en', 'Chat is unavailable on this page right now.', 'Chat is unavailable, so messages cannot be sent.'],
    [
      'pl',
      'Czat jest teraz niedostępny na tej stronie.',
      'Czat jest niedostępny, więc nie można wysyłać wiadomości.',
    ],
  ] as const)(
    'shows "chat unavailable" (%s), not offline, and queues nothing',
    async (locale, banner, placeholder) => {
      const server = createFakeServer();
      const { ui, storage } = await mountWidget(server, { locale });
      server.emit({ type: 'status', status: 'unavailable' });
      await settle();
      expect(ui.getByRole('status').textContent).toBe(banner);
      const box = ui.getByRole('textbox') as HTMLTextAreaElement;
      expect(box.disabled).toBe(true);
      expect(box.placeholder).toBe(placeholder);
      fireEvent.input(box, { target: { value: 'hello?' } });
      fireEvent.submit(box.closest('form') as HTMLFormElement);
      await settle();
      expect(server.callsOf(EVENTS.messageSend)).toHaveLength(0);
      expect(storage.get('frontdesk:site-1:outbox') ?? '[]').not.toContain('hello?');
      expect(ui.queryByText(/offline|Brak połączenia/)).toBeNull();
    },
  );

  it('tells the site owner which origin to allow and where', () => {
    const text = refusalMessage('origin_not_allowed', 'site_abc', 'https://shop.example');
    expect(text).toContain('https://shop.example');
    expect(text).toContain('Sites → Allowed origins');
    expect(text).toContain('pnpm frontdesk site:origins --site site_abc --add https://shop.example');
    expect(refusalMessage('site_archived', 'site_abc', 'https://shop.example')).toContain('archived');
  });
});
