/** A small two-language shop FAQ with one overlap and two unanswered groups (tests only). */
import type { FaqOverlap, UnansweredGroup } from '@frontdesk/shared';
import { faqEntry } from './memory-faq.ts';

export const SHOP_FAQS = [
  faqEntry('returns', {
    question: 'How do I return an item?',
    examples: ['send it back', 'refund please'],
    answer: 'Use the [returns form](https://shop.example/returns) within **30 days**.',
    tags: ['orders'],
  }),
  faqEntry('shipping', { question: 'How long does shipping take?', examples: ['delivery time'] }),
  faqEntry('zwroty', { lang: 'pl', question: 'Jak zwrócić towar?', examples: ['oddać paczkę'] }),
];

export const SHOP_OVERLAPS: FaqOverlap[] = [
  {
    faqId: 'returns',
    example: 'refund please',
    matchedFaqId: 'shipping',
    matchedScore: 0.81,
    ownScore: 0.62,
  },
];

const item = (id: string, text: string) => ({
  messageId: id,
  conversationId: `c-${id}`,
  text,
  createdAt: new Date().toISOString(),
});

export const SHOP_GROUPS: UnansweredGroup[] = [
  {
    key: 'g-return',
    lang: 'en',
    count: 2,
    sample: 'can I send back shoes',
    items: [item('m1', 'can I send back shoes'), item('m2', 'return my shoes')],
    suggestions: [{ faqId: 'returns', question: 'How do I return an item?', score: 0.44 }],
  },
  {
    key: 'g-blik',
    lang: 'pl',
    count: 1,
    sample: 'czy mogę zapłacić blikiem',
    items: [item('m3', 'czy mogę zapłacić blikiem')],
    suggestions: [],
  },
];
