import { describe, expect, it } from 'vitest';
import { createEngine, type FaqEntry } from '../bot/engine/index.ts';
import { findOverlaps } from './overlaps.ts';

const FAQ: FaqEntry[] = [
  {
    id: 'returns_en',
    lang: 'en',
    question: 'How do I return an item?',
    // The second example really asks about delivery cost: it belongs to the other entry.
    examples: ['How do I send my order back?', 'How much does shipping cost for delivery charges?'],
    answer: '14 days.',
  },
  {
    id: 'delivery_en',
    lang: 'en',
    question: 'How much does shipping cost?',
    examples: ['What are your delivery charges?', 'Is there free shipping?'],
    answer: '12.99 zł.',
  },
  {
    id: 'zwrot_pl',
    lang: 'pl',
    question: 'Jak zwrócić towar?',
    examples: ['Jak zrobić zwrot?'],
    answer: '14 dni.',
  },
];

describe('findOverlaps', () => {
  it('flags an example that matches another entry better than its own, and only that one', () => {
    const engine = createEngine(FAQ);
    const overlaps = findOverlaps(FAQ, (text, lang) => engine.rank(text, { lang }));
    expect(overlaps).toHaveLength(1);
    const [overlap] = overlaps;
    expect(overlap).toMatchObject({
      faqId: 'returns_en',
      example: 'How much does shipping cost for delivery charges?',
      matchedFaqId: 'delivery_en',
    });
    expect(overlap?.matchedScore).toBeGreaterThan(overlap?.ownScore ?? 1);
  });

  it('reports nothing for distinct entries or an empty FAQ', () => {
    const clean = FAQ.map((f) =>
      f.id === 'returns_en' ? { ...f, examples: ['Where is the returns form?'] } : f,
    );
    const engine = createEngine(clean);
    expect(findOverlaps(clean, (text, lang) => engine.rank(text, { lang }))).toEqual([]);
    expect(findOverlaps([], () => [])).toEqual([]);
  });

  it('gives own score 0 when the own entry is not among the candidates', () => {
    const overlaps = findOverlaps([{ id: 'a', lang: 'en', examples: ['x'] }], () => [
      { faqId: 'b', score: 0.9 },
    ]);
    expect(overlaps).toEqual([
      { faqId: 'a', example: 'x', matchedFaqId: 'b', matchedScore: 0.9, ownScore: 0 },
    ]);
  });
});
