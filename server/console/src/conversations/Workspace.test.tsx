import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { conversation, message } from '../testing/fixtures.ts';
import { AGENT, createMemoryClient } from '../testing/memory-client.ts';
import { minutesAgo, renderApp } from '../testing/render.tsx';

afterEach(cleanup);

const visitor = { id: 'v-1', name: 'Kasia', email: 'kasia@example.pl', verified: true };

function seeded(pageSize?: number) {
  return createMemoryClient({
    ...(pageSize ? { pageSize } : {}),
    conversations: [
      conversation('c1', {
        state: 'queued',
        queuedAt: minutesAgo(2),
        visitor,
        lastSeq: 2,
        handoffReason: 'visitor',
        page: { url: 'https://shop.example/cart?x=1', title: 'Cart <b>now</b>' },
        userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:125.0) Gecko/20100101 Firefox/125.0',
        locale: 'pl',
      }),
    ],
    messages: [
      message(1, { conversationId: 'c1', body: 'gdzie jest moja paczka?' }),
      message(2, {
        conversationId: 'c1',
        author: 'system',
        kind: 'event',
        body: '',
        meta: { event: { name: 'queued', reason: 'visitor' } },
      }),
    ],
  });
}

/** The visitor panel's fields, label → shown value. */
const fields = (panel: HTMLElement) =>
  Object.fromEntries(
    [...panel.querySelectorAll('dt')].map((dt) => [dt.textContent, dt.nextElementSibling?.textContent]),
  );

async function open(client = seeded()) {
  const view = renderApp(client);
  const row = await screen.findByRole('button', { name: /Kasia/ });
  fireEvent.click(row);
  await screen.findByText('gdzie jest moja paczka?');
  return { ...view, client };
}

