/**
 * Issue 13: the widget's menu — a keyboard-operable menu button with "E-mail me the transcript"
 * (only when the visitor gave an e-mail), the notification sound switch (remembered where storage
 * allows; agent messages only, while the panel is closed) and "Delete my chat history".
 */
import { EVENTS } from '@frontdesk/shared';
import { fireEvent } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { memoryStore, storageKey } from '../storage.ts';
import { createFakeServer, settle } from './test-support/fake-server.ts';
import { mountWidget, unmountAll } from './test-support/mount.ts';

afterEach(unmountAll);

async function openMenu(ui: Awaited<ReturnType<typeof mountWidget>>['ui']) {
  const button = ui.getByRole('button', { name: 'Chat options' });
  fireEvent.keyDown(button, { key: 'ArrowDown' });
  await settle(2);
  return button;
}

describe('widget menu', () => {
  it('opens from the keyboard; arrows, Home and End move between the items', async () => {
    const server = createFakeServer();
    const { ui } = await mountWidget(server);
    await openMenu(ui);
    const sound = ui.getByRole('menuitemcheckbox', { name: 'Notification sound' });
    const erase = ui.getByRole('menuitem', { name: 'Delete my chat history' });
    expect(document.activeElement).toBe(sound);
    fireEvent.keyDown(sound, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(erase);
    fireEvent.keyDown(erase, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(sound);
    fireEvent.keyDown(sound, { key: 'ArrowUp' });
    expect(document.activeElement).toBe(erase);
    fireEvent.keyDown(erase, { key: 'Home' });
    expect(document.activeElement).toBe(sound);
    // No e-mail given: no transcript item.
    expect(ui.queryByRole('menuitem', { name: 'E-mail me the transcript' })).toBeNull();
  });

  it('the sound switch: on plays the chime for an agent message while the panel is closed; remembered', async () => {
    const storage = memoryStore();
    const chime = { play: vi.fn() };
    const server = createFakeServer({ site: { sound: false } });
    server.add({ author: 'visitor', body: 'hello' });
    const first = await mountWidget(server, { storage, chime });
    await openMenu(first.ui);
    const item = first.ui.getByRole('menuitemcheckbox', { name: 'Notification sound' });
    expect(item.getAttribute('aria-checked')).toBe('false');
    fireEvent.click(item);
    await settle(2);
    expect(item.getAttribute('aria-checked')).toBe('true');
    expect(storage.get(storageKey('site-1', 'sound'))).toBe('1');
    first.handle.close();
    await settle();
    server.add({ author: 'bot', body: 'A bot answer' }, true);
    await settle();
    expect(chime.play).not.toHaveBeenCalled();
    server.add({ author: 'agent', body: 'An agent answer' }, true);
    await settle();
    expect(chime.play).toHaveBeenCalledTimes(1);
    unmountAll();

    // The next page remembers it; switched off, a site with sound on stays quiet for this visitor.
    const loud = createFakeServer({ site: { sound: true } });
    const quiet = { play: vi.fn() };
    const second = await mountWidget(loud, { storage, chime: quiet });
    await openMenu(second.ui);
    const again = second.ui.getByRole('menuitemcheckbox', { name: 'Notification sound' });
    expect(again.getAttribute('aria-checked')).toBe('true');
    fireEvent.click(again);
    await settle(2);
    expect(storage.get(storageKey('site-1', 'sound'))).toBe('0');
    second.handle.close();
    await settle();
    loud.add({ author: 'agent', body: 'Hello?' }, true);
    await settle();
    expect(quiet.play).not.toHaveBeenCalled();
  });

  it('"E-mail me the transcript" when the host page gave an e-mail: sent to it, and said so (Polish)', async () => {
    const server = createFakeServer();
    server.add({ author: 'visitor', body: 'hello' });
    const { ui, handle } = await mountWidget(server, { locale: 'pl' });
    handle.run(['prefill', { email: 'ada@example.com' }]);
    await settle();
    fireEvent.keyDown(ui.getByRole('button', { name: 'Opcje czatu' }), { key: 'ArrowDown' });
    await settle(2);
    const item = ui.getByRole('menuitem', { name: 'Wyślij mi zapis rozmowy' });
    expect(document.activeElement).toBe(item);
    fireEvent.click(item);
    await settle();
    expect(server.callsOf(EVENTS.mailTranscript)).toEqual([
      { conversationId: server.conversation()?.id, email: 'ada@example.com' },
    ]);
    expect(ui.getByRole('status').textContent).toBe('Zapis rozmowy jest w drodze na ada@example.com.');
    expect(ui.queryByRole('menu')).toBeNull();
  });
});
