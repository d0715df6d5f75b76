import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { conversation } from '../testing/fixtures.ts';
import { AGENT, createMemoryClient } from '../testing/memory-client.ts';
import { minutesAgo, renderApp } from '../testing/render.tsx';

afterEach(cleanup);

const section = (name: RegExp) => {
  const heading = screen.getByRole('heading', { name });
  return heading.closest('section')!;
};
const rowNames = (el: HTMLElement) => [...el.querySelectorAll('.row__name')].map((n) => n.textContent);

function seeded() {
  return createMemoryClient({
    conversations: [
      conversation('q2', {
        state: 'queued',
        queuedAt: minutesAgo(1),
        visitor: { id: 'v2', name: 'Newer', email: null, verified: false },
      }),
      conversation('q1', {
        state: 'queued',
        queuedAt: minutesAgo(3),
        visitor: { id: 'v1', name: 'Older', email: null, verified: false },
      }),
      conversation('b1', {
        lastMessage: {
          author: 'bot',
          body: '**Delivery** takes [2 days](https://x.y)',
          createdAt: minutesAgo(2),
        },
      }),
      conversation('m1', { state: 'assigned', agentId: AGENT.id, agentName: AGENT.name }),
      conversation('o1', { state: 'assigned', agentId: 'agent-2', agentName: 'Bob' }),
      conversation('r1', { state: 'resolved', resolvedAt: minutesAgo(5) }),
    ],
  });
}

describe('conversation lists', () => {
  it('groups by state with counts, waiting oldest first with a live counter', async () => {
    renderApp(seeded());
    await waitFor(() => expect(rowNames(section(/^Waiting/))).toEqual(['Older', 'Newer']));
    const waiting = section(/^Waiting/);
    expect(within(waiting).getByTitle('2 conversations').textContent).toBe('2');
    expect([...waiting.querySelectorAll('.row__waiting')].map((w) => w.textContent)).toEqual([
      'waiting 3 min',
      'waiting 1 min',
    ]);
    expect(rowNames(section(/^Mine/))).toHaveLength(1);
    expect(rowNames(section(/^Others'/))).toHaveLength(1);
    expect(rowNames(section(/^Resolved/))).toHaveLength(1);
    const bot = section(/^With the bot/);
    expect(bot.querySelector('.row__preview')?.textContent).toBe('Bot: Delivery takes 2 days');
    // Issue 14: two visitors waiting, plus the unread message of the agent's own conversation.
    await waitFor(() => expect(document.title).toBe('(3) Frontdesk'));
  });

  it('moves a conversation live when it is handed off, rings, and updates the title badge', async () => {
    const client = seeded();
    const { notifier } = renderApp(client);
    await waitFor(() => expect(rowNames(section(/^Waiting/))).toHaveLength(2));
    const b1 = client.conversations.get('b1')!;
    client.push({
      ...b1,
      state: 'queued',
      queuedAt: minutesAgo(0),
      updatedAt: new Date().toISOString(),
      lastSeq: 2,
    });
    await waitFor(() => expect(rowNames(section(/^Waiting/))).toHaveLength(3));
    expect(rowNames(section(/^With the bot/))).toHaveLength(0);
    expect(notifier.chime).toHaveBeenCalledTimes(1);
    expect(notifier.desktop).toHaveBeenCalledWith(
      'A visitor is waiting',
      expect.stringContaining('Visitor'),
      expect.any(Function),
    );
    // Three waiting, plus the unread message of the agent's own conversation (issue 14).
    await waitFor(() => expect(document.title).toBe('(4) Frontdesk'));
  });

  it('moves focus between rows with the arrow keys', async () => {
    renderApp(seeded());
    const nav = await screen.findByRole('navigation', { name: 'Conversations' });
    await waitFor(() => expect(nav.querySelectorAll('button[data-row]')).toHaveLength(6));
    const rows = [...nav.querySelectorAll<HTMLButtonElement>('button[data-row]')];
    rows[0]!.focus();
    fireEvent.keyDown(rows[0]!, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(rows[1]);
    fireEvent.keyDown(rows[1]!, { key: 'End' });
    expect(document.activeElement).toBe(rows[5]);
    fireEvent.keyDown(rows[5]!, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(rows[5]);
    fireEvent.keyDown(rows[5]!, { key: 'Home' });
    expect(document.activeElement).toBe(rows[0]);
  });
});