describe('workspace', () => {
  it('opens a conversation with its timeline and the visitor panel', async () => {
    await open();
    const pane = screen.getByRole('region', { name: 'Kasia' });
    expect(within(pane).getByRole('heading', { level: 1 }).textContent).toBe('Kasia');
    expect([...within(pane).getByRole('log').querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      expect.stringContaining('gdzie jest moja paczka?'),
      expect.stringContaining('Waiting for a person: the visitor asked for a person'),
    ]);
    const panel = screen.getByRole('complementary', { name: 'Visitor details' });
    // Who they are comes from the contact record (issue 12), once.
    expect((await within(panel).findByText('Verified', { selector: '.identity' })).textContent).toContain(
      'Verified',
    );
    const link = within(panel).getByRole('link', { name: 'https://shop.example/cart?x=1' });
    expect(link.getAttribute('rel')).toBe('noopener noreferrer nofollow');
    // The conversation's own facts (the contact record follows in the same panel, issue 12).
    expect(fields(panel.querySelector('dl') as HTMLElement)).toMatchObject({
      'Current page': 'Cart <b>now</b>https://shop.example/cart?x=1',
      Browser: 'Firefox 125',
      System: 'Windows 10/11',
      Language: 'Polish',
      'Handoff reason': 'the visitor asked for a person',
    });
  });

  it('shows who won when another agent took the conversation first', async () => {
    const { client } = await open();
    // Another agent takes it; this console has not heard yet.
    const c1 = client.conversations.get('c1')!;
    client.conversations.set('c1', { ...c1, state: 'assigned', agentId: 'agent-2', agentName: 'Bob' });
    fireEvent.click(screen.getByRole('button', { name: 'Take over' }));
    expect((await screen.findByRole('alert')).textContent).toContain(
      'Someone else already took this conversation.',
    );
  });

  it('takes over, then replies with Enter; the reply is committed once', async () => {
    const { client } = await open();
    const input = within(screen.getByRole('region', { name: 'Kasia' })).getByRole(
      'textbox',
    ) as HTMLTextAreaElement;
    expect(input.disabled).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Take over' }));
    await screen.findByText('Assigned to you');
    await waitFor(() => expect(input.disabled).toBe(false));
    fireEvent.input(input, { target: { value: 'Sprawdzam, chwileczkę.' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    await waitFor(() => expect(screen.getAllByText('Sprawdzam, chwileczkę.')).toHaveLength(1));
    await waitFor(() => expect(document.querySelector('.msg--pending')).toBeNull());
    expect(client.sent).toHaveLength(1);
    expect(client.sent[0]).toMatchObject({
      conversationId: 'c1',
      body: 'Sprawdzam, chwileczkę.',
      kind: 'text',
    });
    expect(client.sent[0]!.clientId).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
    expect(screen.getByRole('heading', { name: /^Mine/ }).textContent).toContain('1');
  });

  it('D6 retries a send that timed out with the same clientId', async () => {
    const client = seeded();
    const c1 = client.conversations.get('c1')!;
    client.conversations.set('c1', { ...c1, state: 'assigned', agentId: AGENT.id, agentName: AGENT.name });
    client.failSends.push('unavailable');
    await open(client);
    const input = within(screen.getByRole('region', { name: 'Kasia' })).getByRole('textbox');
    fireEvent.input(input, { target: { value: 'retry me' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    await waitFor(() => expect(client.sent).toHaveLength(2));
    expect(client.sent[1]!.clientId).toBe(client.sent[0]!.clientId);
    await waitFor(() => expect(document.querySelector('.msg--pending')).toBeNull());
  });

  it('shows live messages and catches up after a reconnect, page by page after the last seq', async () => {
    const { client } = await open(seeded(2));
    client.deliver(message(3, { conversationId: 'c1', body: 'halo?' }));
    await screen.findByText('halo?');
    client.handlers().disconnected();
    await screen.findByText('Connection lost. Reconnecting…');
    // Missed while offline: the console must fetch it with messagesSync.
    client.messages.set('c1', [
      ...client.messages.get('c1')!,
      message(4, { conversationId: 'c1', body: 'jest ktoś?' }),
    ]);
    client.handlers().connected();
    await screen.findByText('jest ktoś?');
    expect(client.syncCalls).toContainEqual({ conversationId: 'c1', afterSeq: 3 });
    expect(screen.queryByText('Connection lost. Reconnecting…')).toBeNull();
  });

  it('resolves and returns to the bot', async () => {
    const client = seeded();
    const c1 = client.conversations.get('c1')!;
    client.conversations.set('c1', { ...c1, state: 'assigned', agentId: AGENT.id, agentName: AGENT.name });
    await open(client);
    fireEvent.click(screen.getByRole('button', { name: 'Return to bot' }));
    await screen.findByText('With the bot', { selector: '.state' });
    fireEvent.click(screen.getByRole('button', { name: 'Resolve' }));
    await screen.findByText('Resolved', { selector: '.state' });
    expect(screen.queryByRole('button', { name: 'Resolve' })).toBeNull();
  });
});

describe('issue 17: list previews only while the list is on screen', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('on a wide screen the list shows, with a conversation open too', async () => {
    const { client } = await open();
    await waitFor(() => expect(client.listShows).toEqual([true]));
  });

  it('on a phone the list hides while a conversation is open: the server is told, and told again on Back', async () => {
    // One column: `(max-width: 767px)` matches.
    vi.stubGlobal('matchMedia', (query: string) => ({
      matches: query.includes('max-width: 767px'),
      media: query,
      addEventListener() {},
      removeEventListener() {},
    }));
    const { client } = await open();
    await waitFor(() => expect(client.listShows.at(-1)).toBe(false));
    expect(client.listShows[0]).toBe(true);
    fireEvent.click(screen.getAllByRole('button', { name: 'Back to the list' })[0]!);
    await waitFor(() => expect(client.listShows.at(-1)).toBe(true));
  });
});

describe('R4 markup in visitor data', () => {
  const markup = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';

  it('R4 a visitor name, e-mail, page title, last message and rating comment with markup are shown as text', async () => {
    const client = createMemoryClient({
      conversations: [
        conversation('c1', {
          state: 'queued',
          queuedAt: minutesAgo(1),
          visitor: { id: 'v-r4', name: `Eve ${markup}`, email: `eve+${markup}@example.com`, verified: false },
          lastMessage: { author: 'visitor', body: markup, createdAt: minutesAgo(1) },
          page: { url: 'https://shop.example/?q=<svg/onload=alert(1)>', title: markup },
          ratingComment: markup,
        }),
      ],
      messages: [message(1, { conversationId: 'c1', body: markup })],
    });
    const view = renderApp(client);
    const row = await screen.findByRole('button', { name: /Eve/ });
    expect(row.textContent).toContain(markup);
    fireEvent.click(row);
    const panel = await screen.findByRole('complementary', { name: 'Visitor details' });
    expect(within(panel).getAllByText((text) => text.includes(markup)).length).toBeGreaterThan(0);
    expect(view.container.querySelector('img, script:not([src]), svg[onload]')).toBeNull();
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();
  });
});
