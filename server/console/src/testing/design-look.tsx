/**
 * Tests only: the real console App on an in-memory client seeded with a day's worth of work (a queue,
 * own and colleagues' conversations with unread messages, contacts, FAQ, unanswered questions, sites,
 * agents, outbox, canned responses, tags and a saved view, routing with teams, a month's report), built
 * and opened in Chromium by `test/e2e/console-design.test.ts` to check every page at desktop and phone
 * widths, light and dark. `?locale=pl` picks the language; `?data=empty` seeds nothing (empty states);
 * `?signed=out` opens on the sign-in page.
 */
import { isLocale } from '@frontdesk/shared';
import { render } from 'preact';
import { App } from '../app/App.tsx';
import { createConsoleMarkdown } from '../app/markdown.ts';
import '../app/styles.css';
import { SHOP_FAQS, SHOP_GROUPS, SHOP_OVERLAPS } from './faq-fixtures.ts';
import { conversation, message } from './fixtures.ts';
import { agentAccount, siteDetail } from './memory-admin.ts';
import { ADMIN, createMemoryClient } from './memory-client.ts';
import { contact } from './memory-contacts.ts';
import { outboxEntry } from './memory-mail.ts';
import { sampleReport } from './sample-report.ts';

const params = new URLSearchParams(location.search);
const wanted = params.get('locale');
const locale = isLocale(wanted) ? wanted : 'en';
const empty = params.get('data') === 'empty';
const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();
const daysAgo = (d: number) => minutesAgo(d * 24 * 60);
const ada = { id: 'k-ada', name: 'Ada Nowak', email: 'ada.nowak@example.pl', verified: true };
const jan = { id: 'k-jan', name: 'Jan Wiśniewski', email: 'jan@example.pl', verified: false };
const kim = { id: 'k-kim', name: 'Kim Larsen', email: null, verified: false };

