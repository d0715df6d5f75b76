import { describe, expect, it } from 'vitest';
import type { SyncResult } from '../../events.ts';
import type { Message } from '../../types.ts';
import type { Reply } from './reply.ts';
import { MAX_SYNC_PAGES, syncAfter } from './sync.ts';
import { message, seqs } from './testing.ts';
import { openTimeline, receive, type Timeline } from './timeline.ts';

/** A server holding `total` messages and answering pages of `pageSize`. */
function server(total: number, pageSize: number) {
  const log = Array.from({ length: total }, (_, i) => message(i + 1));
  const calls: number[] = [];
  const fetch = async (afterSeq: number): Promise<Reply<SyncResult<string>>> => {
    calls.push(afterSeq);
    const after = log.filter((m) => m.seq > afterSeq);
    return {
      ok: true,
      data: { conversation: 'c1', messages: after.slice(0, pageSize), hasMore: after.length > pageSize },
    };
  };
  return { log, calls, fetch };
}

function client(initial: Message[] = []) {
  let timeline: Timeline = openTimeline('c1', initial);
  return {
    get: () => timeline,
    live: (m: Message) => {
      timeline = receive(timeline, [m], 'live');
    },
    cursor: () => timeline.lastSeq,
    apply: (page: SyncResult<string>) => {
      timeline = receive(timeline, page.messages, 'sync');
      return true;
    },
  };
}

describe('syncAfter', () => {
  it('pages from the last seq held until the server has no more', async () => {
    const s = server(5, 2);
    const c = client([message(1)]);
    expect(await syncAfter({ cursor: c.cursor, fetch: s.fetch, apply: c.apply })).toEqual({
      ok: true,
      data: null,
    });
    expect(s.calls).toEqual([1, 3]);
    expect(seqs(c.get().messages)).toEqual([1, 2, 3, 4, 5]);
  });

  it('stops at a failure and returns it', async () => {
    const c = client();
    const failure = { ok: false as const, error: { code: 'not_found' as const, message: 'gone' } };
    expect(await syncAfter({ cursor: c.cursor, fetch: async () => failure, apply: c.apply })).toBe(failure);
  });

  it('stops when apply says so (the client moved on)', async () => {
    const s = server(6, 2);
    await syncAfter({ cursor: () => 0, fetch: s.fetch, apply: () => false });
    expect(s.calls).toEqual([0]);
  });

  it('stops on a page that moves nothing, and after the page limit', async () => {
    let calls = 0;
    const stuck = async (): Promise<Reply<SyncResult<string>>> => {
      calls++;
      return { ok: true, data: { conversation: 'c1', messages: [], hasMore: true } };
    };
    await syncAfter({ cursor: () => 0, fetch: stuck, apply: () => true });
    expect(calls).toBe(1);
    let seq = 0;
    calls = 0;
    const endless = async (): Promise<Reply<SyncResult<string>>> => {
      calls++;
      return { ok: true, data: { conversation: 'c1', messages: [message(++seq)], hasMore: true } };
    };
    const c = client();
    await syncAfter({ cursor: c.cursor, fetch: endless, apply: c.apply });
    expect(calls).toBe(MAX_SYNC_PAGES);
  });

  it('reads the cursor again before every page (a live message moved it)', async () => {
    const s = server(6, 2);
    const c = client();
    await syncAfter({
      cursor: c.cursor,
      fetch: s.fetch,
      apply: (page) => {
        c.apply(page);
        if (c.cursor() === 2) c.live(s.log[2]!);
        return true;
      },
    });
    expect(s.calls).toEqual([0, 3, 5]);
    expect(seqs(c.get().messages)).toEqual([1, 2, 3, 4, 5, 6]);
  });
});
