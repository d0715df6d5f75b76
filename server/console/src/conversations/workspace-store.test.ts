/**
 * The conversations workspace without a DOM: the client core's delivery rules as the console applies
 * them (merging itself is tested once, in shared/src/client/core).
 */
import type { ErrorCode } from '@frontdesk/shared';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { conversation, message } from '../testing/fixtures.ts';
import { AGENT, createMemoryClient, type MemoryClient } from '../testing/memory-client.ts';
import { createWorkspace, type Workspace } from './workspace-store.ts';

const settle = async (rounds = 10) => {
  for (let i = 0; i < rounds; i++) await new Promise<void>((resolve) => setTimeout(resolve, 0));
};

const mine = { state: 'assigned' as const, agentId: AGENT.id, agentName: AGENT.name };

let running: Workspace | null = null;
function start(client: MemoryClient) {
  const onQueued = vi.fn();
  const onSessionEnded = vi.fn();
  const workspace = createWorkspace({ client, onQueued, onSessionEnded, retryDelayMs: () => 0 });
  running = workspace;
  workspace.start();
  return { workspace, onQueued, onSessionEnded, state: workspace.getState };
}
afterEach(() => {
  running?.stop();
  running = null;
});

const bodies = (workspace: Workspace) => workspace.getState().timeline.messages.map((m) => m.body);

