import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { siteDetail } from '../testing/memory-admin.ts';
import { ADMIN, AGENT, createMemoryClient } from '../testing/memory-client.ts';
import { renderApp } from '../testing/render.tsx';

afterEach(() => {
  cleanup();
  location.hash = '';
  localStorage.clear();
});

const sites = [siteDetail('site1', { name: 'Shop', key: 'shop-key' })];

describe('API tokens page', () => {
  beforeEach(() => {
    location.hash = '#/api-tokens';
  });

  it('creates a token, shows it once to copy, lists it, and revokes it after a second yes', async () => {
    const client = createMemoryClient({ agent: ADMIN, admin: { sites } });
    renderApp(client);
    await screen.findByRole('heading', { name: 'API tokens', level: 1 });
    fireEvent.input(screen.getByLabelText('Name'), { target: { value: 'CRM sync' } });
    fireEvent.change(screen.getByLabelText('Access'), { target: { value: 'write' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create token' }));
    const field = (await screen.findByLabelText('New API token')) as HTMLInputElement;
    expect(field.value).toMatch(/^fdk_/);
    expect(client.apiAccess.tokens[0]).toMatchObject({ name: 'CRM sync', scope: 'write', siteId: 'site1' });
    const item = (await screen.findByRole('heading', { name: 'CRM sync', level: 3 })).closest(
      'li',
    ) as HTMLElement;
    expect(within(item).getByText('Read and write')).toBeTruthy();
    expect(within(item).getByText('Never used')).toBeTruthy();
    fireEvent.click(within(item).getByRole('button', { name: 'Revoke' }));
    fireEvent.click(within(item).getByRole('button', { name: 'Revoke' }));
    expect(await within(item).findByText(/Revoked/)).toBeTruthy();
    expect(client.apiAccess.tokens[0]?.revokedAt).not.toBeNull();
  });

  it('is an admin page: agents neither see the link nor the page', async () => {
    renderApp(createMemoryClient({ agent: AGENT, admin: { sites } }));
    expect(await screen.findByText('Only administrators can make changes.')).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'API tokens' })).toBeNull();
  });
});

describe('Webhooks page', () => {
  beforeEach(() => {
    location.hash = '#/webhooks';
  });

  it('adds a webhook with the chosen events and shows its secret, deliveries and Resend', async () => {
    const client = createMemoryClient({ agent: ADMIN, admin: { sites } });
    renderApp(client, 'pl');
    await screen.findByRole('heading', { name: 'Webhooki', level: 1 });
    fireEvent.input(screen.getByLabelText('Adres URL'), { target: { value: 'https://crm.example/hook' } });
    fireEvent.click(screen.getByLabelText('Kontakt zmieniony'));
    fireEvent.click(screen.getByRole('button', { name: 'Dodaj webhook' }));
    await screen.findByRole('heading', { name: 'https://crm.example/hook', level: 2 });
    expect(client.apiAccess.webhooks[0]?.events).toEqual([
      'conversation.created',
      'message.created',
      'contact.updated',
    ]);
    expect((screen.getByLabelText('Sekret do podpisów') as HTMLInputElement).value).toMatch(/^whsec_/);
    const hookId = client.apiAccess.webhooks[0]?.id ?? '';
    client.apiAccess.deliveries.push({
      id: 'd1',
      webhookId: hookId,
      event: 'message.created',
      status: 'failed',
      attempts: 8,
      nextAttemptAt: null,
      lastStatus: 500,
      lastDurationMs: 12,
      lastResponse: 'oops',
      lastError: 'HTTP 500',
      createdAt: '2026-03-01T10:00:00.000Z',
      deliveredAt: null,
    });
    const log = screen.getByRole('region', { name: 'Dostarczenia' });
    fireEvent.click(within(log).getByRole('button', { name: 'Odśwież' }));
    expect(await within(log).findByText('Nieudane')).toBeTruthy();
    expect(within(log).getByText(/HTTP 500 · 12 ms · próby: 8/)).toBeTruthy();
    fireEvent.click(within(log).getByRole('button', { name: 'Wyślij ponownie' }));
    expect(await within(log).findByText('Oczekuje')).toBeTruthy();
    expect(client.apiAccess.deliveries[0]).toMatchObject({ status: 'pending', attempts: 0 });
  });

  it('the "allow private addresses" switch waits for the stored value, then keeps a click while it saves', async () => {
    const client = createMemoryClient({ agent: ADMIN, admin: { sites } });
    client.apiAccess.allowPrivate.site1 = false;
    const held: (() => void)[] = [];
    const list = client.apiAccess.listWebhooks.bind(client.apiAccess);
    client.apiAccess.listWebhooks = async () => {
      await new Promise<void>((resolve) => held.push(resolve));
      return list();
    };
    renderApp(client);
    const box = (await screen.findByLabelText(/Allow private and local addresses/)) as HTMLInputElement;
    expect(box.disabled).toBe(true);
    await waitFor(() => expect(held).toHaveLength(1));
    held[0]?.();
    await waitFor(() => expect(box.disabled).toBe(false));
    expect(box.checked).toBe(false);
    fireEvent.click(box);
    // Saved, and the reload after it is held: the click stays on screen and the switch waits.
    await waitFor(() => expect(held).toHaveLength(2));
    expect(client.apiAccess.allowPrivate.site1).toBe(true);
    expect(box.checked).toBe(true);
    expect(box.disabled).toBe(true);
    held[1]?.();
    await waitFor(() => expect(box.disabled).toBe(false));
    expect(box.checked).toBe(true);
    expect(client.apiAccess.allowPrivate.site1).toBe(true);
  });
});
