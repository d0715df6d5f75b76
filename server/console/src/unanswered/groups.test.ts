import { LIMITS, type UnansweredGroup } from '@frontdesk/shared';
import { describe, expect, it } from 'vitest';
import { faqEntry } from '../testing/memory-faq.ts';
import { draftFromGroup, exampleTexts, groupMessageIds, withGroupExamples } from './groups.ts';

const item = (id: string, text: string) => ({
  messageId: id,
  conversationId: `c-${id}`,
  text,
  createdAt: '2025-03-01T10:00:00.000Z',
});

const group: UnansweredGroup = {
  key: 'g1',
  lang: 'pl',
  count: 4,
  sample: 'czy mogę zapłacić blikiem',
  items: [
    item('m1', 'czy mogę zapłacić blikiem'),
    item('m2', 'płatność blik?'),
    item('m3', 'Płatność BLIK?'),
    item('m4', 'x'.repeat(LIMITS.faqQuestionMaxLength + 1)),
  ],
  suggestions: [{ faqId: 'platnosci', question: 'Jakie są metody płatności?', score: 0.41 }],
};

describe('unanswered → FAQ', () => {
  it('keeps distinct texts that fit as examples', () => {
    expect(exampleTexts(group)).toEqual(['czy mogę zapłacić blikiem', 'płatność blik?']);
    expect(groupMessageIds(group)).toEqual(['m1', 'm2', 'm3', 'm4']);
  });

  it('appends the texts to an entry without repeating its examples', () => {
    const entry = faqEntry('platnosci', {
      lang: 'pl',
      question: 'Jakie są metody płatności?',
      examples: ['Płatność BLIK?', 'karta'],
      tags: ['płatności'],
    });
    expect(withGroupExamples(entry, group)).toEqual({
      lang: 'pl',
      question: 'Jakie są metody płatności?',
      examples: ['Płatność BLIK?', 'karta', 'czy mogę zapłacić blikiem'],
      answer: entry.answer,
      tags: ['płatności'],
    });
  });

  it('prefills a new entry with the sample as question and the other texts as examples', () => {
    expect(draftFromGroup(group)).toMatchObject({
      existingId: null,
      lang: 'pl',
      question: 'czy mogę zapłacić blikiem',
      examples: ['płatność blik?'],
    });
  });
});
