import { describe, expect, it } from 'vitest';
import { faqEntry } from '../testing/memory-faq.ts';
import {
  draftFromEntry,
  draftId,
  draftProblems,
  draftToInput,
  isFaqId,
  newDraft,
  slugify,
  uniqueId,
} from './faq-draft.ts';

describe('faq draft', () => {
  it('makes ids from questions in both languages', () => {
    expect(slugify('Jak zwrócić towar?')).toBe('jak-zwrocic-towar');
    expect(slugify('  Where is my ORDER #123?! ')).toBe('where-is-my-order-123');
    expect(slugify('Łódź — dostawa')).toBe('lodz-dostawa');
    expect(slugify('a'.repeat(70))).toHaveLength(64);
    expect(slugify('???')).toBe('');
    expect(isFaqId(slugify(`${'word '.repeat(20)}x`))).toBe(true);
  });

  it('avoids ids that are taken', () => {
    expect(uniqueId('returns', new Set(['returns', 'returns-2']))).toBe('returns-3');
    expect(uniqueId('', new Set())).toBe('faq');
    expect(uniqueId('a'.repeat(64), new Set(['a'.repeat(64)]))).toBe(`${'a'.repeat(62)}-2`);
  });

  it('round-trips an entry into a PUT body, cleaning examples and tags', () => {
    const entry = faqEntry('returns', { examples: ['send back'], tags: ['orders', 'money'] });
    const draft = {
      ...draftFromEntry(entry),
      examples: ['send back', ' ', 'Send back', 'refund'],
      tags: 'orders, , money,refunds',
    };
    expect(draftToInput({ ...draft, question: '  How do I return?  ' })).toEqual({
      lang: 'en',
      question: 'How do I return?',
      examples: ['send back', 'refund'],
      answer: entry.answer,
      tags: ['orders', 'money', 'refunds'],
    });
    expect(draftFromEntry(faqEntry('x')).examples).toEqual(['']);
  });

  it('uses the typed id, or one made from the question, for new entries only', () => {
    const taken = new Set(['returns']);
    expect(draftId({ ...newDraft('en', 'Returns'), id: '' }, taken)).toBe('returns-2');
    expect(draftId({ ...newDraft('en', 'Returns'), id: ' my-id ' }, taken)).toBe('my-id');
    expect(draftId(draftFromEntry(faqEntry('returns')), taken)).toBe('returns');
  });

  it('lists what blocks saving', () => {
    const taken = new Set(['returns']);
    expect(draftProblems(newDraft('pl'), taken)).toEqual(['faqErrorQuestion', 'faqErrorAnswer']);
    const ok = { ...newDraft('pl', 'Pytanie'), answer: 'Odpowiedź' };
    expect(draftProblems(ok, taken)).toEqual([]);
    expect(draftProblems({ ...ok, id: 'Bad Id' }, taken)).toEqual(['faqErrorId']);
    expect(draftProblems({ ...ok, id: 'returns' }, taken)).toEqual(['faqErrorIdTaken']);
    // An existing entry keeps its id, which is of course "taken".
    expect(draftProblems(draftFromEntry(faqEntry('returns')), taken)).toEqual([]);
  });
});
