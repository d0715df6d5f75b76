import { describe, expect, it } from 'vitest';
import { createEngine, type FaqEntry } from './index.ts';
import { isEnglishWord } from './lexicon-en.ts';
import { isPolishNoun, isPolishWord } from './lexicon-pl.ts';
import { createForeignCheck } from './oov.ts';
import { wordGraph } from './relatedness.ts';

const FAQ: FaqEntry[] = [
  {
    id: 'gift',
    lang: 'en',
    question: 'Do you sell gift cards?',
    examples: ['Can I buy a gift voucher?', 'gift card for a friend'],
    answer: 'Yes: gift cards from 50 to 500 zł, sent by e-mail.',
  },
  {
    id: 'return',
    lang: 'en',
    question: 'How do I return an item?',
    examples: ['I want to send clothes back', 'how to return an order'],
    answer: 'Print the return label from your account and drop the parcel at any InPost locker.',
  },
  {
    id: 'delivery',
    lang: 'en',
    question: 'How long does delivery take?',
    examples: ['when will my order arrive', 'shipping time'],
    answer: 'Orders ship the same day; delivery takes 1–2 working days.',
  },
];

describe('out-of-vocabulary check: foreign words', () => {
  it('counts unknown nouns WordNet does not relate to the FAQ, and unknown non-words; not unknown adverbs', () => {
    const check = createForeignCheck(wordGraph(), isEnglishWord);
    for (const w of ['clothes', 'gift', 'card', 'return', 'item']) check.add(w);
    const known = (w: string) => ['sell', 'return', 'item'].includes(w);
    expect(check.foreignShare(['sell', 'tractors'], known)).toBe(0.5);
    expect(check.foreignShare(['return', 'sweater'], known)).toBe(0);
    expect(check.foreignShare(['kindly', 'return', 'item'], known)).toBe(0);
    expect(check.foreignShare(['sell', 'zxqwv'], known)).toBe(0.5);
    expect(check.foreignShare([], known)).toBe(0);
  });

  it('without a thesaurus (Polish) nothing is foreign', () => {
    const check = createForeignCheck();
    expect(check.foreignShare(['traktory'], () => false)).toBe(0);
    // the dictionary alone (the engine's default for Polish) is the typo guard, not a foreign-word test
    expect(createForeignCheck(undefined, isPolishWord).foreignShare(['traktory'], () => false)).toBe(0);
  });

  it('Polish with the dictionary: non-words are foreign; with the noun test, unknown nouns too', () => {
    const known = (w: string) => w === 'sprzedajecie';
    const unknownOnly = createForeignCheck(undefined, isPolishWord, () => false);
    expect(unknownOnly.foreignShare(['sprzedajecie', 'xqzvt'], known)).toBe(0.5);
    expect(unknownOnly.foreignShare(['sprzedajecie', 'traktory'], known)).toBe(0);
    const nouns = createForeignCheck(undefined, isPolishWord, isPolishNoun);
    expect(nouns.foreignShare(['sprzedajecie', 'traktory'], known)).toBe(0.5);
    expect(nouns.foreignShare(['sprzedajecie', 'zoltych'], known)).toBe(0);
  });

  const engine = createEngine(FAQ);

  it('"do you sell tractors" is a miss, although "sell" is in the gift-card entry', () => {
    expect(engine.vocabularyOf('do you sell tractors', 'gift', { lang: 'en' }).foreign).toBe(0.5);
    expect(engine.classify('do you sell tractors', { lang: 'en' }).type).toBe('miss');
    // without the gate the same question is answered with the gift-card entry
    const ungated = createEngine(FAQ, { maxForeign: Number.POSITIVE_INFINITY });
    expect(ungated.classify('do you sell tractors', { lang: 'en' })).toMatchObject({
      type: 'answer',
      faqId: 'gift',
    });
  });

  it('"can I return a sweater?" is answered or offered with the return entry', () => {
    const d = engine.classify('can I return a sweater?', { lang: 'en' });
    expect(engine.vocabularyOf('can I return a sweater?', 'return', { lang: 'en' }).foreign).toBe(0);
    expect(['answer', 'clarify']).toContain(d.type);
    if (d.type === 'answer') expect(d.faqId).toBe('return');
    if (d.type === 'clarify') expect(d.candidates.map((c) => c.faqId)).toContain('return');
  });

  it('an in-scope paraphrase with an unknown polite word is still answered', () => {
    const d = engine.classify('could you kindly tell me how long delivery takes', { lang: 'en' });
    expect(d).toMatchObject({ type: 'answer', faqId: 'delivery' });
  });

  it('"what is the capital of australia" is a miss', () => {
    expect(engine.classify('what is the capital of australia', { lang: 'en' }).type).toBe('miss');
  });

  it('follows the FAQ as it changes: a new entry about clothes makes a sweater question less foreign', () => {
    const e = createEngine(FAQ.filter((f) => f.id !== 'return'));
    expect(e.vocabularyOf('sweater', 'gift', { lang: 'en' }).foreign).toBe(1);
    e.upsert(FAQ[1]!);
    expect(e.vocabularyOf('sweater', 'return', { lang: 'en' }).foreign).toBe(0);
    e.remove('return');
    expect(e.vocabularyOf('sweater', 'gift', { lang: 'en' }).foreign).toBe(1);
  });
});
