import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createLogger } from '../kernel/logger.ts';
import { PageViewRecorder } from './page-views.ts';
import type { ConversationRecord } from './store.ts';

function fakes(state: ConversationRecord['state'] = 'bot') {
  const writes: { visitorId: string; pageUrl: string | null | undefined }[] = [];
  const broadcasts: string[] = [];
  const storage = {
    updateVisitor: async (visitorId: string, patch: { pageUrl?: string | null }) => {
      writes.push({ visitorId, pageUrl: patch.pageUrl });
    },
    getLatestConversation: async (visitorId: string) =>
      ({ id: `c-${visitorId}`, visitorId, state }) as ConversationRecord,
  };
  const broadcaster = { previewChanged: (c: ConversationRecord) => broadcasts.push(c.id) };
  const recorder = new PageViewRecorder(storage, broadcaster, createLogger('silent'), {
    intervalMs: 1000,
    maxKeys: 1000,
  });
  return { writes, broadcasts, recorder };
}

const page = (n: number) => ({ url: `https://shop.example/p/${n}`, title: `Page ${n}` });

describe('PageViewRecorder', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('L2 2 770 page views in 3 s become one write and one list update per second, the latest page winning', async () => {
    const { writes, broadcasts, recorder } = fakes();
    for (let i = 1; i <= 2770; i++) {
      recorder.record('v1', page(i));
      if (i % 923 === 0) await vi.advanceTimersByTimeAsync(1000);
    }
    await vi.advanceTimersByTimeAsync(5000);
    expect(writes.length).toBeLessThanOrEqual(5);
    expect(writes.at(-1)).toEqual({ visitorId: 'v1', pageUrl: page(2770).url });
    expect(broadcasts.length).toBe(writes.length);
  });

  it('L2 a visitor navigating normally has every page stored, other visitors are not held back', async () => {
    const { writes, recorder } = fakes();
    recorder.record('v1', page(1));
    recorder.record('v2', page(1));
    await vi.advanceTimersByTimeAsync(0);
    expect(writes.map((w) => w.visitorId)).toEqual(['v1', 'v2']);
    await vi.advanceTimersByTimeAsync(3000);
    recorder.record('v1', page(2));
    await vi.advanceTimersByTimeAsync(0);
    expect(writes.at(-1)).toEqual({ visitorId: 'v1', pageUrl: page(2).url });
  });

  it('L2 nothing is broadcast for a resolved conversation', async () => {
    const { writes, broadcasts, recorder } = fakes('resolved');
    recorder.record('v1', page(1));
    await vi.advanceTimersByTimeAsync(0);
    expect(writes).toHaveLength(1);
    expect(broadcasts).toEqual([]);
  });
});
