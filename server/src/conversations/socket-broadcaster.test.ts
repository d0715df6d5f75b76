import { EVENTS } from '@frontdesk/shared';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createLogger } from '../logger.ts';
import type { ConversationRecord } from '../storage/index.ts';
import type { AgentNamespace } from './agent-namespace.ts';
import { SocketNotifier } from './notifier.ts';
import type { VisitorNamespace } from './visitor-namespace.ts';

/** A namespace stand-in that records `to(room).emit(event, payload)`. */
function recorder() {
  const sent: { room: string; event: string; payload: { lastSeq?: number; state?: string } }[] = [];
  const nsp = {
    to: (room: string) => ({ emit: (event: string, payload: never) => sent.push({ room, event, payload }) }),
  };
  return { sent, nsp };
}

const record = (lastSeq: number, state: ConversationRecord['state'] = 'bot') =>
  ({
    id: 'c1',
    siteId: 's1',
    visitorId: 'v1',
    state,
    lastSeq,
    queuedAt: null,
    visitor: { id: 'v1', pageUrl: null },
  }) as unknown as ConversationRecord;

const notifierWith = (agents: ReturnType<typeof recorder>, visitors = recorder()) =>
  new SocketNotifier(
    visitors.nsp as unknown as VisitorNamespace,
    agents.nsp as unknown as AgentNamespace,
    createLogger('silent'),
  );

describe('SocketNotifier previews', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('sends the first preview at once and coalesces a burst into one trailing update with the newest record', () => {
    const agents = recorder();
    const visitors = recorder();
    const notifier = notifierWith(agents, visitors);
    for (let seq = 1; seq <= 10; seq++) notifier.previewChanged(record(seq));
    expect(agents.sent.map((s) => s.payload.lastSeq)).toEqual([1]);
    vi.advanceTimersByTime(300);
    expect(agents.sent.map((s) => [s.room, s.event, s.payload.lastSeq])).toEqual([
      ['s:s1', EVENTS.conversationUpdated, 1],
      ['s:s1', EVENTS.conversationUpdated, 10],
    ]);
    expect(visitors.sent).toEqual([]);
  });

  it('a real change goes out at once and cancels the pending preview, so nothing stale follows it', () => {
    const agents = recorder();
    const notifier = notifierWith(agents);
    notifier.previewChanged(record(1));
    notifier.previewChanged(record(2));
    notifier.conversationChanged(record(3, 'queued'));
    vi.advanceTimersByTime(300);
    expect(agents.sent.map((s) => [s.payload.lastSeq, s.payload.state])).toEqual([
      [1, 'bot'],
      [3, 'queued'],
    ]);
  });
});
