import { fireEvent } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { memoryStore, storageKey } from '../storage.ts';
import { TITLE_FLASH_MS } from './attention.ts';
import { createFakeServer, settle } from './test-support/fake-server.ts';
import { mountWidget, unmountAll } from './test-support/mount.ts';

/** Only the flash's interval is faked: `settle` still runs on real zero-delay timeouts. */
beforeEach(() => vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] }));
afterEach(() => {
  unmountAll();
  vi.useRealTimers();
});

const launcherOf = (mounted: Awaited<ReturnType<typeof mountWidget>>) => mounted.launcher!.button;
const badge = (button: HTMLButtonElement) => button.querySelector('.unread');

/** A widget in a real launcher, its conversation started, the panel closed. */
async function closedWidget(site: Parameters<typeof createFakeServer>[0] = {}, locale: 'en' | 'pl' = 'en') {
  const server = createFakeServer(site);
  server.add({ author: 'bot', body: 'Earlier answer' });
  const mounted = await mountWidget(server, { launcher: true, open: false, locale });
  await settle();
  return { server, mounted, button: launcherOf(mounted) };
}

function setHidden(hidden: boolean) {
  Object.defineProperty(document, 'visibilityState', {
    configurable: true,
    get: () => (hidden ? 'hidden' : 'visible'),
  });
  document.dispatchEvent(new Event('visibilitychange'));
}

describe('unread messages and attention', () => {
  afterEach(() => {
    delete (document as { visibilityState?: unknown }).visibilityState;
  });

  it('counts agent and bot messages while the panel is closed, not the visitor’s, events or notes; opening clears', async () => {
    const { server, mounted, button } = await closedWidget();
    expect(badge(button)).toBeNull();
    expect(button.getAttribute('aria-label')).toBe('Open chat');

    server.add({ author: 'agent', authorName: 'Ola', body: 'Hello' }, true);
    await settle();
    expect(badge(button)?.textContent).toBe('1');
    expect(badge(button)?.getAttribute('aria-hidden')).toBe('true');
    expect(button.getAttribute('aria-label')).toBe('Open chat, 1 unread message');

    server.add({ author: 'visitor', body: 'mine' }, true);
    server.add({ author: 'system', kind: 'event', body: '', meta: { event: 'assigned' } as never }, true);
    server.add({ author: 'agent', kind: 'note', body: 'private' }, true);
    server.add({ author: 'bot', body: 'Another' }, true);
    await settle();
    expect(badge(button)?.textContent).toBe('2');
    expect(button.getAttribute('aria-label')).toBe('Open chat, 2 unread messages');

    mounted.handle.open();
    await settle();
    expect(badge(button)).toBeNull();
    expect(button.getAttribute('aria-label')).toBe('Close chat');

    // Messages read with the panel open leave nothing unread after it closes.
    server.add({ author: 'bot', body: 'Seen' }, true);
    await settle();
    mounted.handle.close();
    await settle();
    expect(badge(button)).toBeNull();
    expect(button.getAttribute('aria-label')).toBe('Open chat');
  });

  it('unread messages survive moving to another page, with those that arrived in between', async () => {
    const storage = memoryStore();
    const server = createFakeServer();
    server.add({ author: 'bot', body: 'Earlier answer' });
    const first = await mountWidget(server, { launcher: true, open: false, storage });
    await settle();
    expect(badge(launcherOf(first))).toBeNull(); // what was there before counts as seen
    server.add({ author: 'agent', authorName: 'Ola', body: 'Hello' }, true);
    await settle();
    expect(badge(launcherOf(first))?.textContent).toBe('1');

    // The visitor follows a link: this page goes, an agent writes before the next one connects.
    unmountAll();
    server.add({ author: 'agent', authorName: 'Ola', body: 'Are you there?' });
    const next = await mountWidget(server, { launcher: true, open: false, storage });
    await settle();
    expect(badge(launcherOf(next))?.textContent).toBe('2');
    expect(launcherOf(next).getAttribute('aria-label')).toBe('Open chat, 2 unread messages');

    // Read on this page: nothing unread on the page after it.
    next.handle.open();
    await settle();
    next.handle.close();
    unmountAll();
    const third = await mountWidget(server, { launcher: true, open: false, storage });
    await settle();
    expect(badge(launcherOf(third))).toBeNull();
  });

  it('sound: a chime for a message the visitor cannot see, only when the site turns it on', async () => {
    for (const sound of [true, false]) {
      const chime = { play: vi.fn() };
      const server = createFakeServer({ site: { sound } });
      server.add({ author: 'bot', body: 'Earlier answer' });
      const mounted = await mountWidget(server, { launcher: true, open: false, chime });
      server.add({ author: 'agent', body: 'Hello' }, true);
      await settle();
      server.add({ author: 'visitor', body: 'mine' }, true);
      await settle();
      expect(chime.play).toHaveBeenCalledTimes(sound ? 1 : 0);
      mounted.handle.open();
      await settle();
      server.add({ author: 'agent', body: 'On screen' }, true);
      await settle();
      expect(chime.play).toHaveBeenCalledTimes(sound ? 1 : 0);
      unmountAll();
    }
  });

  it('Polish: the accessible name uses the right plural form', async () => {
    const { server, button } = await closedWidget({}, 'pl');
    const labels: string[] = [];
    for (let i = 0; i < 5; i++) {
      server.add({ author: 'agent', body: `m${i}` }, true);
      await settle();
      labels.push(button.getAttribute('aria-label')!);
    }
    expect(labels).toEqual([
      'Otwórz czat, 1 nieprzeczytana wiadomość',
      'Otwórz czat, 2 nieprzeczytane wiadomości',
      'Otwórz czat, 3 nieprzeczytane wiadomości',
      'Otwórz czat, 4 nieprzeczytane wiadomości',
      'Otwórz czat, 5 nieprzeczytanych wiadomości',
    ]);
    expect(badge(button)?.textContent).toBe('5');
  });

  it('the title does not flash unless the site turns it on', async () => {
    document.title = 'Shop';
    const { server } = await closedWidget();
    server.add({ author: 'agent', body: 'Hello' }, true);
    await settle();
    vi.advanceTimersByTime(TITLE_FLASH_MS * 3);
    expect(document.title).toBe('Shop');
  });

  it('titleFlash: the title alternates every 1.5 s while unread messages wait, and is restored exactly', async () => {
    document.title = 'Shop — Mugs';
    const { server, mounted } = await closedWidget({ site: { titleFlash: true } });
    vi.advanceTimersByTime(TITLE_FLASH_MS * 2);
    expect(document.title).toBe('Shop — Mugs');

    server.add({ author: 'agent', body: 'Hello' }, true);
    server.add({ author: 'agent', body: 'Still there?' }, true);
    await settle();
    const titles: string[] = [];
    for (let i = 0; i < 4; i++) {
      vi.advanceTimersByTime(TITLE_FLASH_MS);
      titles.push(document.title);
    }
    expect(titles).toEqual(['(2) New message', 'Shop — Mugs', '(2) New message', 'Shop — Mugs']);
    vi.advanceTimersByTime(TITLE_FLASH_MS);
    expect(document.title).toBe('(2) New message');

    mounted.handle.open();
    await settle();
    expect(document.title).toBe('Shop — Mugs');
    vi.advanceTimersByTime(TITLE_FLASH_MS * 3);
    expect(document.title).toBe('Shop — Mugs');
  });

  it('titleFlash: a message arriving while the page is hidden flashes even with the panel open, until the page is seen', async () => {
    document.title = 'Shop';
    const server = createFakeServer({ site: { titleFlash: true } });
    server.add({ author: 'bot', body: 'Earlier answer' });
    await mountWidget(server, { launcher: true });
    setHidden(true);
    server.add({ author: 'bot', body: 'Answer' }, true);
    await settle();
    vi.advanceTimersByTime(TITLE_FLASH_MS);
    expect(document.title).toBe('(1) New message');
    // The page renames itself meanwhile (a single-page app): that name comes back.
    document.title = 'Shop — Cart';
    vi.advanceTimersByTime(TITLE_FLASH_MS);
    expect(document.title).toBe('(1) New message');
    setHidden(false);
    expect(document.title).toBe('Shop — Cart');
  });
});

