/**
 * Reports (issue 15): a year of plausible history for measuring — deterministic (a seeded PRNG),
 * busier on weekday working hours, with bot answers, handoffs for every reason, agents' replies,
 * abandonment, offline messages, ratings with comments and questions the bot missed.
 */
import { HANDOFF_REASONS } from '@frontdesk/shared';
import type { HistoricConversation } from './store.ts';

/** mulberry32: small, fast, good enough to spread test data; the same seed gives the same history. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const QUESTIONS = [
  'where is my parcel',
  'do you ship to Norway',
  'can I pay with crypto',
  'gdzie jest moja paczka',
  'czy wysyłacie do Niemiec',
  'is the sofa available in green',
  'can I change my delivery address',
  'do you have a store in Kraków',
  'how do I use a gift card',
  'czy mogę zapłacić przy odbiorze',
];
const COMMENTS = ['Quick and kind', 'Took too long', 'Solved it, thanks', 'Dziękuję, super', 'Not helpful'];
/** Relative traffic per local hour: quiet nights, busy working hours. */
const HOUR_WEIGHT = [1, 1, 1, 1, 1, 2, 3, 5, 8, 10, 10, 9, 8, 9, 10, 10, 9, 8, 7, 6, 5, 4, 3, 2];
const HOUR_TOTAL = HOUR_WEIGHT.reduce((a, b) => a + b);

const iso = (ms: number) => new Date(ms).toISOString();

export type SeedOptions = { endMs: number; days: number; agentIds: readonly string[]; seed?: number };

/** Conversations `start … start + count - 1` of the history (ids `seed-<n>`), generated one at a time. */
export function* seedHistory(
  start: number,
  count: number,
  options: SeedOptions,
): Generator<HistoricConversation> {
  for (let n = start; n < start + count; n++) {
    const random = prng((options.seed ?? 15) * 1_000_003 + n);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
    const day = Math.floor(random() * options.days);
    let r = random() * HOUR_TOTAL;
    let hour = 0;
    while (hour < 23 && r >= (HOUR_WEIGHT[hour] ?? 1)) r -= HOUR_WEIGHT[hour++] ?? 1;
    const created =
      options.endMs - (day + 1) * 86_400_000 + hour * 3_600_000 + Math.floor(random() * 3_600_000);
    let t = created;
    const at = (seconds: number) => {
      t += seconds * 1000;
      return iso(t);
    };
    const locale = random() < 0.4 ? 'pl' : 'en';
    const missed = random() < 0.15;
    const messages: HistoricConversation['messages'] = [
      { author: 'visitor', kind: 'text', body: missed ? pick(QUESTIONS) : 'Hello', at: iso(t), missed },
    ];
    const botAnswers = random() < 0.9;
    if (botAnswers) messages.push({ author: 'bot', kind: 'text', body: 'Here is what I found', at: at(1) });
    const c: HistoricConversation = {
      id: `seed-${n}`,
      agentId: null,
      state: 'bot',
      locale,
      handoffReason: null,
      createdAt: iso(created),
      queuedAt: null,
      assignedAt: null,
      resolvedAt: null,
      abandonedAt: null,
      offlineAt: null,
      rating: null,
      ratingComment: null,
      messages,
    };
    if (!botAnswers || random() < 0.35) {
      c.handoffReason = botAnswers ? pick(HANDOFF_REASONS) : 'visitor';
      c.queuedAt = at(5 + Math.floor(random() * 60));
      c.state = 'queued';
      const fate = random();
      if (fate < 0.75 && options.agentIds.length > 0) {
        c.agentId = pick(options.agentIds);
        c.assignedAt = at(10 + Math.floor(random() * 600));
        c.state = 'assigned';
        messages.push({
          author: 'agent',
          kind: 'text',
          body: 'Hi, I can help',
          at: at(5 + Math.floor(random() * 300)),
        });
        if (random() < 0.9) {
          c.resolvedAt = at(120 + Math.floor(random() * 3600));
          c.state = 'resolved';
        }
      } else if (fate < 0.87) {
        c.abandonedAt = at(120 + Math.floor(random() * 600));
        c.state = 'abandoned';
      } else if (random() < 0.5) {
        c.offlineAt = at(30);
      }
    } else if (random() < 0.4) {
      c.resolvedAt = at(60 + Math.floor(random() * 600));
      c.state = 'resolved';
    }
    if (c.resolvedAt && random() < 0.3) {
      const roll = random();
      c.rating = roll < 0.05 ? 1 : roll < 0.12 ? 2 : roll < 0.25 ? 3 : roll < 0.55 ? 4 : 5;
      if (random() < 0.3) c.ratingComment = pick(COMMENTS);
    }
    yield c;
  }
}
