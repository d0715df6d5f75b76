import { cleanup, fireEvent, screen, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { siteDetail } from '../testing/memory-admin.ts';
import { ADMIN, AGENT, createMemoryClient } from '../testing/memory-client.ts';
import { outboxEntry } from '../testing/memory-mail.ts';
import { renderApp } from '../testing/render.tsx';

beforeEach(() => {
  location.hash = '#/outbox';
});
afterEach(() => {
  cleanup();
  location.hash = '';
  localStorage.clear();
});

const card = (subject: string) =>
  screen.getByRole('heading', { name: subject, level: 2 }).closest('li') as HTMLElement;

describe('Outbox page', () => {
  it('without SMTP shows each kept mail: recipient, subject, status, why, and its text', async () => {
    const client = createMemoryClient({
      agent: ADMIN,
      mail: {
        configured: false,
        mail: [
          outboxEntry('m1', { subject: 'New reply from Shop', text: 'Hello Olga, your parcel left today.' }),
        ],
      },
    });
    renderApp(client);
    expect(await screen.findByRole('heading', { name: 'Outbox', level: 1 })).toBeTruthy();
    expect(await screen.findByText(/E-mail is not configured \(SMTP_URL\)/)).toBeTruthy();
    const mail = card('New reply from Shop');
    expect(within(mail).getByText('olga@example.com')).toBeTruthy();
    expect(within(mail).getByText('not sent: SMTP is not configured')).toBeTruthy();
    expect(within(mail).getByText('Hello Olga, your parcel left today.')).toBeTruthy();
    expect(within(mail).queryByRole('button', { name: 'Send again' })).toBeNull();
    expect(screen.getByRole('link', { name: 'Outbox' }).getAttribute('aria-current')).toBe('page');
  });

  it('once SMTP is configured, "Send again" puts a failed mail back in line', async () => {
    const client = createMemoryClient({
      agent: ADMIN,
      admin: { sites: [siteDetail('site1', { name: 'Shop', key: 'shop-key' })] },
      mail: {
        configured: true,
        mail: [
          outboxEntry('m2', {
            subject: 'Transcript',
            status: 'failed',
            attempts: 6,
            lastError: '550 mailbox full',
          }),
        ],
      },
    });
    renderApp(client);
    await screen.findByRole('heading', { name: 'Transcript', level: 2 });
    const mail = card('Transcript');
    expect(within(mail).getByText('Reason: 550 mailbox full')).toBeTruthy();
    fireEvent.click(within(mail).getByRole('button', { name: 'Send again' }));
    expect(await screen.findByText('The e-mail to olga@example.com will be sent again.')).toBeTruthy();
    expect(client.mail.mail[0]).toMatchObject({ status: 'pending', attempts: 0 });
  });

  it('is not offered to agents', async () => {
    renderApp(createMemoryClient({ agent: AGENT }));
    await screen.findByRole('navigation');
    expect(screen.queryByRole('link', { name: 'Outbox' })).toBeNull();
  });
});