describe('state survives navigation', () => {
  it('the open panel and the draft come back on the next page; a closed panel stays closed', async () => {
    const server = createFakeServer();
    const storage = memoryStore();
    const first = await mountWidget(server, { storage, launcher: true });
    const box = first.ui.getByRole('textbox', { name: 'Message' });
    fireEvent.input(box, { target: { value: 'Where is my par' } });
    expect(storage.get(storageKey('site-1', 'draft'))).toBe('Where is my par');
    expect(storage.get(storageKey('site-1', 'open'))).toBe('1');
    // The loader's only flag: import the app early on the next page.
    expect(storage.get(storageKey('site-1', 'active'))).toBe('1');
    unmountAll();

    const outside = document.createElement('button');
    document.body.append(outside);
    outside.focus();
    const second = await mountWidget(server, { storage, launcher: true, open: false });
    const restored = second.ui.getByRole('textbox', { name: 'Message' }) as HTMLTextAreaElement;
    expect(restored.value).toBe('Where is my par');
    expect(second.launcher!.button.getAttribute('aria-expanded')).toBe('true');
    // Reopened by navigation, not by the visitor: the page keeps its focus.
    expect(document.activeElement).toBe(outside);
    outside.remove();

    // Sending clears the draft; closing forgets "open", and with no conversation the loader stays lazy.
    fireEvent.input(restored, { target: { value: '' } });
    second.handle.close();
    await settle();
    expect(storage.get(storageKey('site-1', 'draft'))).toBeNull();
    expect(storage.get(storageKey('site-1', 'open'))).toBeNull();
    expect(storage.get(storageKey('site-1', 'active'))).toBeNull();
    unmountAll();

    const third = await mountWidget(server, { storage, launcher: true, open: false });
    expect(third.ui.queryByRole('dialog')).toBeNull();
  });

  it('a draft survives even when the panel was closed, and sending clears it', async () => {
    const server = createFakeServer();
    const storage = memoryStore();
    const first = await mountWidget(server, { storage });
    fireEvent.input(first.ui.getByRole('textbox', { name: 'Message' }), { target: { value: 'half' } });
    first.handle.close();
    await settle();
    unmountAll();
    const second = await mountWidget(server, { storage });
    const box = second.ui.getByRole('textbox', { name: 'Message' }) as HTMLTextAreaElement;
    expect(box.value).toBe('half');
    fireEvent.keyDown(box, { key: 'Enter' });
    await settle();
    expect(storage.get(storageKey('site-1', 'draft'))).toBeNull();
    expect(box.value).toBe('');
  });
});
