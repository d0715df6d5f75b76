/** Issue 13 in the console: unread counts from read positions, read marks, typing with the peek, seen. */
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { conversation, message } from '../testing/fixtures.ts';
import { AGENT, createMemoryClient } from '../testing/memory-client.ts';
import { renderApp } from '../testing/render.tsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const visitor = { id: 'v-1', name: 'Kasia', email: null, verified: false };

/** Kasia's conversation, taken by this agent, three messages, of which the agent has read one. */
function seeded() {
  const client = createMemoryClient({
    conversations: [
      conversation('c1', {
        state: 'assigned',
        agentId: AGENT.id,
        agentName: AGENT.name,
        visitor,
        lastSeq: 3,
      }),
    ],
    messages: [
      message(1, { conversationId: 'c1', body: 'gdzie jest moja paczka?' }),
      message(2, { conversationId: 'c1', author: 'agent', authorName: AGENT.name, body: 'Sprawdzam.' }),
      message(3, { conversationId: 'c1', body: 'dziękuję' }),
    ],
  });
  client.reads.set('c1', 1);
  return client;
}

const row = () => screen.findByRole('button', { name: /Kasia/ });

describe('typing and read receipts in the console', () => {
  it('counts unread messages from the read position, and opening the conversation reads them', async () => {
    // Without IntersectionObserver the newest row counts as on screen.
    vi.stubGlobal('IntersectionObserver', undefined);
    const client = seeded();
    renderApp(client);
    expect((await row()).textContent).toContain('Unread: 2');
    fireEvent.click(await row());
    await screen.findByText('dziękuję');
    await waitFor(() => expect(client.reads.get('c1')).toBe(3));
    expect(client.readMarks).toEqual([{ conversationId: 'c1', seq: 3 }]);
    await waitFor(() =>
      expect(screen.getByRole('button', { name: /Kasia/ }).textContent ?? '').not.toContain('Unread'),
    );
  });

  it('shows "Visitor is typing…" politely, the sneak-peek draft beside it, and clears it on their message', async () => {
    const client = seeded();
    renderApp(client);
    fireEvent.click(await row());
    await screen.findByText('dziękuję');
    client.handlers().typingChanged?.({
      conversationId: 'c1',
      author: 'visitor',
      name: null,
      typing: true,
      draft: 'mój numer <b>zamówienia</b>',
    });
    const pane = screen.getByRole('region', { name: 'Kasia' });
    const line = await within(pane).findByText('Visitor is typing…');
    expect(line.getAttribute('aria-live')).toBe('polite');
    // The draft is text (escaped), outside the live region.
    const peek = pane.querySelector('.pane__peek');
    expect(peek?.textContent).toContain('mój numer <b>zamówienia</b>');
    expect(peek?.querySelector('b')).toBeNull();
    expect(line.contains(peek)).toBe(false);
    client.deliver(message(4, { conversationId: 'c1', body: 'mój numer zamówienia 123' }));
    await waitFor(() => expect(within(pane).queryByText('Visitor is typing…')).toBeNull());
    expect(pane.querySelector('.pane__peek')).toBeNull();
  });

  it('says whether the visitor has seen the last reply', async () => {
    const client = seeded();
    renderApp(client);
    fireEvent.click(await row());
    const pane = screen.getByRole('region', { name: 'Kasia' });
    await within(pane).findByText('Not seen by the visitor yet');
    client.handlers().readChanged?.({
      conversationId: 'c1',
      reader: 'visitor',
      agentId: null,
      seq: 2,
      readAt: new Date().toISOString(),
    });
    await within(pane).findByText('Seen by the visitor');
  });

  it("issue 17: the visitor's next message says they have seen the reply; the agent's own message reads the conversation", async () => {
    vi.stubGlobal('IntersectionObserver', undefined);
    const client = seeded();
    renderApp(client);
    expect((await row()).textContent).toContain('Unread: 2');
    // Written by this agent in another tab (its id on the message): nothing left unread, no receipt.
    client.handlers().messageNew?.({
      ...message(4, { conversationId: 'c1', author: 'agent', authorName: AGENT.name, body: 'Już.' }),
      authorId: AGENT.id,
    });
    await waitFor(async () => expect((await row()).textContent).not.toContain('Unread'));
    fireEvent.click(await row());
    const pane = screen.getByRole('region', { name: 'Kasia' });
    await within(pane).findByText('Not seen by the visitor yet');
    client.handlers().messageNew?.(message(5, { conversationId: 'c1', body: 'super' }));
    await within(pane).findByText('Seen by the visitor');
  });

  it('signals typing for a reply, throttled, and never for a private note', async () => {
    const client = seeded();
    renderApp(client);
    fireEvent.click(await row());
    const box = await screen.findByRole('textbox');
    fireEvent.input(box, { target: { value: 'J' } });
    fireEvent.input(box, { target: { value: 'Ju' } });
    expect(client.typingSets).toEqual([{ conversationId: 'c1', typing: true }]);
    fireEvent.click(screen.getByRole('checkbox'));
    fireEvent.input(box, { target: { value: 'Ju – a note' } });
    expect(client.typingSets).toHaveLength(1);
  });
});
