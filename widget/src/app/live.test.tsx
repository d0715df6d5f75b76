/** Issue 13 in the widget: "Anna is typing…", "Seen", typing signals and read marks sent, timestamps. */
import { EVENTS, LIMITS } from '@frontdesk/shared';
import { fireEvent, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFakeServer, settle } from './test-support/fake-server.ts';
import { mountWidget, unmountAll } from './test-support/mount.ts';

afterEach(() => {
  unmountAll();
  vi.unstubAllGlobals();
});

/** A conversation an agent called Anna has taken, with one message from the visitor. */
function assigned() {
  const server = createFakeServer();
  const mine = server.add({ author: 'visitor', body: 'Where is my parcel?' });
  server.setConversation({ state: 'assigned', agentName: 'Anna' }, false);
  return { server, mine };
}

const typingLine = (host: HTMLElement) => host.querySelector('.typing');

describe('typing, read receipts and timestamps in the widget', () => {
  it('shows "Anna is typing…" in a polite live region, cleared by her message', async () => {
    const { server } = assigned();
    const { host, ui } = await mountWidget(server);
    const line = typingLine(host);
    expect(line?.getAttribute('aria-live')).toBe('polite');
    expect(line?.textContent).toBe('');
    const cid = server.conversation()?.id ?? '';
    server.emit({
      type: 'typing',
      notice: { conversationId: cid, author: 'agent', name: 'Anna', typing: true },
    });
    await settle();
    expect(typingLine(host)?.textContent).toBe('Anna is typing…');
    // Typing is not a message: the log (also a live region) is not touched.
    expect(ui.getByRole('log').textContent).not.toContain('typing');
    server.add({ author: 'agent', authorName: 'Anna', body: 'It left this morning.' }, true);
    await settle();
    expect(typingLine(host)?.textContent).toBe('');
  });

  it('clears the indicator on "stopped" and on its own after the timeout', async () => {
    const { server } = assigned();
    const { host } = await mountWidget(server);
    const cid = server.conversation()?.id ?? '';
    const notice = { conversationId: cid, author: 'agent' as const, name: 'Anna', typing: true };
    server.emit({ type: 'typing', notice });
    await settle();
    server.emit({ type: 'typing', notice: { ...notice, typing: false } });
    await settle();
    expect(typingLine(host)?.textContent).toBe('');

    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    try {
      server.emit({ type: 'typing', notice });
      await vi.advanceTimersByTimeAsync(0);
      expect(typingLine(host)?.textContent).toBe('Anna is typing…');
      await vi.advanceTimersByTimeAsync(LIMITS.typingExpiryMs - 100);
      expect(typingLine(host)?.textContent).toBe('Anna is typing…');
      await vi.advanceTimersByTimeAsync(200);
      expect(typingLine(host)?.textContent).toBe('');
    } finally {
      vi.useRealTimers();
    }
  });

  it('shows "Seen" under the last visitor message once an agent has read it', async () => {
    const { server, mine } = assigned();
    const { host } = await mountWidget(server);
    expect(host.querySelector('.seen')).toBeNull();
    server.emit({
      type: 'read',
      position: {
        conversationId: mine.conversationId,
        reader: 'agent',
        agentId: null,
        seq: mine.seq,
        readAt: new Date().toISOString(),
      },
    });
    await settle();
    const seen = host.querySelectorAll('.seen');
    expect(seen).toHaveLength(1);
    expect(seen[0]?.textContent).toBe('Seen');
    expect(seen[0]?.closest('.row.mine')?.textContent).toContain('Where is my parcel?');
  });

  it('issue 17: shows "Seen" from the agent\'s reply itself (no read receipt comes for a send)', async () => {
    const { server } = assigned();
    const { host } = await mountWidget(server);
    expect(host.querySelector('.seen')).toBeNull();
    server.add({ author: 'agent', authorName: 'Anna', body: 'It left this morning.' }, true);
    await settle();
    const seen = host.querySelectorAll('.seen');
    expect(seen).toHaveLength(1);
    expect(seen[0]?.closest('.row.mine')?.textContent).toContain('Where is my parcel?');
  });

  it('sends typing while the visitor writes to a person, and never the draft without sneak peek', async () => {
    const { server } = assigned();
    const { ui } = await mountWidget(server);
    const box = ui.getByRole('textbox') as HTMLTextAreaElement;
    fireEvent.input(box, { target: { value: 'H' } });
    fireEvent.input(box, { target: { value: 'He' } });
    fireEvent.input(box, { target: { value: 'Hel' } });
    await settle();
    // Three keystrokes within 2 s: one signal.
    expect(server.callsOf(EVENTS.typingSet)).toEqual([
      { conversationId: server.conversation()?.id, typing: true },
    ]);
  });

  it('with sneak peek on, the draft goes with the signal', async () => {
    const server = createFakeServer({ site: { sneakPeek: true } });
    server.add({ author: 'visitor', body: 'hi' });
    server.setConversation({ state: 'queued' }, false);
    const { ui } = await mountWidget(server);
    fireEvent.input(ui.getByRole('textbox'), { target: { value: 'My order number is' } });
    await settle();
    expect(server.callsOf(EVENTS.typingSet).at(-1)).toMatchObject({
      typing: true,
      draft: 'My order number is',
    });
  });

  it('marks the conversation read while the panel is open (newest row on screen without IntersectionObserver)', async () => {
    vi.stubGlobal('IntersectionObserver', undefined);
    const { server } = assigned();
    server.add({ author: 'agent', authorName: 'Anna', body: 'Hello!' });
    await mountWidget(server);
    await waitFor(() => expect(server.visitorRead()).toBe(2));
    expect(server.callsOf(EVENTS.readMark)).toEqual([{ conversationId: server.conversation()?.id, seq: 2 }]);
  });

  it('marks nothing while the panel is closed', async () => {
    vi.stubGlobal('IntersectionObserver', undefined);
    const { server } = assigned();
    await mountWidget(server, { open: false });
    expect(server.callsOf(EVENTS.readMark)).toEqual([]);
  });

  it('shows the agent name and a relative time with the exact time for hover and focus', async () => {
    const { server } = assigned();
    server.add({ author: 'agent', authorName: 'Anna', body: 'Hello!', createdAt: new Date().toISOString() });
    const { host } = await mountWidget(server);
    const row = host.querySelector('.row.agent');
    expect(row?.querySelector('.who')?.textContent).toBe('Anna');
    const stamp = row?.querySelector('time');
    expect(stamp?.getAttribute('tabindex')).toBe('0');
    expect(stamp?.textContent).toContain('just now');
    expect(stamp?.querySelector('.stamp__exact')?.textContent).toBe(stamp?.getAttribute('title'));
  });
});
