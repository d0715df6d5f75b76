/** Issue 13: every command and event of the host page's JS API on a mounted widget (fake server). */
import { EVENTS, WIDGET_COMMANDS, WIDGET_EVENTS } from '@frontdesk/shared';
import { fireEvent } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { WidgetEventName } from '../loader-api.ts';
import { createFakeServer, settle } from './test-support/fake-server.ts';
import { mountWidget, unmountAll } from './test-support/mount.ts';

afterEach(unmountAll);

/** The events the widget emitted to the loader, in order. */
const emitted = (emit: unknown, name?: WidgetEventName) =>
  (emit as ReturnType<typeof vi.fn>).mock.calls
    .filter(([event]) => name === undefined || event === name)
    .map(([event, payload]) => [event, payload]);

describe('issue 13: the JS API in the app', () => {
  it('shared lists every command and event once', () => {
    expect(new Set(WIDGET_COMMANDS).size).toBe(WIDGET_COMMANDS.length);
    expect(new Set(WIDGET_EVENTS).size).toBe(WIDGET_EVENTS.length);
  });

  it('hide and show the launcher; the panel still opens by command while it is hidden', async () => {
    const { handle, launcher, ui } = await mountWidget(createFakeServer(), { launcher: true, open: false });
    const button = launcher?.button as HTMLButtonElement;
    handle.run(['hide']);
    expect(button.hidden).toBe(true);
    handle.run(['open']);
    await settle();
    expect(ui.getByRole('dialog')).toBeTruthy();
    handle.run(['show']);
    expect(button.hidden).toBe(false);
  });

  it('open, close and toggle fire open and close events', async () => {
    const { handle, api, ui } = await mountWidget(createFakeServer(), { open: false });
    handle.run(['open']);
    await settle();
    expect(ui.getByRole('dialog')).toBeTruthy();
    handle.run(['close']);
    await settle();
    expect(ui.queryByRole('dialog')).toBeNull();
    handle.run(['toggle']);
    await settle();
    expect(ui.getByRole('dialog')).toBeTruthy();
    handle.run(['toggle']);
    await settle();
    expect(emitted(api.emit).filter(([e]) => e === 'open' || e === 'close')).toEqual([
      ['open', null],
      ['close', null],
      ['open', null],
      ['close', null],
    ]);
  });

  it('ready fires once, after mounting', async () => {
    const { api } = await mountWidget(createFakeServer(), { open: false });
    expect(emitted(api.emit, 'ready')).toEqual([['ready', null]]);
  });

  it('setLocale switches the open panel to Polish and back, live; a wrong locale is refused', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { handle, ui, launcher } = await mountWidget(createFakeServer(), { launcher: true });
    expect(ui.getByRole('textbox', { name: 'Message' })).toBeTruthy();
    handle.run(['setLocale', 'pl']);
    await settle();
    expect(ui.getByRole('textbox', { name: 'Wiadomość' })).toBeTruthy();
    handle.run(['close']);
    await settle();
    expect(launcher?.button.getAttribute('aria-label')).toBe('Otwórz czat');
    handle.run(['setLocale', 'de']);
    handle.run(['setLocale', 'en']);
    await settle();
    expect(ui.queryByRole('textbox', { name: 'Wiadomość' })).toBeNull();
    expect(launcher?.button.getAttribute('aria-label')).toBe('Open chat');
    expect(warn).toHaveBeenCalledTimes(1);
    warn.mockRestore();
  });

  it('prefill puts the first message in the composer without overwriting what the visitor typed', async () => {
    const { handle, ui } = await mountWidget(createFakeServer());
    handle.run(['prefill', { name: 'Ada', email: 'ada@example.com', message: 'Where is my order?' }]);
    await settle();
    const box = ui.getByRole('textbox', { name: 'Message' }) as HTMLTextAreaElement;
    expect(box.value).toBe('Where is my order?');
    fireEvent.input(box, { target: { value: 'My own words' } });
    handle.run(['prefill', { message: 'Something else' }]);
    await settle();
    expect(box.value).toBe('My own words');
  });

  it('prefill fills name, e-mail and message of the leave-a-message form', async () => {
    const server = createFakeServer({ site: { agentsOnline: 0 } });
    server.add({ author: 'bot', body: 'Hello! Ask me anything.' });
    const { handle, ui } = await mountWidget(server);
    handle.run(['prefill', { name: ' Ada ', email: 'ada@example.com', message: 'Parcel?' }]);
    fireEvent.click(ui.getByRole('button', { name: 'Talk to a person' }));
    await settle();
    expect((ui.getByLabelText('Your name') as HTMLInputElement).value).toBe('Ada');
    expect((ui.getByLabelText('E-mail') as HTMLInputElement).value).toBe('ada@example.com');
    expect((ui.getAllByLabelText('Message')[0] as HTMLTextAreaElement).value).toBe('Parcel?');
  });

  it('trackPage sends a page view with the given URL and title; a bad URL is refused', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const server = createFakeServer();
    const { handle } = await mountWidget(server, { open: false });
    const before = server.callsOf(EVENTS.pageView).length;
    handle.run(['trackPage', { url: '/cart?step=2', title: 'Cart' }]);
    handle.run(['trackPage', { url: 'javascript:alert(1)' }]);
    handle.run(['trackPage', 'nope']);
    await settle();
    const views = server.callsOf(EVENTS.pageView).slice(before);
    expect(views).toEqual([{ url: new URL('/cart?step=2', window.location.href).href, title: 'Cart' }]);
    expect(warn).toHaveBeenCalledTimes(2);
    warn.mockRestore();
  });

  it('message, unread, conversation:started and conversation:resolved fire as the conversation goes', async () => {
    const server = createFakeServer();
    const { handle, api, ui } = await mountWidget(server);
    const box = ui.getByRole('textbox', { name: 'Message' });
    fireEvent.input(box, { target: { value: 'Hello' } });
    fireEvent.keyDown(box, { key: 'Enter' });
    await settle();
    const [started] = emitted(api.emit, 'conversation:started');
    expect(started).toEqual(['conversation:started', { id: expect.any(String) }]);
    const id = (started?.[1] as { id: string } | undefined)?.id;

    handle.run(['close']);
    await settle();
    server.add({ author: 'agent', authorName: 'Anna', body: 'Hi!' }, true);
    await settle();
    expect(emitted(api.emit, 'message').at(-1)?.[1]).toMatchObject({ author: 'agent', body: 'Hi!' });
    expect(emitted(api.emit, 'unread').at(-1)).toEqual(['unread', { count: 1 }]);
    handle.run(['open']);
    await settle();
    expect(emitted(api.emit, 'unread').at(-1)).toEqual(['unread', { count: 0 }]);

    server.setConversation({ state: 'resolved' });
    await settle();
    expect(emitted(api.emit, 'conversation:resolved')).toEqual([['conversation:resolved', { id }]]);
    expect(emitted(api.emit, 'conversation:started')).toHaveLength(1);
  });
});
