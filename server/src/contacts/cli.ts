/**
 * Contacts on the command line (issue 12):
 *   contacts:seed --count N [--site KEY]                 adds N anonymous contacts (names, e-mails, tags, plan and city)
 *   contacts:search [--site KEY] [--q TEXT] [--tag T] [--limit N] [--runs N]   times the Contacts page's query
 */
import { CONTACT_LIMITS } from '@frontdesk/shared';
import { ContactListQuerySchema } from '@frontdesk/shared/contacts-schemas';
import { createLogger } from '../kernel/logger.ts';
import { median, runCount, seedAndTimeArgs, seedCount, timeRuns } from '../kernel/timing.ts';
import { parse } from '../kernel/validate.ts';
import { DEMO_SITE_KEY } from '../sites/embedding.ts';
import type { Storage } from '../storage/index.ts';
import { AgentContacts } from './agent-contacts.ts';
import { EraseConfirmations } from './erase-confirmation.ts';
import type { ImportedContact } from './store.ts';

export const CONTACTS_USAGE = `  pnpm frontdesk contacts:seed --count 100000 [--site ${DEMO_SITE_KEY}]   (anonymous test contacts)
  pnpm frontdesk contacts:search [--site KEY] [--q TEXT] [--tag TAG] [--runs 5]   (times the Contacts page's search)`;

const FIRST = [
  'Anna',
  'Jan',
  'Ewa',
  'Piotr',
  'Maria',
  'Tomasz',
  'Zofia',
  'Łukasz',
  'Olivia',
  'Noah',
  'Emma',
  'Liam',
];
const LAST = [
  'Nowak',
  'Kowalski',
  'Wiśniewska',
  'Smith',
  'Jones',
  'Müller',
  'García',
  'Rossi',
  'Dubois',
  'Kim',
];
const TAGS = ['vip', 'lead', 'wholesale', 'returning', 'newsletter'];
const PLANS = ['free', 'basic', 'pro', 'enterprise'];
/** A city on most contacts (`city:lodz` finds "Łódź"); none on every seventh, so a key can be missing. */
const CITIES = ['Warszawa', 'Kraków', 'Łódź', 'Wrocław', 'Poznań', 'Gdańsk', 'Berlin', 'London', 'Paris'];

/** The i-th seeded contact: deterministic, spread over the last year. */
export function seededContact(i: number, now: number): ImportedContact {
  const first = FIRST[i % FIRST.length] ?? 'Anna';
  const last = LAST[Math.floor(i / FIRST.length) % LAST.length] ?? 'Nowak';
  const seen = new Date(now - ((i * 7_919) % (365 * 24 * 60)) * 60_000).toISOString();
  return {
    name: `${first} ${last} ${i}`,
    email: `${first}.${last}.${i}@example.com`.toLowerCase(),
    phone:
      i % 4 === 0 ? `+48 600 ${String(i % 1000).padStart(3, '0')} ${String(i % 997).padStart(3, '0')}` : null,
    createdAt: new Date(Date.parse(seen) - 86_400_000).toISOString(),
    lastSeenAt: seen,
    tags: i % 10 === 0 ? [TAGS[i % TAGS.length] ?? 'vip'] : [],
    attributes: [
      { key: 'plan', type: 'string', value: PLANS[i % PLANS.length] ?? 'free' },
      ...(i % 7 === 6
        ? []
        : [{ key: 'city', type: 'string' as const, value: CITIES[i % CITIES.length] ?? 'Łódź' }]),
    ],
  };
}

export async function runContactsCommand(
  command: 'contacts:seed' | 'contacts:search',
  args: string[],
  deps: { storage: Storage; out: (line: string) => void },
): Promise<number> {
  const { values, site, given } = await seedAndTimeArgs(
    args,
    deps.storage,
    { site: DEMO_SITE_KEY, runs: '5' },
    ['q', 'tag', 'limit'],
  );
  if (command === 'contacts:seed') {
    const { count, took } = await seedCount(values.count, 4_000, seededContact, (chunk) =>
      deps.storage.importContacts(site.id, chunk),
    );
    deps.out(`Seeded ${count} contacts on ${site.key} in ${took} s.`);
    return 0;
  }
  const query = parse(ContactListQuerySchema, given);
  const contacts = new AgentContacts({
    store: deps.storage,
    confirmations: new EraseConfirmations('unused: no erasure from the CLI', () => new Date()),
    logger: createLogger('silent'),
    clock: () => new Date(),
    changed: () => undefined,
    endVisitorSessions: () => undefined,
    removeFiles: async () => undefined, // listing only: nothing is erased here
  });
  const runs = runCount(values.runs, 5);
  const { ms, last: page } = await timeRuns(runs, () => contacts.list(site, query));
  const found = page.items.length;
  const more = page.nextCursor !== null;
  deps.out(
    `Search ${JSON.stringify({ q: values.q ?? null, tag: values.tag ?? null, limit: query.limit ?? CONTACT_LIMITS.pageSizeDefault })}: ` +
      `${found} on the first page${more ? ' (more after)' : ''}; median ${median(ms).toFixed(1)} ms, ` +
      `min ${Math.min(...ms).toFixed(1)} ms, max ${Math.max(...ms).toFixed(1)} ms over ${runs} runs.`,
  );
  return 0;
}