describe('workspace', () => {
  it('loads the lists, and a selected conversation’s timeline page by page', async () => {
    const client = createMemoryClient({
      pageSize: 2,
      conversations: [conversation('c1', { lastSeq: 5 }), conversation('q1', { state: 'queued' })],
      messages: [1, 2, 3, 4, 5].map((seq) => message(seq)),
    });
    const { workspace, state } = start(client);
    await settle();
    expect(Object.keys(state().lists.byId).sort()).toEqual(['c1', 'q1']);
    expect(state().connection).toBe('online');
    workspace.select('c1');
    expect(state().loading).toBe(true);
    await settle();
    expect(state().loading).toBe(false);
    expect(bodies(workspace)).toEqual(['message 1', 'message 2', 'message 3', 'message 4', 'message 5']);
    expect(client.syncCalls.map((c) => c.afterSeq)).toEqual([2, 4]);
  });

  it('a live message after a gap syncs from before the gap', async () => {
    const client = createMemoryClient({ conversations: [conversation('c1')], messages: [message(1)] });
    const { workspace, state } = start(client);
    await settle();
    workspace.select('c1');
    await settle();
    client.messages.set('c1', [...client.messages.get('c1')!, message(2)]); // missed
    client.deliver(message(3));
    await settle();
    expect(client.syncCalls).toEqual([{ conversationId: 'c1', afterSeq: 1 }]);
    expect(bodies(workspace)).toEqual(['message 1', 'message 2', 'message 3']);
    expect(state().timeline.lastSeq).toBe(3);
  });

  it('sends in order, retries a retryable failure with the same clientId, and commits each once', async () => {
    const client = createMemoryClient({ conversations: [conversation('c1', mine)], messages: [message(1)] });
    const { workspace, state } = start(client);
    await settle();
    workspace.select('c1');
    await settle();
    client.failSends.push('unavailable');
    workspace.send('first', 'text');
    workspace.send('second', 'note');
    await settle(20);
    expect(client.sent.map((s) => s.body)).toEqual(['first', 'first', 'second']);
    expect(client.sent[1]!.clientId).toBe(client.sent[0]!.clientId);
    expect(bodies(workspace)).toEqual(['message 1', 'first', 'second']);
    expect(state().outbox).toEqual([]);
    expect(state().actionError).toBeNull();
  });

  it('a final failure keeps the send as failed with the error; retry sends it again under its clientId', async () => {
    const client = createMemoryClient({ conversations: [conversation('c1')], messages: [message(1)] });
    const { workspace, state } = start(client);
    await settle();
    workspace.select('c1');
    await settle();
    workspace.send('not mine to answer', 'text');
    await settle();
    const [item] = state().outbox;
    expect(item).toMatchObject({ status: 'failed', error: 'invalid_state' });
    expect(state().actionError?.code).toBe('invalid_state');
    client.conversations.set('c1', { ...client.conversations.get('c1')!, ...mine });
    workspace.retry(item!.clientId);
    await settle();
    expect(state().outbox).toEqual([]);
    expect(client.sent.map((s) => s.clientId)).toEqual([item!.clientId, item!.clientId]);
  });

  it('keeps what was written offline and sends it once connected again', async () => {
    const client = createMemoryClient({ conversations: [conversation('c1', mine)] });
    const { workspace, state } = start(client);
    await settle();
    workspace.select('c1');
    await settle();
    client.handlers().disconnected();
    workspace.send('while offline', 'text');
    await settle();
    expect(client.sent).toEqual([]);
    expect(state().outbox[0]).toMatchObject({ status: 'pending', body: 'while offline' });
    client.handlers().connected();
    await settle();
    expect(client.sent.map((s) => s.body)).toEqual(['while offline']);
    expect(state().outbox).toEqual([]);
  });

  it('an unsent reply stays with its conversation when the agent opens another one', async () => {
    const client = createMemoryClient({
      conversations: [conversation('c1', mine), conversation('c2')],
    });
    const { workspace, state } = start(client);
    await settle();
    workspace.select('c1');
    await settle();
    client.handlers().disconnected();
    workspace.send('for c1', 'text');
    workspace.select('c2');
    client.handlers().connected();
    await settle();
    expect(client.sent).toMatchObject([{ conversationId: 'c1', body: 'for c1' }]);
    expect(client.messages.get('c1')?.map((m) => m.body)).toEqual(['for c1']);
    expect(state().outbox).toEqual([]);
  });

  it.each<
    [string, 'take' | 'return' | 'resolve', Partial<ReturnType<typeof conversation>>, ErrorCode | null]
  >([
    ['takes a waiting conversation', 'take', { state: 'queued' }, null],
    ['cannot take one another agent holds', 'take', { state: 'assigned', agentId: 'agent-2' }, 'conflict'],
    ['cannot return a resolved one to the bot', 'return', { state: 'resolved' }, 'invalid_state'],
    ['resolving twice changes nothing', 'resolve', { state: 'resolved' }, null],
  ])('%s (the shared state machine)', async (_name, action, patch, code) => {
    const client = createMemoryClient({ conversations: [conversation('c1', patch)] });
    const { workspace, state } = start(client);
    await settle();
    workspace.select('c1');
    await settle();
    await workspace.act(action);
    expect(state().actionError?.code ?? null).toBe(code);
    if (action === 'take' && !code) expect(state().lists.byId.c1).toMatchObject(mine);
  });

  it('issue 17: tells the server when the list shows, reloads the lists on showing it again, and again after a reconnect', async () => {
    const client = createMemoryClient({ conversations: [conversation('c1', { lastSeq: 1 })] });
    const loads = vi.spyOn(client, 'listConversations');
    const { workspace, state } = start(client);
    workspace.showList(true);
    await settle();
    expect(client.listShows).toEqual([true]);
    const perLoad = loads.mock.calls.length / 2; // at start, and after joining on connect
    // Hidden: previews of others' conversations stop, so what the list held may go stale.
    workspace.showList(false);
    workspace.showList(false);
    await settle();
    expect(client.listShows).toEqual([true, false]);
    client.conversations.set('c1', conversation('c1', { lastSeq: 4 }));
    workspace.showList(true);
    await settle();
    expect(client.listShows).toEqual([true, false, true]);
    expect(loads.mock.calls.length).toBe(perLoad * 3);
    expect(state().lists.byId.c1?.lastSeq).toBe(4);
    // A new connection starts without the interest: the console declares it again, then loads.
    client.handlers().disconnected();
    client.handlers().connected();
    await settle();
    expect(client.listShows).toEqual([true, false, true, true]);
    expect(loads.mock.calls.length).toBe(perLoad * 4);
  });

  it('issue 17: with the list hidden, a (re)connect loads the lists without declaring it', async () => {
    const client = createMemoryClient({ conversations: [conversation('q1', { state: 'queued' })] });
    const { workspace, state } = start(client);
    workspace.showList(false);
    await settle();
    client.handlers().disconnected();
    client.handlers().connected();
    await settle();
    expect(client.listShows).toEqual([]);
    expect(Object.keys(state().lists.byId)).toEqual(['q1']);
  });

  it('rings once when a conversation starts waiting', async () => {
    const client = createMemoryClient({ conversations: [conversation('c1'), conversation('c2')] });
    const { workspace, state, onQueued } = start(client);
    await settle();
    workspace.select('c2');
    await settle();
    const queued = conversation('c1', { state: 'queued', lastSeq: 2, updatedAt: new Date().toISOString() });
    client.push(queued);
    client.push(queued);
    expect(onQueued).toHaveBeenCalledOnce();
    expect(state().lists.byId.c1?.state).toBe('queued');
  });

  it('a refused connection retries after the backoff, unless the session is gone', async () => {
    const client = createMemoryClient({ conversations: [conversation('c1')] });
    const { onSessionEnded, state } = start(client);
    await settle();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const connected = vi.spyOn(client.handlers(), 'connected');
    client.handlers().refused('server restarting');
    expect(state().connection).toBe('offline');
    await settle();
    expect(connected).toHaveBeenCalled();
    expect(state().connection).toBe('online');
    client.signedIn = false;
    client.handlers().refused('io server disconnect');
    await settle();
    expect(onSessionEnded).toHaveBeenCalledOnce();
    warn.mockRestore();
  });
});
