import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Message } from '../../types.ts';
import { message, seqs } from './testing.ts';
import { EMPTY_TIMELINE, hasGap, mergeMessages, openTimeline, receive, type Timeline } from './timeline.ts';

describe('mergeMessages', () => {
  it('orders by seq whatever the arrival order', () => {
    expect(seqs(mergeMessages([message(2)], [message(3), message(1)]))).toEqual([1, 2, 3]);
  });

  it('keeps one copy per id and returns the held array when nothing is new', () => {
    const held = mergeMessages([], [message(1), message(2)]);
    expect(mergeMessages(held, [message(2), message(1)])).toBe(held);
    expect(mergeMessages(held, [])).toBe(held);
    expect(mergeMessages(held, [message(2, { body: 'a later copy' })])[1]?.body).toBe('message 2');
  });

  it('keeps one message per clientId: the lower seq, in either arrival order', () => {
    const first = message(3, { id: 'a', clientId: 'client-1' });
    const second = message(5, { id: 'b', clientId: 'client-1' });
    expect(mergeMessages([first], [second]).map((m) => m.id)).toEqual(['a']);
    expect(mergeMessages([second], [first]).map((m) => m.id)).toEqual(['a']);
    expect(mergeMessages([], [second, first]).map((m) => m.id)).toEqual(['a']);
  });

  it('on a clientId conflict at the same seq keeps the copy already held', () => {
    const held = [message(4, { id: 'held', clientId: 'client-1' })];
    expect(mergeMessages(held, [message(4, { id: 'new', clientId: 'client-1' })])).toBe(held);
  });

  it('messages without a clientId never collide with each other', () => {
    expect(seqs(mergeMessages([message(1)], [message(2), message(3)]))).toEqual([1, 2, 3]);
  });
});

describe('receive', () => {
  const opened = (messages: Message[] = []) => openTimeline('c1', messages);

  it('a first page is complete up to its highest seq', () => {
    const timeline = opened([message(2), message(1)]);
    expect(seqs(timeline.messages)).toEqual([1, 2]);
    expect(timeline.lastSeq).toBe(2);
    expect(openTimeline(null)).toEqual(EMPTY_TIMELINE);
  });

  it('ignores other conversations and returns the same timeline for nothing new', () => {
    const timeline = opened([message(1)]);
    expect(receive(timeline, [message(2, { conversationId: 'other' })], 'live')).toBe(timeline);
    expect(receive(timeline, [message(1)], 'live')).toBe(timeline);
    expect(receive(timeline, [], 'sync')).toBe(timeline);
  });

  it('a live message that follows on moves lastSeq; one after a gap is held but does not', () => {
    const timeline = opened([message(1), message(2)]);
    expect(hasGap(timeline, message(3))).toBe(false);
    expect(receive(timeline, [message(3)], 'live').lastSeq).toBe(3);
    expect(hasGap(timeline, message(5))).toBe(true);
    const after = receive(timeline, [message(5)], 'live');
    expect(seqs(after.messages)).toEqual([1, 2, 5]);
    expect(after.lastSeq).toBe(2);
    const synced = receive(after, [message(3), message(4), message(5)], 'sync');
    expect(seqs(synced.messages)).toEqual([1, 2, 3, 4, 5]);
    expect(synced.lastSeq).toBe(5);
  });

  it('live messages arriving together in reverse still follow on', () => {
    expect(receive(opened([message(1)]), [message(3), message(2)], 'live').lastSeq).toBe(3);
  });

  it('a sync page skipping seqs the client may not see (notes) still completes up to its top', () => {
    const timeline = receive(opened([message(1)]), [message(4), message(6)], 'sync');
    expect(timeline.lastSeq).toBe(6);
  });
});

/**
 * A server's log of one conversation: seq 1..n, some messages invisible to this client (an agent's
 * private note seen by a visitor), some with a clientId. What the client receives, in any order and
 * with duplicates: live messages, and sync pages after the client's own `lastSeq`.
 */
type Log = { message: Message; visible: boolean }[];
type Delivery = { kind: 'live'; index: number } | { kind: 'sync'; pageSize: number } | { kind: 'other' };

const logArb: fc.Arbitrary<Log> = fc
  .array(fc.record({ visible: fc.boolean(), withClientId: fc.boolean() }), { minLength: 1, maxLength: 30 })
  .map((entries) =>
    entries.map(({ visible, withClientId }, i) => ({
      message: message(i + 1, { clientId: withClientId ? `client-${i + 1}` : null }),
      visible,
    })),
  );

