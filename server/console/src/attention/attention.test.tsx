/**
 * Issue 14: alerts in the whole console (in-memory client, fake notifier): a visitor message in the
 * agent's own conversation rings and notifies, a conversation assigned to them too, nothing for the
 * one they are looking at, each signal follows its switch (saved from the profile page).
 */
import type { AgentConversation } from '@frontdesk/shared';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { conversation } from '../testing/fixtures.ts';
import { AGENT, createMemoryClient } from '../testing/memory-client.ts';
import { renderApp } from '../testing/render.tsx';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const visitor = (name: string, id: string) => ({ id, name, email: null, verified: false });

function seeded() {
  return createMemoryClient({
    conversations: [
      conversation('m1', {
        state: 'assigned',
        agentId: AGENT.id,
        agentName: AGENT.name,
        visitor: visitor('Mia', 'v1'),
      }),
      conversation('m2', {
        state: 'assigned',
        agentId: AGENT.id,
        agentName: AGENT.name,
        visitor: visitor('Max', 'v2'),
      }),
      conversation('q1', {
        state: 'queued',
        queuedAt: new Date().toISOString(),
        visitor: visitor('Quinn', 'v3'),
      }),
    ],
  });
}

const message = (c: AgentConversation, body: string): AgentConversation => ({
  ...c,
  lastSeq: c.lastSeq + 1,
  lastMessage: { author: 'visitor', body, createdAt: new Date().toISOString() },
  updatedAt: new Date(Date.now() + 1000).toISOString(),
});

describe('alerts', () => {
  it('a visitor message in my own conversation rings and notifies; not for the one I am looking at', async () => {
    vi.spyOn(document, 'hasFocus').mockReturnValue(true);
    const client = seeded();
    const { notifier } = renderApp(client);
    fireEvent.click(await screen.findByRole('button', { name: /Mia/ }));
    await screen.findByRole('heading', { level: 1, name: 'Mia' });
    client.push(message(client.conversations.get('m1')!, 'Looking at this one'));
    client.push(message(client.conversations.get('m2')!, 'Where is my order?'));
    await waitFor(() => expect(notifier.desktop).toHaveBeenCalledTimes(1));
    expect(notifier.desktop).toHaveBeenCalledWith(
      'New message from Max',
      'Where is my order?',
      expect.any(Function),
      'frontdesk-m2',
    );
    expect(notifier.chime).toHaveBeenCalledTimes(1);
    // The title counts the unread message of Max besides the one visitor waiting.
    await waitFor(() => expect(document.title).toMatch(/^\(\d+\) Frontdesk$/));
  });

  it('in a hidden or unfocused tab, even the open conversation notifies', async () => {
    vi.spyOn(document, 'hasFocus').mockReturnValue(false);
    const client = seeded();
    const { notifier } = renderApp(client);
    fireEvent.click(await screen.findByRole('button', { name: /Mia/ }));
    await screen.findByRole('heading', { level: 1, name: 'Mia' });
    client.push(message(client.conversations.get('m1')!, 'Hello?'));
    await waitFor(() =>
      expect(notifier.desktop).toHaveBeenCalledWith(
        'New message from Mia',
        'Hello?',
        expect.any(Function),
        'frontdesk-m1',
      ),
    );
  });

  it('a conversation assigned to me by someone else notifies; my own take does not', async () => {
    vi.spyOn(document, 'hasFocus').mockReturnValue(true);
    const client = seeded();
    const { notifier } = renderApp(client);
    await screen.findByRole('button', { name: /Quinn/ });
    const q1 = client.conversations.get('q1')!;
    client.push({
      ...q1,
      state: 'assigned',
      agentId: AGENT.id,
      agentName: AGENT.name,
      updatedAt: new Date(Date.now() + 1000).toISOString(),
    });
    await waitFor(() =>
      expect(notifier.desktop).toHaveBeenCalledWith(
        'A conversation is yours',
        'Quinn was assigned to you.',
        expect.any(Function),
        'frontdesk-q1',
      ),
    );
    notifier.desktop.mockClear();
    notifier.chime.mockClear();
    // Taking one over myself rings nothing.
    client.push({ ...q1, id: 'q2', visitor: visitor('Quill', 'v4') });
    fireEvent.click(await screen.findByRole('button', { name: /Quill/ }));
    fireEvent.click(await screen.findByRole('button', { name: 'Take over' }));
    await waitFor(() => expect(client.conversations.get('q2')?.state).toBe('assigned'));
    expect(notifier.desktop).not.toHaveBeenCalledWith(
      expect.anything(),
      expect.anything(),
      expect.anything(),
      'frontdesk-q2',
    );
  });

  it('switches saved in the profile: sound off, desktop off — nothing fires; the title count can be turned off', async () => {
    vi.spyOn(document, 'hasFocus').mockReturnValue(true);
    const client = seeded();
    const { notifier } = renderApp(client);
    window.location.hash = '#/profile';
    const sound = () => screen.getByRole<HTMLInputElement>('checkbox', { name: 'Play a sound' });
    await waitFor(() => expect(sound().disabled).toBe(false));
    fireEvent.click(sound());
    fireEvent.click(screen.getByRole('checkbox', { name: 'Show a desktop notification' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Show the unread count in the tab title' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save alerts' }));
    await waitFor(() =>
      expect(client.canned.attention()).toEqual({ sound: false, desktop: false, title: false }),
    );
    client.push(message(client.conversations.get('m2')!, 'Anyone?'));
    await waitFor(() => expect(document.title).toBe('(1) Frontdesk'));
    expect(notifier.chime).not.toHaveBeenCalled();
    expect(notifier.desktop).not.toHaveBeenCalled();
    window.location.hash = '';
  });

  it('the switches wait for the stored ones: none can be flipped before they arrive, so none is overwritten by them', async () => {
    const client = seeded();
    await client.saveAttention({ sound: false, desktop: true, title: true });
    const stored = client.getAttention;
    let arrive = () => {};
    const arrived = new Promise<void>((resolve) => {
      arrive = resolve;
    });
    client.getAttention = async () => {
      await arrived;
      return stored();
    };
    renderApp(client);
    window.location.hash = '#/profile';
    const sound = () => screen.getByRole<HTMLInputElement>('checkbox', { name: 'Play a sound' });
    await screen.findByRole('checkbox', { name: 'Play a sound' });
    expect(sound().disabled).toBe(true);
    expect((screen.getByRole('button', { name: 'Save alerts' }) as HTMLButtonElement).disabled).toBe(true);
    arrive();
    await waitFor(() => expect(sound().disabled).toBe(false));
    expect(sound().checked).toBe(false);
    expect(
      screen.getByRole<HTMLInputElement>('checkbox', { name: 'Show a desktop notification' }).checked,
    ).toBe(true);
    window.location.hash = '';
  });
});
