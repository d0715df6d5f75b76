import type { FaqOverlap } from '@frontdesk/shared';
import { describe, expect, it } from 'vitest';
import { foldText } from '../shared/fold.ts';
import { faqEntry } from '../testing/memory-faq.ts';
import {
  filterEntries,
  formatScore,
  groupByLanguage,
  matchesQuery,
  overlapsByEntry,
  questionOf,
} from './faq-list.ts';

const entries = [
  faqEntry('shipping', { question: 'How long does shipping take?', tags: ['delivery'] }),
  faqEntry('zwroty', { lang: 'pl', question: 'Jak zwrócić towar?', examples: ['oddać paczkę'] }),
  faqEntry('returns', { question: 'How do I return an item?', answer: 'Use the **returns** form.' }),
  faqEntry('dostawa', { lang: 'pl', question: 'Ile trwa dostawa?' }),
];

describe('faq list', () => {
  it('folds case and Polish diacritics for search', () => {
    expect(foldText('Zwróć PACZKĘ, łódź')).toBe('zwroc paczke, lodz');
  });

  it('matches every word against id, question, examples, tags and answer, diacritics-insensitive', () => {
    expect(matchesQuery(entries[1]!, 'zwrocic')).toBe(true);
    expect(matchesQuery(entries[1]!, 'oddac paczke')).toBe(true);
    expect(matchesQuery(entries[0]!, 'DELIVERY')).toBe(true);
    expect(matchesQuery(entries[2]!, 'returns form')).toBe(true);
    expect(matchesQuery(entries[2]!, 'returns shipping')).toBe(false);
    expect(matchesQuery(entries[2]!, '   ')).toBe(true);
  });

  it('filters by language and query', () => {
    expect(filterEntries(entries, '', 'pl').map((e) => e.id)).toEqual(['zwroty', 'dostawa']);
    expect(filterEntries(entries, 'how', 'all').map((e) => e.id)).toEqual(['shipping', 'returns']);
    expect(filterEntries(entries, 'how', 'pl')).toEqual([]);
  });

  it('groups by language in LOCALES order, sorted by question, skipping empty languages', () => {
    const groups = groupByLanguage(entries);
    expect(groups.map((g) => [g.lang, g.entries.map((e) => e.id)])).toEqual([
      ['en', ['returns', 'shipping']],
      ['pl', ['dostawa', 'zwroty']],
    ]);
    expect(groupByLanguage(entries.filter((e) => e.lang === 'pl')).map((g) => g.lang)).toEqual(['pl']);
  });

  it('keys overlaps by the entry whose example strays, the largest gap first', () => {
    const o = (faqId: string, example: string, matched: number, own: number): FaqOverlap => ({
      faqId,
      example,
      matchedFaqId: 'other',
      matchedScore: matched,
      ownScore: own,
    });
    const map = overlapsByEntry([o('a', 'x', 0.7, 0.6), o('b', 'y', 0.9, 0.1), o('a', 'z', 0.9, 0.3)]);
    expect(map.get('a')?.map((x) => x.example)).toEqual(['z', 'x']);
    expect(map.get('b')).toHaveLength(1);
    expect(map.has('other')).toBe(false);
  });

  it('names entries by question and formats scores', () => {
    expect(questionOf(entries, 'dostawa')).toBe('Ile trwa dostawa?');
    expect(questionOf(entries, 'gone')).toBe('gone');
    expect(formatScore(0.8149)).toBe('0.81');
  });
});
