import { EVENTS } from '@frontdesk/shared';
import { fireEvent, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { memoryStore, storageKey } from '../storage.ts';
import { createFakeServer, settle } from './test-support/fake-server.ts';
import { mountWidget, unmountAll } from './test-support/mount.ts';

afterEach(unmountAll);

const customer = {
  userId: 'u-42',
  email: 'ada@example.com',
  name: 'Ada',
  attributes: { plan: 'pro', orders: 3 },
  userHash: 'ab'.repeat(32),
};

describe('issue 12: identify, logout and "delete my chat history" in the widget', () => {
  it('identify queued before the connection is sent right after session:init, and on every new session', async () => {
    const server = createFakeServer();
    const { handle } = await mountWidget(server, { open: false });
    server.setOnline(false);
    handle.run(['identify', customer]);
    await settle();
    expect(server.callsOf(EVENTS.contactIdentify)).toEqual([]);
    server.setOnline(true);
    await settle();
    const order = server.calls.map((c) => c.event).filter((e) => e !== EVENTS.pageView);
    expect(order.slice(-2)).toEqual([EVENTS.sessionInit, EVENTS.contactIdentify]);
    expect(server.callsOf(EVENTS.contactIdentify)).toEqual([customer]);
    // A reconnect starts a new session: the same identity goes again.
    server.setOnline(false);
    server.setOnline(true);
    await settle();
    expect(server.callsOf(EVENTS.contactIdentify)).toHaveLength(2);
  });

  it('refuses what cannot be an identity without asking the server', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const server = createFakeServer();
    const { handle } = await mountWidget(server);
    handle.run(['identify', 'u-42']);
    handle.run(['identify', { userId: 42 }]);
    handle.run(['identify', null]);
    await settle();
    expect(server.callsOf(EVENTS.contactIdentify)).toEqual([]);
    expect(warn).toHaveBeenCalledTimes(3);
    warn.mockRestore();
  });

  it('A5: a refused hash leaves the visitor as they were and says why in the console', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const server = createFakeServer();
    server.add({ author: 'visitor', body: 'my parcel?' });
    const { handle, ui } = await mountWidget(server);
    server.script(EVENTS.contactIdentify, {
      ok: false,
      error: { code: 'identity_refused', message: 'bad hash' },
    });
    handle.run(['identify', { ...customer, userHash: 'wrong' }]);
    await settle();
    expect(warn).toHaveBeenCalledWith(
      '[frontdesk] identify refused',
      expect.objectContaining({ code: 'identity_refused' }),
    );
    expect(server.session.reconnects).toBe(0);
    expect(ui.getByRole('log').textContent).toContain('my parcel?');
    warn.mockRestore();
  });

  it('a merge into the customer’s contact: the server closes the socket behind the ack, the session starts again and shows their history', async () => {
    const server = createFakeServer();
    const { handle, ui } = await mountWidget(server);
    expect(ui.getByRole('log').textContent).not.toContain('Where is my kettle?');
    const inits = server.callsOf(EVENTS.sessionInit).length;
    // What the customer's contact holds from their first device; the merge brings this device there.
    server.add({ author: 'visitor', body: 'Where is my kettle? Order 1042.' });
    server.script(EVENTS.contactIdentify, {
      ok: true,
      data: { identity: 'verified', reconnect: true, conversationsMoved: 0 },
    } as never);
    handle.run(['identify', customer]);
    await settle();
    // The close ran before the identify's ack was awaited (as socket.io-client delivers packets).
    expect(server.session.reconnects).toBe(1);
    expect(server.session.forgotten).toBe(0);
    expect(server.callsOf(EVENTS.sessionInit).length).toBe(inits + 1);
    await vi.waitFor(() =>
      expect(ui.getByRole('log').textContent).toContain('Where is my kettle? Order 1042.'),
    );
  });

  it('logout clears this device’s conversation, draft and queue, and tells the server', async () => {
    const server = createFakeServer();
    server.add({ author: 'visitor', body: 'order 123 for Ada' });
    const storage = memoryStore();
    const { handle, ui } = await mountWidget(server, { storage });
    fireEvent.input(ui.getByRole('textbox', { name: 'Message' }), { target: { value: 'half-typed' } });
    await settle();
    expect(storage.get(storageKey('site-1', 'draft'))).toBe('half-typed');
    handle.run(['logout']);
    await settle();
    expect(server.callsOf(EVENTS.contactLogout)).toEqual([{}]);
    expect(ui.getByRole('log').textContent).not.toContain('order 123');
    expect((ui.getByRole('textbox', { name: 'Message' }) as HTMLTextAreaElement).value).toBe('');
    expect(storage.get(storageKey('site-1', 'draft'))).toBeNull();
    // No identify goes out after a logout until the page identifies again.
    server.setOnline(false);
    server.setOnline(true);
    await settle();
    expect(server.callsOf(EVENTS.contactIdentify)).toEqual([]);
  });

  it('logout while offline forgets the token on this device', async () => {
    const server = createFakeServer();
    const { handle } = await mountWidget(server);
    server.setOnline(false);
    handle.run(['logout']);
    await settle();
    expect(server.session.forgotten).toBe(1);
  });

  it('"Delete my chat history": menu, confirm (Cancel first), then the history is gone', async () => {
    const server = createFakeServer();
    server.add({ author: 'visitor', body: 'old question' });
    const { ui } = await mountWidget(server);
    const menuButton = ui.getByRole('button', { name: 'Chat options' });
    expect(menuButton.getAttribute('aria-haspopup')).toBe('menu');
    fireEvent.click(menuButton);
    await settle(2);
    // Issue 13: the sound switch comes first; End reaches "Delete my chat history".
    fireEvent.keyDown(document.activeElement as Element, { key: 'End' });
    const item = ui.getByRole('menuitem', { name: 'Delete my chat history' });
    expect(document.activeElement).toBe(item);
    // Escape closes the menu only, and focus goes back to its button.
    fireEvent.keyDown(item, { key: 'Escape' });
    await settle(2);
    expect(ui.queryByRole('menu')).toBeNull();
    expect(ui.getByRole('dialog')).toBeTruthy();
    expect(document.activeElement).toBe(menuButton);

    fireEvent.click(menuButton);
    await settle(2);
    fireEvent.click(ui.getByRole('menuitem', { name: 'Delete my chat history' }));
    await settle(2);
    const question = ui.getByRole('group', { name: /Delete all your conversations here\?/ });
    expect(document.activeElement).toBe(within(question).getByRole('button', { name: 'Cancel' }));
    fireEvent.click(within(question).getByRole('button', { name: 'Cancel' }));
    await settle();
    expect(server.callsOf(EVENTS.contactDeleteHistory)).toEqual([]);

    fireEvent.click(menuButton);
    await settle(2);
    fireEvent.click(ui.getByRole('menuitem', { name: 'Delete my chat history' }));
    await settle(2);
    fireEvent.click(ui.getByRole('button', { name: 'Delete' }));
    await settle();
    expect(server.callsOf(EVENTS.contactDeleteHistory)).toEqual([{}]);
    expect(ui.getByRole('status').textContent).toBe('Your chat history has been deleted.');
    expect(ui.getByRole('log').textContent).not.toContain('old question');
  });

  it('says so when the history could not be deleted, and keeps it on screen', async () => {
    const server = createFakeServer();
    server.add({ author: 'visitor', body: 'old question' });
    const { ui } = await mountWidget(server, { locale: 'pl' });
    server.script(EVENTS.contactDeleteHistory, {
      ok: false,
      error: { code: 'rate_limited', message: 'slow down' },
    });
    fireEvent.click(ui.getByRole('button', { name: 'Opcje czatu' }));
    await settle(2);
    fireEvent.click(ui.getByRole('menuitem', { name: 'Usuń moją historię czatu' }));
    await settle(2);
    fireEvent.click(ui.getByRole('button', { name: 'Usuń' }));
    await settle();
    expect(ui.getByRole('alert').textContent).toBe('Nie udało się usunąć historii czatu. Spróbuj ponownie.');
    expect(ui.getByRole('log').textContent).toContain('old question');
  });
});