const deliveriesArb = (size: number): fc.Arbitrary<Delivery[]> =>
  fc.array(
    fc.oneof(
      { weight: 5, arbitrary: fc.nat(size - 1).map((index): Delivery => ({ kind: 'live', index })) },
      {
        weight: 2,
        arbitrary: fc.integer({ min: 1, max: 5 }).map((pageSize): Delivery => ({ kind: 'sync', pageSize })),
      },
      { weight: 1, arbitrary: fc.constant<Delivery>({ kind: 'other' }) },
    ),
    { maxLength: 60 },
  );

const visibleOf = (log: Log) => log.filter((e) => e.visible).map((e) => e.message);
const syncPage = (log: Log, afterSeq: number, pageSize: number) =>
  visibleOf(log)
    .filter((m) => m.seq > afterSeq)
    .slice(0, pageSize);

function play(log: Log, deliveries: Delivery[]): { timeline: Timeline; delivered: Set<string> } {
  let timeline = openTimeline('c1');
  const delivered = new Set<string>();
  for (const delivery of deliveries) {
    if (delivery.kind === 'live') {
      const entry = log[delivery.index];
      if (!entry?.visible) continue;
      delivered.add(entry.message.id);
      timeline = receive(timeline, [entry.message], 'live');
    } else if (delivery.kind === 'sync') {
      const page = syncPage(log, timeline.lastSeq, delivery.pageSize);
      for (const m of page) delivered.add(m.id);
      timeline = receive(timeline, page, 'sync');
    } else {
      timeline = receive(timeline, [message(1, { id: 'elsewhere', conversationId: 'c2' })], 'live');
    }
  }
  return { timeline, delivered };
}

describe('timeline properties', () => {
  it('holds exactly what was delivered, once each, in seq order', () => {
    fc.assert(
      fc.property(
        logArb.chain((log) => fc.tuple(fc.constant(log), deliveriesArb(log.length))),
        ([log, deliveries]) => {
          const { timeline, delivered } = play(log, deliveries);
          const held = timeline.messages.map((m) => m.id);
          expect(new Set(held)).toEqual(delivered);
          expect(held).toHaveLength(delivered.size);
          const order = seqs(timeline.messages);
          expect(order).toEqual([...order].sort((a, b) => a - b));
        },
      ),
    );
  });

  it('lastSeq never passes a message the client should hold and does not', () => {
    fc.assert(
      fc.property(
        logArb.chain((log) => fc.tuple(fc.constant(log), deliveriesArb(log.length))),
        ([log, deliveries]) => {
          const { timeline } = play(log, deliveries);
          const held = new Set(timeline.messages.map((m) => m.id));
          const missed = visibleOf(log).filter((m) => m.seq <= timeline.lastSeq && !held.has(m.id));
          expect(missed).toEqual([]);
        },
      ),
    );
  });

  it('one sync after the last seq, to the end, completes the timeline', () => {
    fc.assert(
      fc.property(
        logArb.chain((log) => fc.tuple(fc.constant(log), deliveriesArb(log.length))),
        ([log, deliveries]) => {
          const { timeline } = play(log, deliveries);
          const caughtUp = receive(timeline, syncPage(log, timeline.lastSeq, log.length), 'sync');
          expect(caughtUp.messages).toEqual(visibleOf(log));
          expect(caughtUp.lastSeq).toBe(Math.max(0, ...seqs(visibleOf(log))));
        },
      ),
    );
  });

  it('the merge does not depend on arrival order, and merging again changes nothing', () => {
    const messagesArb = logArb
      .map(visibleOf)
      .chain((list) =>
        fc.tuple(fc.shuffledSubarray(list), fc.shuffledSubarray(list), fc.shuffledSubarray(list)),
      );
    fc.assert(
      fc.property(messagesArb, ([a, b, c]) => {
        const one = mergeMessages(mergeMessages(mergeMessages([], a), b), c);
        const other = mergeMessages(mergeMessages([], [...c, ...a]), b);
        expect(one).toEqual(other);
        expect(mergeMessages(one, [...a, ...b, ...c])).toBe(one);
      }),
    );
  });

  it('a clientId conflict keeps the lower seq whatever the order', () => {
    const conflictArb = fc
      .uniqueArray(fc.integer({ min: 1, max: 50 }), { minLength: 2, maxLength: 6 })
      .chain((seqList) => fc.shuffledSubarray(seqList, { minLength: seqList.length }));
    fc.assert(
      fc.property(conflictArb, (seqList) => {
        const copies = seqList.map((seq) => message(seq, { id: `copy-${seq}`, clientId: 'client-same' }));
        const merged = copies.reduce<readonly Message[]>((held, m) => mergeMessages(held, [m]), []);
        expect(merged.map((m) => m.seq)).toEqual([Math.min(...seqList)]);
      }),
    );
  });
});
