/**
 * Reports (issue 15): a small fixed history whose every figure is computed by hand in
 * `fixture-expected.ts` — site time zone Europe/Warsaw (UTC+1 in January), report range
 * Mon 2026-01-05 … Sun 2026-01-11, previous period 2025-12-29 … 2026-01-04. Conversations sit on
 * the edges on purpose: local midnight, the last second of the range, the first one after it.
 */
import type { HistoricConversation } from './store.ts';

const t = (iso: string) => new Date(iso).toISOString();

type Msg = HistoricConversation['messages'][number];
const visitor = (at: string, body = 'Hello', missed = false): Msg => ({
  author: 'visitor',
  kind: 'text',
  body,
  at: t(at),
  missed,
});
const bot = (at: string): Msg => ({ author: 'bot', kind: 'text', body: 'Here is what I found', at: t(at) });
const agent = (at: string, kind: Msg['kind'] = 'text'): Msg => ({
  author: 'agent',
  kind,
  body: 'Hi!',
  at: t(at),
});

function conversation(
  id: string,
  createdAt: string,
  more: Partial<Omit<HistoricConversation, 'id' | 'createdAt'>>,
): HistoricConversation {
  return {
    id,
    agentId: null,
    state: 'bot',
    locale: 'en',
    handoffReason: null,
    createdAt: t(createdAt),
    queuedAt: null,
    assignedAt: null,
    resolvedAt: null,
    abandonedAt: null,
    offlineAt: null,
    rating: null,
    ratingComment: null,
    messages: [],
    ...more,
  };
}

const at = (iso: string | null) => (iso === null ? null : t(iso));

const prefixed = (prefix: string, list: HistoricConversation[]) =>
  list.map((c) => ({ ...c, id: `${prefix}${c.id}` }));

/**
 * The history of the report's site; `agents.a` and `agents.b` are the ids of two of its agents.
 * `prefix` keeps ids unique when several tests share a database.
 */