const shop = { id: 'site1', name: 'Shop', key: 'site1-key' };
const help = { id: 'site2', name: 'Helpdesk', key: 'site2-key' };
const canned = (id: string, o: { title: string; shortcut: string; body: string; lang?: 'en' | 'pl' }) => ({
  id,
  siteId: 'site1',
  scope: 'site' as const,
  ownerId: null,
  lang: o.lang ?? ('en' as const),
  title: o.title,
  shortcut: o.shortcut,
  body: o.body,
  updatedAt: daysAgo(3),
});
const seeded = {
  agent: ADMIN,
  canned: [
    canned('r-hello', {
      title: 'Greeting',
      shortcut: 'hello',
      body: 'Hi {{visitor.name}}, this is {{agent.name}}. How can I help?',
    }),
    canned('r-where', {
      title: 'Where is my order',
      shortcut: 'where-order',
      body: 'Let me check your order. Could you give me its **number**?',
    }),
    canned('r-refund', {
      title: 'Refund form',
      shortcut: 'refund',
      body: 'You can ask for a refund here: https://shop.example/returns',
    }),
    canned('r-dzien', {
      title: 'Powitanie',
      shortcut: 'dzien-dobry',
      body: 'Dzień dobry {{visitor.name}}, w czym mogę pomóc?',
      lang: 'pl',
    }),
  ],
  admin: {
    sites: [
      siteDetail('site1', { name: 'Shop', allowedOrigins: ['https://shop.example'] }),
      siteDetail('site2', { name: 'Helpdesk' }),
    ],
    agents: [
      agentAccount('agent-2', { name: 'Bob Baker', role: 'agent', sites: [shop] }),
      agentAccount('agent-3', { name: 'Zofia Żak', role: 'agent', sites: [shop, help] }),
      agentAccount('agent-4', { name: 'Carl Old', role: 'agent', disabled: true }),
    ],
  },
  faq: { faqs: SHOP_FAQS, overlaps: SHOP_OVERLAPS, groups: SHOP_GROUPS },
  mail: {
    configured: false,
    mail: [
      outboxEntry('mail-1', { recipient: 'ada.nowak@example.pl', status: 'unconfigured' }),
      outboxEntry('mail-2', { recipient: 'jan@example.pl', status: 'sent', attempts: 1 }),
    ],
  },
  contacts: {
    contacts: [
      contact('k-ada', {
        name: 'Ada Nowak',
        email: 'ada.nowak@example.pl',
        phone: '+48 600 100 200',
        identity: 'verified',
        location: 'Warsaw, Europe',
        tags: ['vip', 'returning'],
        firstSeenAt: daysAgo(40),
        lastSeenAt: minutesAgo(2),
        attributes: [{ key: 'plan', type: 'string', value: 'Premium' }],
      }),
      contact('k-jan', { name: 'Jan Wiśniewski', email: 'jan@example.pl', lastSeenAt: minutesAgo(12) }),
      contact('k-kim', { name: 'Kim Larsen', lastSeenAt: minutesAgo(40), location: 'Oslo, Europe' }),
    ],
  },
  conversations: [
    conversation('c-now', {
      state: 'queued',
      queuedAt: minutesAgo(1),
      visitor: ada,
      locale: 'pl',
      lastSeq: 3,
      handoffReason: 'visitor',
      createdAt: minutesAgo(3),
      page: { url: 'https://shop.example/cart', title: 'Cart — Demo Shop' },
      lastMessage: { author: 'visitor', body: 'Where is my kettle? Order 1042.', createdAt: minutesAgo(1) },
    }),
    conversation('c-mine', {
      state: 'assigned',
      agentId: ADMIN.id,
      agentName: ADMIN.name,
      visitor: jan,
      locale: 'pl',
      lastSeq: 4,
      createdAt: minutesAgo(14),
      lastMessage: { author: 'visitor', body: 'Czy mogę zapłacić BLIKiem?', createdAt: minutesAgo(4) },
    }),
    conversation('c-ola', {
      state: 'assigned',
      agentId: ADMIN.id,
      agentName: ADMIN.name,
      visitor: { id: 'k-ola', name: 'Ola Kowalska', email: 'ola@example.pl', verified: false },
      locale: 'pl',
      lastSeq: 2,
      createdAt: minutesAgo(20),
      lastMessage: {
        author: 'visitor',
        body: 'Czy jest rozmiar M w kolorze żółtym?',
        createdAt: minutesAgo(6),
      },
    }),
    conversation('c-bob', {
      state: 'assigned',
      agentId: 'agent-2',
      agentName: 'Bob Baker',
      visitor: kim,
      lastSeq: 2,
      createdAt: minutesAgo(30),
      lastMessage: { author: 'agent', body: 'Let me check that for you.', createdAt: minutesAgo(8) },
    }),
    conversation('c-bot', {
      state: 'bot',
      lastSeq: 2,
      createdAt: minutesAgo(5),
      lastMessage: { author: 'bot', body: 'Shipping takes 2–3 working days.', createdAt: minutesAgo(5) },
    }),
    conversation('c-old', {
      state: 'resolved',
      visitor: ada,
      agentName: 'Bob Baker',
      rating: 5,
      createdAt: daysAgo(6),
      resolvedAt: daysAgo(6),
      lastMessage: { author: 'agent', body: 'Refund form sent.', createdAt: daysAgo(6) },
    }),
  ],
  messages: [
    message(1, {
      conversationId: 'c-now',
      body: 'Hi! I ordered a kettle last week.',
      createdAt: minutesAgo(3),
    }),
    message(2, {
      conversationId: 'c-now',
      body: 'Where is my kettle? Order 1042.',
      createdAt: minutesAgo(2),
    }),
    message(3, {
      conversationId: 'c-now',
      author: 'system',
      kind: 'event',
      body: '',
      meta: { event: { name: 'queued', reason: 'visitor' } },
      createdAt: minutesAgo(1),
    }),
    message(1, { conversationId: 'c-mine', id: 'mine-1', body: 'Dzień dobry!', createdAt: minutesAgo(14) }),
    message(2, {
      conversationId: 'c-mine',
      id: 'mine-2',
      author: 'agent',
      authorName: ADMIN.name,
      body: 'Dzień dobry, w czym mogę pomóc?',
      createdAt: minutesAgo(13),
    }),
    message(3, {
      conversationId: 'c-mine',
      id: 'mine-3',
      author: 'agent',
      authorName: ADMIN.name,
      kind: 'note',
      body: 'Regular customer, ships to Kraków.',
      createdAt: minutesAgo(12),
    }),
    message(4, {
      conversationId: 'c-mine',
      id: 'mine-4',
      body: 'Czy mogę zapłacić BLIKiem?',
      createdAt: minutesAgo(4),
    }),
    message(1, {
      conversationId: 'c-ola',
      id: 'ola-1',
      body: 'Dzień dobry, pytanie o płaszcz.',
      createdAt: minutesAgo(7),
    }),
    message(2, {
      conversationId: 'c-ola',
      id: 'ola-2',
      body: 'Czy jest rozmiar M w kolorze żółtym?',
      createdAt: minutesAgo(6),
    }),
    message(1, {
      conversationId: 'c-bob',
      id: 'bob-1',
      body: 'My parcel came broken, I would like a refund.',
      createdAt: minutesAgo(30),
    }),
    message(2, {
      conversationId: 'c-bob',
      id: 'bob-2',
      author: 'agent',
      authorName: 'Bob Baker',
      body: 'Let me check that for you.',
      createdAt: minutesAgo(8),
    }),
    message(1, {
      conversationId: 'c-old',
      id: 'old-1',
      body: 'Chcę zwrócić żółty płaszcz, jak wygląda zwrot?',
      createdAt: daysAgo(6),
    }),
    message(2, {
      conversationId: 'c-old',
      id: 'old-2',
      author: 'agent',
      authorName: 'Bob Baker',
      body: 'Refund form sent.',
      createdAt: daysAgo(6),
    }),
  ],
};

const signedOut = params.get('signed') === 'out';
const client = createMemoryClient({ ...(empty ? { agent: ADMIN } : seeded), signedIn: !signedOut });
if (!empty) {
  // Issue 14: tags, a saved view, routing with teams; issue 15: a month's report.
  client.search.tags.set('c-now', ['vip', 'kettle']);
  client.search.tags.set('c-old', ['refund']);
  client.search.views.push({ id: 'view-1', name: 'Refunds', filters: { q: 'refund', tag: 'refund' } });
  client.routing.overviews.set('site1', {
    settings: { mode: 'auto', defaultCapacity: 3, offlineReturnMinutes: 2 },
    agents: [
      { agentId: ADMIN.id, name: ADMIN.name, capacity: 5, load: 1 },
      { agentId: 'agent-2', name: 'Bob Baker', capacity: null, load: 1 },
      { agentId: 'agent-3', name: 'Zofia Żak', capacity: 2, load: 0 },
    ],
  });
  client.routing.teams.set('site1', [
    { id: 'team-1', siteId: 'site1', name: 'Zwroty i reklamacje', agentIds: [ADMIN.id, 'agent-2'] },
    { id: 'team-2', siteId: 'site1', name: 'Wholesale', agentIds: ['agent-3'] },
  ]);
  client.reports.set('site1', sampleReport('site1', new Date()));
}

const root = document.getElementById('app');
if (!root) throw new Error('design look: #app missing');
const notifier = { chime() {}, desktop() {}, dispose() {} };
render(
  <App client={client} notifier={notifier} initialLocale={locale} markdown={createConsoleMarkdown(window)} />,
  root,
);
