/**
 * Conversation search on the command line (issue 14):
 *   conversations:seed --count N [--site KEY]    adds N conversations with messages (en + pl, some tagged)
 *   conversations:search [--site KEY] [--q TEXT] [--state S] [--tag T] [--rating N] [--limit N] [--runs N]
 *                                                times the console's search (first page and the next)
 */
import { SearchQuerySchema } from '@frontdesk/shared/search-schemas';
import type { AgentContext } from '../identity/context.ts';
import { median, runCount, seedAndTimeArgs, seedCount, timed } from '../kernel/timing.ts';
import { parse } from '../kernel/validate.ts';
import { DEMO_SITE_KEY } from '../sites/embedding.ts';
import type { Storage } from '../storage/index.ts';
import { AgentSearch } from './agent-search.ts';
import type { SeededConversation } from './store.ts';

export const SEARCH_USAGE = `  pnpm frontdesk conversations:seed --count 100000 [--site ${DEMO_SITE_KEY}]   (test conversations with messages)
  pnpm frontdesk conversations:search [--site KEY] [--q TEXT] [--state S] [--tag T] [--runs 9]   (times the search)`;

const WORDS = [
  'order',
  'delivery',
  'parcel',
  'invoice',
  'password',
  'account',
  'shipping',
  'discount',
  'colour',
  'size',
  'broken',
  'late',
  'address',
  'payment',
  'thanks',
  'question',
  'please',
  'today',
  'zamówienie',
  'dostawa',
  'paczka',
  'faktura',
  'hasło',
  'konto',
  'wysyłka',
  'rabat',
  'kolor',
  'rozmiar',
  'uszkodzony',
  'spóźniona',
  'adres',
  'płatność',
  'dziękuję',
  'pytanie',
  'proszę',
  'dzisiaj',
];
/** Words that appear in few conversations (about 1 in 50 / 1 in 200): what people search for. */
const RARE = ['zwrotu', 'żółty', 'refund', 'płaszcz'];
const STATES = ['resolved', 'resolved', 'resolved', 'abandoned', 'assigned', 'queued', 'bot'] as const;
const TAGS = ['vip', 'refund', 'wholesale', 'bug'];

/** A small deterministic generator, so a seeded database is the same every time. */
function words(seed: number, n: number): string[] {
  let x = (seed * 2654435761) >>> 0;
  return Array.from({ length: n }, () => {
    x = (x * 1103515245 + 12345) >>> 0;
    return WORDS[x % WORDS.length] ?? 'order';
  });
}

/** The i-th seeded conversation: deterministic, spread over the last year, three messages. */
export function seededConversation(i: number, now: number): SeededConversation {
  const sentence = (k: number) => {
    const list = words(i * 3 + k, 6 + ((i + k) % 7));
    if (k === 0 && i % 50 === 7) list.splice(2, 0, RARE[(i / 50) % 2 < 1 ? 0 : 1] ?? 'zwrotu');
    if (k === 1 && i % 200 === 13) list.push(RARE[2 + (i % 2)] ?? 'refund');
    const text = list.join(' ');
    return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
  };
  const state = STATES[i % STATES.length] ?? 'resolved';
  return {
    state,
    rating: state === 'resolved' && i % 3 === 0 ? 1 + (i % 5) : null,
    createdAt: new Date(now - ((i * 7_919) % (365 * 24 * 60)) * 60_000 - i).toISOString(),
    tags: i % 20 === 0 ? [TAGS[(i / 20) % TAGS.length] ?? 'vip'] : [],
    messages: [
      { author: 'visitor', kind: 'text', body: sentence(0) },
      { author: 'agent', kind: 'text', body: sentence(1) },
      { author: 'agent', kind: i % 10 === 0 ? 'note' : 'text', body: sentence(2) },
    ],
  };
}

export async function runSearchCommand(
  command: 'conversations:seed' | 'conversations:search',
  args: string[],
  deps: { storage: Storage; out: (line: string) => void },
): Promise<number> {
  const { values, site, given } = await seedAndTimeArgs(
    args,
    deps.storage,
    { site: DEMO_SITE_KEY, runs: '9' },
    ['q', 'state', 'tag', 'rating', 'limit'],
  );
  if (command === 'conversations:seed') {
    const { count, took } = await seedCount(values.count, 2_000, seededConversation, (chunk) =>
      deps.storage.importConversations(site.id, chunk),
    );
    deps.out(`Seeded ${count} conversations (${count * 3} messages) on ${site.key} in ${took} s.`);
    return 0;
  }
  const query = parse(SearchQuerySchema, given);
  const search = new AgentSearch(deps.storage);
  // An agent of this site only (the query is scoped as the console's would be).
  const ctx = { agent: { id: 'cli' }, siteIds: [site.id] } as unknown as AgentContext;
  const runs = runCount(values.runs, 9);
  const first: number[] = [];
  const second: number[] = [];
  let found = 0;
  let more = false;
  for (let i = 0; i < runs; i++) {
    const { ms, result: page } = await timed(() => search.search(ctx, query));
    first.push(ms);
    found = page.hits.length;
    more = page.nextCursor !== null;
    const cursor = page.nextCursor;
    if (cursor) second.push((await timed(() => search.search(ctx, { ...query, cursor }))).ms);
  }
  deps.out(
    `Search ${JSON.stringify({ q: values.q ?? null, state: values.state ?? null, tag: values.tag ?? null })}: ` +
      `${found} on the first page${more ? ' (more after)' : ''}; median ${median(first).toFixed(1)} ms` +
      `${second.length ? `, next page median ${median(second).toFixed(1)} ms` : ''}, ` +
      `min ${Math.min(...first).toFixed(1)} ms, max ${Math.max(...first).toFixed(1)} ms over ${runs} runs.`,
  );
  return 0;
}
