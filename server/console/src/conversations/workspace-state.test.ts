import { LIMITS } from '@frontdesk/shared';
import { describe, expect, it } from 'vitest';
import { conversation, message } from '../testing/fixtures.ts';
import {
  INITIAL_WORKSPACE,
  type Outgoing,
  pendingOf,
  type WorkspaceAction,
  type WorkspaceState,
  workspaceReducer,
} from './workspace-state.ts';

const run = (...actions: WorkspaceAction[]): WorkspaceState =>
  actions.reduce(workspaceReducer, INITIAL_WORKSPACE);

const outgoing = (clientId: string, conversationId: string): Outgoing => ({
  clientId,
  conversationId,
  body: `reply ${clientId}`,
  kind: 'text',
  status: 'pending',
  error: null,
  createdAt: '',
});

describe('workspace state', () => {
  it('selecting opens an empty, loading timeline and clears the error', () => {
    const state = run(
      { type: 'loaded', conversations: [conversation('c1'), conversation('c2')] },
      {
        type: 'updated',
        conversation: conversation('c2', { lastSeq: 2, updatedAt: '2030-01-01T00:00:00.000Z' }),
      },
      { type: 'error', error: { code: 'conflict', message: 'taken' } },
      { type: 'selected', id: 'c2' },
    );
    expect(state).toMatchObject({ selectedId: 'c2', loading: true, actionError: null });
    expect(state.timeline).toEqual({ conversationId: 'c2', messages: [], lastSeq: 0 });
    expect(workspaceReducer(state, { type: 'selected', id: 'c2' })).toBe(state);
  });

  it("issue 13: own read positions only move forward; the visitor's count for the conversation on screen", () => {
    const position = (reader: 'agent' | 'visitor', conversationId: string, seq: number) => ({
      type: 'read' as const,
      position: { conversationId, reader, agentId: reader === 'agent' ? 'me' : null, seq, readAt: '' },
    });
    const state = run(
      { type: 'selected', id: 'c1' },
      { type: 'ownReads', reads: { c1: 3, c2: 5 } },
      position('agent', 'c2', 4),
      position('agent', 'c1', 7),
      position('visitor', 'c1', 2),
      position('visitor', 'c2', 9),
      { type: 'reads', conversationId: 'c1', visitor: 1 },
    );
    expect(state.ownReads).toEqual({ c1: 7, c2: 5 });
    expect(state.visitorRead).toBe(2);
  });

  it('issue 13: the visitor typing shows for the conversation on screen, lapses, and goes with their message', () => {
    const notice = {
      conversationId: 'c1',
      author: 'visitor' as const,
      name: null,
      typing: true,
      draft: 'Hel',
    };
    let state = run({ type: 'selected', id: 'c1' }, { type: 'typing', notice, at: 1000 });
    expect(state.visitorTyping).toEqual({ draft: 'Hel', until: 1000 + LIMITS.typingExpiryMs });
    expect(
      workspaceReducer(state, { type: 'expire', now: 1000 + LIMITS.typingExpiryMs }).visitorTyping,
    ).toBeNull();
    expect(workspaceReducer(state, { type: 'expire', now: 1500 })).toBe(state);
    state = workspaceReducer(state, {
      type: 'received',
      conversationId: 'c1',
      messages: [message(1, { conversationId: 'c1', body: 'Hello' })],
      source: 'live',
    });
    expect(state.visitorTyping).toBeNull();
    // Another conversation's typing is not shown.
    expect(
      workspaceReducer(state, { type: 'typing', notice: { ...notice, conversationId: 'c9' }, at: 0 }),
    ).toBe(state);
  });

  it('the first page ends loading only for the conversation on screen', () => {
    const selected = run({ type: 'selected', id: 'c1' });
    const other = workspaceReducer(selected, {
      type: 'received',
      conversationId: 'c2',
      messages: [message(1, { conversationId: 'c2' })],
      source: 'sync',
      done: true,
    });
    expect(other).toBe(selected);
    const page = workspaceReducer(selected, {
      type: 'received',
      conversationId: 'c1',
      messages: [message(1)],
      source: 'sync',
      done: true,
    });
    expect(page.loading).toBe(false);
    expect(page.timeline.lastSeq).toBe(1);
  });

  it('a committed message settles its outbox item whichever conversation is on screen', () => {
    const state = run(
      { type: 'selected', id: 'c1' },
      { type: 'queued', item: outgoing('client-aaaa', 'c1') },
      { type: 'queued', item: outgoing('client-bbbb', 'c2') },
    );
    expect(pendingOf(state).map((i) => i.clientId)).toEqual(['client-aaaa']);
    const settled = workspaceReducer(state, {
      type: 'received',
      conversationId: 'c2',
      messages: [message(4, { conversationId: 'c2', clientId: 'client-bbbb' })],
      source: 'live',
    });
    expect(settled.outbox.map((i) => i.clientId)).toEqual(['client-aaaa']);
    expect(settled.timeline).toBe(state.timeline);
  });

  it('a send failed for good keeps its code; sent again it forgets it', () => {
    let state = run({ type: 'queued', item: outgoing('client-aaaa', 'c1') });
    state = workspaceReducer(state, {
      type: 'outgoing',
      clientId: 'client-aaaa',
      status: 'failed',
      code: 'too_large',
    });
    expect(state.outbox[0]).toMatchObject({ status: 'failed', error: 'too_large' });
    state = workspaceReducer(state, { type: 'outgoing', clientId: 'client-aaaa', status: 'pending' });
    expect(state.outbox[0]).toMatchObject({ status: 'pending', error: null });
  });
});
