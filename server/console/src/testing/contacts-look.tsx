/**
 * Tests only: the real console App on an in-memory client seeded with a customer and their
 * conversations, built and opened in Chromium by `test/e2e/contacts-look.test.ts` to look at the
 * contact panel and the Contacts page at desktop and phone widths, in English and Polish, without
 * a server. `?locale=pl` picks the language.
 */
import { isLocale } from '@frontdesk/shared';
import { render } from 'preact';
import { App } from '../app/App.tsx';
import { createConsoleMarkdown } from '../app/markdown.ts';
import '../app/styles.css';
import { conversation, message } from './fixtures.ts';
import { ADMIN, createMemoryClient } from './memory-client.ts';
import { contact } from './memory-contacts.ts';

const wanted = new URLSearchParams(location.search).get('locale');
const locale = isLocale(wanted) ? wanted : 'en';
const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();
const daysAgo = (d: number) => minutesAgo(d * 24 * 60);
const visitor = { id: 'k-ada', name: 'Ada Nowak', email: 'ada.nowak@example.pl', verified: true };

const client = createMemoryClient({
  agent: ADMIN,
  contacts: {
    contacts: [
      contact('k-ada', {
        name: 'Ada Nowak',
        email: 'ada.nowak@example.pl',
        phone: '+48 600 100 200',
        identity: 'verified',
        userId: 'shop-user-1042',
        location: 'Warsaw, Europe',
        tags: ['vip', 'returning'],
        firstSeenAt: daysAgo(40),
        lastSeenAt: minutesAgo(2),
        attributes: [
          { key: 'plan', type: 'string', value: 'Premium' },
          { key: 'orders', type: 'number', value: 14 },
          { key: 'newsletter', type: 'boolean', value: true },
          { key: 'signedUpAt', type: 'date', value: '2025-03-14' },
        ],
        notes: [
          {
            id: 'n1',
            body: 'Asked about a refund for order 1041; sent the form by e-mail.',
            authorId: 'agent-2',
            authorName: 'Bob',
            createdAt: daysAgo(6),
          },
        ],
        trail: [
          { url: 'https://shop.example/cart', title: 'Cart — Demo Shop', at: minutesAgo(3) },
          { url: 'https://shop.example/p/kettle-2000', title: 'Kettle 2000 <b>sale</b>', at: minutesAgo(6) },
          { url: 'https://shop.example/', title: 'Demo Shop', at: minutesAgo(9) },
        ],
      }),
      contact('k-bolek', {
        name: 'Bolek Kowalski',
        email: 'bolek@example.com',
        lastSeenAt: minutesAgo(30),
        tags: ['b2b'],
      }),
      contact('k-claim', {
        name: 'Celina',
        identity: 'unverified',
        userId: 'claimed-7',
        lastSeenAt: daysAgo(1),
      }),
      contact('k-anon', { lastSeenAt: daysAgo(2), location: 'Berlin, Europe' }),
      contact('k-eve', {
        name: 'Eve <img src=x onerror=alert(1)>',
        email: 'eve@example.com',
        lastSeenAt: daysAgo(3),
      }),
    ],
  },
  conversations: [
    conversation('c-now', {
      state: 'queued',
      queuedAt: minutesAgo(1),
      visitor,
      locale: 'pl',
      lastSeq: 2,
      handoffReason: 'visitor',
      createdAt: minutesAgo(3),
      page: { url: 'https://shop.example/cart', title: 'Cart — Demo Shop' },
      userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0',
      lastMessage: { author: 'visitor', body: 'Where is my kettle? Order 1042.', createdAt: minutesAgo(1) },
    }),
    conversation('c-old', {
      state: 'resolved',
      visitor,
      agentName: 'Bob',
      rating: 5,
      createdAt: daysAgo(6),
      resolvedAt: daysAgo(6),
      lastMessage: { author: 'agent', body: 'Refund form sent.', createdAt: daysAgo(6) },
    }),
  ],
  messages: [
    message(1, {
      conversationId: 'c-now',
      body: 'Where is my kettle? Order 1042.',
      createdAt: minutesAgo(2),
    }),
    message(2, {
      conversationId: 'c-now',
      author: 'system',
      kind: 'event',
      body: '',
      meta: { event: { name: 'queued', reason: 'visitor' } },
      createdAt: minutesAgo(1),
    }),
    message(1, {
      conversationId: 'c-old',
      id: 'old-1',
      body: 'I want a refund for order 1041.',
      createdAt: daysAgo(6),
    }),
  ],
});

const root = document.getElementById('app');
if (!root) throw new Error('contacts look: #app missing');
const notifier = { chime() {}, desktop() {}, dispose() {} };
render(
  <App client={client} notifier={notifier} initialLocale={locale} markdown={createConsoleMarkdown(window)} />,
  root,
);