export function reportFixture(agents: { a: string; b: string }, prefix = ''): HistoricConversation[] {
  return prefixed(prefix, [
    // Deflected: the bot answered, nobody else was needed.
    conversation('c1', '2026-01-05T08:00:00Z', {
      messages: [visitor('2026-01-05T08:00:00Z'), bot('2026-01-05T08:00:01Z')],
    }),
    // Missed twice by the bot, then a person: first reply 120 s after queueing, resolved in 600 s.
    conversation('c2', '2026-01-05T08:30:00Z', {
      state: 'resolved',
      agentId: agents.a,
      handoffReason: 'bot_misses',
      queuedAt: at('2026-01-05T08:31:00Z'),
      assignedAt: at('2026-01-05T08:32:00Z'),
      resolvedAt: at('2026-01-05T08:40:00Z'),
      rating: 5,
      ratingComment: 'Great help',
      messages: [
        visitor('2026-01-05T08:30:00Z', 'where is my parcel', true),
        bot('2026-01-05T08:30:01Z'),
        agent('2026-01-05T08:33:00Z'),
      ],
    }),
    // Local Wednesday 00:30 (Tuesday in UTC). A private note is not a reply: first reply 300 s.
    conversation('c3', '2026-01-06T23:30:00Z', {
      state: 'resolved',
      agentId: agents.b,
      handoffReason: 'visitor',
      queuedAt: at('2026-01-06T23:31:00Z'),
      assignedAt: at('2026-01-06T23:31:30Z'),
      resolvedAt: at('2026-01-07T00:30:00Z'),
      rating: 2,
      ratingComment: 'Slow',
      messages: [
        visitor('2026-01-06T23:30:00Z'),
        bot('2026-01-06T23:30:01Z'),
        agent('2026-01-06T23:32:00Z', 'note'),
        agent('2026-01-06T23:36:00Z'),
      ],
    }),
    // Abandoned in the queue.
    conversation('c4', '2026-01-07T10:00:00Z', {
      state: 'abandoned',
      handoffReason: 'escalation',
      queuedAt: at('2026-01-07T10:00:10Z'),
      abandonedAt: at('2026-01-07T10:05:00Z'),
      messages: [visitor('2026-01-07T10:00:00Z'), bot('2026-01-07T10:00:01Z')],
    }),
    // Missed: left as an offline message, never taken.
    conversation('c5', '2026-01-08T12:00:00Z', {
      state: 'queued',
      handoffReason: 'visitor',
      queuedAt: at('2026-01-08T12:00:05Z'),
      offlineAt: at('2026-01-08T12:01:00Z'),
      messages: [visitor('2026-01-08T12:00:00Z', 'do you ship to Norway', true), bot('2026-01-08T12:00:01Z')],
    }),
    // Straight to a person, no bot answer: first reply 60 s, resolved in 1 200 s.
    conversation('c6', '2026-01-09T14:00:00Z', {
      state: 'resolved',
      agentId: agents.a,
      handoffReason: 'visitor',
      queuedAt: at('2026-01-09T14:00:00Z'),
      assignedAt: at('2026-01-09T14:00:30Z'),
      resolvedAt: at('2026-01-09T14:20:00Z'),
      rating: 4,
      messages: [visitor('2026-01-09T14:00:00Z'), agent('2026-01-09T14:01:00Z')],
    }),
    // The range's last second (local Sunday 23:59:59); resolved by the bot in 601 s.
    conversation('c7', '2026-01-11T22:59:59Z', {
      state: 'resolved',
      resolvedAt: at('2026-01-11T23:10:00Z'),
      messages: [visitor('2026-01-11T22:59:59Z', 'where is my parcel', true), bot('2026-01-11T23:00:00Z')],
    }),
    // Local Monday 00:00 after the range: in neither period.
    conversation('c8', '2026-01-11T23:00:00Z', {
      messages: [visitor('2026-01-11T23:00:00Z'), bot('2026-01-11T23:00:01Z')],
    }),
    // Previous period: local 2026-01-04 23:59, deflected.
    conversation('c9', '2026-01-04T22:59:00Z', {
      messages: [visitor('2026-01-04T22:59:00Z'), bot('2026-01-04T22:59:01Z')],
    }),
    // Previous period: first reply 900 s, resolved in 3 600 s, rated 3.
    conversation('c10', '2025-12-29T00:00:00Z', {
      state: 'resolved',
      agentId: agents.a,
      handoffReason: 'visitor',
      queuedAt: at('2025-12-29T00:00:00Z'),
      assignedAt: at('2025-12-29T00:10:00Z'),
      resolvedAt: at('2025-12-29T01:00:00Z'),
      rating: 3,
      messages: [visitor('2025-12-29T00:00:00Z'), agent('2025-12-29T00:15:00Z')],
    }),
    // Local 2025-12-28 23:30: before the previous period.
    conversation('c11', '2025-12-28T22:30:00Z', {
      messages: [visitor('2025-12-28T22:30:00Z'), bot('2025-12-28T22:30:01Z')],
    }),
  ]);
}

/** Another site's conversation in the same week: it must appear in no figure of the first (A2). */
export const otherSiteFixture = (prefix = ''): HistoricConversation[] =>
  prefixed(prefix, [
    conversation('x1', '2026-01-06T10:00:00Z', {
      state: 'resolved',
      handoffReason: 'visitor',
      queuedAt: at('2026-01-06T10:00:00Z'),
      resolvedAt: at('2026-01-06T10:01:00Z'),
      rating: 1,
      ratingComment: 'other site',
      messages: [visitor('2026-01-06T10:00:00Z', 'where is my parcel', true), bot('2026-01-06T10:00:01Z')],
    }),
  ]);

export const FIXTURE_QUERY = { from: '2026-01-05', to: '2026-01-11' } as const;
export const FIXTURE_ZONE = 'Europe/Warsaw';
