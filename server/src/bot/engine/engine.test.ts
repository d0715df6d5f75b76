import { describe, expect, it } from 'vitest';
import { ANSWER_THRESHOLD, CLARIFY_FLOOR, createEngine, type FaqEntry, suggestionsOf } from './index.ts';

const FAQ: FaqEntry[] = [
  {
    id: 'return_pl',
    lang: 'pl',
    question: 'Jak zwrócić towar?',
    examples: ['Jak zrobić zwrot?', 'Jak odesłać zamówienie?'],
    answer: 'Masz 14 dni.',
  },
  {
    id: 'delivery_pl',
    lang: 'pl',
    question: 'Ile kosztuje dostawa?',
    examples: ['Jaki jest koszt wysyłki?', 'Czy dostawa jest darmowa?'],
    answer: '12,99 zł.',
  },
  {
    id: 'invoice_pl',
    lang: 'pl',
    question: 'Jak otrzymać fakturę VAT?',
    examples: ['Czy wystawiacie faktury?', 'Gdzie podać NIP?'],
    answer: 'Zaznacz „faktura”.',
  },
  {
    id: 'return_en',
    lang: 'en',
    question: 'How do I return an item?',
    examples: ['How do I send my order back?', 'Where is the returns form?'],
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
    id: 'password_en',
    lang: 'en',
    question: 'I forgot my password – how do I reset it?',
    examples: ['Forgot password', 'Password reset link'],
    answer: 'Use the link.',
  },
  {
    id: 'card_warsaw_en',
    lang: 'en',
    question: 'Can I pay by card in Warsaw?',
    examples: [],
    answer: 'Yes.',
  },
  {
    id: 'card_krakow_en',
    lang: 'en',
    question: 'Can I pay by card in Krakow?',
    examples: [],
    answer: 'Yes.',
  },
];

describe('engine: answers', () => {
  const engine = createEngine(FAQ);

  it('answers an inflected Polish question typed without diacritics', () => {
    const d = engine.classify('jak zwrocic towar', { lang: 'pl' });
    expect(d.type).toBe('answer');
    if (d.type === 'answer') expect(d.faqId).toBe('return_pl');
  });

  it('answers through a typo and a synonym', () => {
    const pl = engine.classify('ile kosztuje dostwa?', { lang: 'pl' });
    expect(pl.type === 'answer' && pl.faqId).toBe('delivery_pl');
    const en = engine.classify('forgot my pw', { lang: 'en' });
    expect(en.type === 'answer' && en.faqId).toBe('password_en');
  });

  it('detects the language when none is given and carries ranked candidates with confidences', () => {
    const d = engine.classify('Jak zrobić zwrot towaru?');
    expect(d.lang).toBe('pl');
    expect(d.type).toBe('answer');
    if (d.type === 'answer') {
      expect(d.candidates[0]?.faqId).toBe('return_pl');
      for (const c of d.candidates) expect(c.score).toBeGreaterThanOrEqual(0);
      expect(d.score).toBeLessThanOrEqual(1);
    }
  });

  it('misses an unrelated question and still lists what it considered', () => {
    const d = engine.classify('what is the capital of australia', { lang: 'en' });
    expect(d.type).toBe('miss');
  });

  it('asks "did you mean" when the top two are close', () => {
    const d = engine.classify('can i pay by card', { lang: 'en' });
    expect(d.type).toBe('clarify');
    if (d.type === 'clarify')
      expect(d.candidates.map((c) => c.faqId).sort()).toEqual(['card_krakow_en', 'card_warsaw_en']);
  });

  it('offers the closest entries ("did you mean") on a near miss instead of a bare miss', () => {
    // A site that answers only when nearly certain: a good match below its threshold is a near miss.
    const strict = createEngine(FAQ, { answerThreshold: 1.01 });
    const d = strict.classify('how do i return my item', { lang: 'en' });
    expect(d).toMatchObject({ type: 'clarify', near: true });
    if (d.type === 'clarify') {
      expect(d.candidates[0]?.faqId).toBe('return_en');
      expect(d.candidates[0]?.score).toBeGreaterThanOrEqual(CLARIFY_FLOOR);
      expect(d.candidates.length).toBeLessThanOrEqual(3);
    }
    // Sharing no word with the FAQ: a plain miss, no buttons to guess from.
    expect(strict.classify('what is the capital of australia', { lang: 'en' }).type).toBe('miss');
  });

  it('suggests the best entry always and the others only from a minimum confidence', () => {
    const offered = suggestionsOf([
      { faqId: 'a', score: 0.5 },
      { faqId: 'b', score: 0.2 },
      { faqId: 'c', score: 0.04 },
      { faqId: 'd', score: 0.3 },
    ]);
    expect(offered.map((c) => c.faqId)).toEqual(['a', 'b']);
    expect(suggestionsOf([{ faqId: 'a', score: 0.01 }]).map((c) => c.faqId)).toEqual(['a']);
  });

  it('checks built-in intents before the FAQ, in both languages', () => {
    expect(engine.classify('chcę rozmawiać z konsultantem')).toMatchObject({
      type: 'intent',
      intent: 'human',
      lang: 'pl',
    });
    expect(engine.classify('thanks!', { lang: 'en' })).toMatchObject({ type: 'intent', intent: 'thanks' });
  });

  it('ranks without intents or thresholds for "try a question"', () => {
    expect(engine.rank('faktura', { lang: 'pl' })[0]?.faqId).toBe('invoice_pl');
  });
});

describe('engine: site options', () => {
  it('flags a message matching an escalation phrase, whatever the outcome', () => {
    const engine = createEngine(FAQ, { escalationPhrases: ['lawyer'] });
    const d = engine.classify('my lawyer says how do I return an item', { lang: 'en' });
    expect(d.escalation).toBe(true);
    expect(engine.classify('how do I return an item', { lang: 'en' }).escalation).toBeUndefined();
  });

  it('answers or misses by the site answer threshold instead of the frozen one', () => {
    const text = 'cost of items';
    const score = createEngine(FAQ).rank(text, { lang: 'en' })[0]?.score ?? 0;
    expect(score).toBeGreaterThan(0.1);
    expect(score).toBeLessThan(0.95);
    expect(createEngine(FAQ).classify(text, { lang: 'en' }).type).toBe(
      score >= ANSWER_THRESHOLD ? 'answer' : score >= CLARIFY_FLOOR ? 'clarify' : 'miss',
    );
    const strict = createEngine(FAQ, { answerThreshold: score + 0.01 });
    // Below the site's threshold: no answer; a near miss offers the entry as "did you mean".
    expect(strict.classify(text, { lang: 'en' }).type).toBe(score >= CLARIFY_FLOOR ? 'clarify' : 'miss');
    const lenient = createEngine(FAQ, { answerThreshold: score - 0.01 });
    expect(lenient.classify(text, { lang: 'en' })).toMatchObject({ type: 'answer', faqId: 'delivery_en' });
  });

  it('uses the site synonyms', () => {
    const without = createEngine(FAQ);
    const withSyn = createEngine(FAQ, { synonyms: { en: [['shipping', 'carriage']] } });
    expect(without.rank('carriage', { lang: 'en' })[0]?.faqId).not.toBe('delivery_en');
    expect(withSyn.rank('carriage', { lang: 'en' })[0]?.faqId).toBe('delivery_en');
  });

  it('indexes answers at ANSWER_WEIGHT by default, in full when asked, not at all with answerWeight 0', () => {
    const plain = createEngine(FAQ, { answerWeight: 0 });
    const weighted = createEngine(FAQ);
    const withAnswers = createEngine(FAQ, { indexAnswers: true });
    expect(plain.rank('link', { lang: 'en' })[0]?.faqId).toBe('password_en');
    expect(withAnswers.rank('14', { lang: 'en' })[0]?.faqId).toBe('return_en');
    expect(plain.rank('14', { lang: 'en' })).toEqual([]);
    const viaAnswer = weighted.rank('14', { lang: 'en' })[0];
    expect(viaAnswer?.faqId).toBe('return_en');
    // an answer word alone is weaker evidence than the same word in the question
    expect(viaAnswer?.score ?? 1).toBeLessThan(withAnswers.rank('14', { lang: 'en' })[0]?.score ?? 0);
  });
});

describe('engine: upsert and remove', () => {
  it('adds, replaces and removes entries incrementally', () => {
    const engine = createEngine(FAQ.filter((e) => e.lang === 'en'));
    expect(engine.rank('gift wrapping', { lang: 'en' })[0]?.faqId).not.toBe('wrap_en');

    engine.upsert({
      id: 'wrap_en',
      lang: 'en',
      question: 'Do you offer gift wrapping?',
      examples: ['Can you wrap my present?'],
      answer: 'Yes.',
    });
    const d = engine.classify('do you gift wrap?', { lang: 'en' });
    expect(d.type === 'answer' && d.faqId).toBe('wrap_en');

    engine.upsert({
      id: 'wrap_en',
      lang: 'en',
      question: 'Do you sell wrapping paper?',
      examples: [],
      answer: 'Yes.',
    });
    expect(engine.rank('wrapping paper', { lang: 'en' })[0]?.faqId).toBe('wrap_en');

    engine.remove('wrap_en');
    expect(engine.rank('wrapping paper', { lang: 'en' }).map((c) => c.faqId)).not.toContain('wrap_en');
    engine.remove('no_such_entry');
  });

  it('moves an entry whose language changed and serves a language added later', () => {
    const engine = createEngine([]);
    expect(engine.classify('cokolwiek').type).toBe('miss');
    engine.upsert({ id: 'x', lang: 'en', question: 'Do you sell candles?', examples: [], answer: 'Yes.' });
    engine.upsert({
      id: 'x',
      lang: 'pl',
      question: 'Czy sprzedajecie świece?',
      examples: [],
      answer: 'Tak.',
    });
    expect(engine.rank('candles', { lang: 'en' })).toEqual([]);
    expect(engine.rank('świece', { lang: 'pl' })[0]?.faqId).toBe('x');
  });
});

describe('engine: out-of-vocabulary check', () => {
  const faq: FaqEntry[] = [
    {
      id: 'gift',
      lang: 'en',
      question: 'Do you sell gift cards?',
      examples: ['can I buy a gift card'],
      answer: 'Yes, vouchers from 50 to 500 PLN, valid for a year.',
    },
  ];

  it('measures the share of content words the FAQ text (answers included) knows', () => {
    const engine = createEngine(faq);
    expect(engine.coverage('do you sell gift cards', { lang: 'en' })).toBe(1);
    expect(engine.coverage('is the voucher valid', { lang: 'en' })).toBe(1); // words only in the answer
    expect(engine.coverage('tractor engine oil', { lang: 'en' })).toBe(0);
    expect(engine.coverage('is it the', { lang: 'en' })).toBe(1); // no content words
  });

  it('misses a question mostly made of words the FAQ never uses, whatever its score', () => {
    const strict = createEngine(faq, { minCoverage: 0.9, answerThreshold: 0 });
    const lax = createEngine(faq, {
      maxForeign: Number.POSITIVE_INFINITY,
      minCoverage: 0,
      answerThreshold: 0,
    });
    expect(lax.classify('sell tractors', { lang: 'en' }).type).toBe('answer');
    expect(strict.classify('sell tractors', { lang: 'en' }).type).toBe('miss');
    expect(strict.classify('sell gift cards', { lang: 'en' }).type).toBe('answer');
  });

  it('measures how much of the question the chosen entry itself covers, rare words weighing more', () => {
    const two = createEngine([
      ...faq,
      {
        id: 'ship',
        lang: 'en',
        question: 'How much is shipping?',
        examples: [],
        answer: 'Shipping is free.',
      },
    ]);
    expect(two.vocabularyOf('sell gift cards', 'gift', { lang: 'en' })).toEqual({
      coverage: 1,
      entryCoverage: 1,
      entryMass: 1,
      foreign: 0,
    });
    const tractors = two.vocabularyOf('do you sell tractors', 'gift', { lang: 'en' });
    expect(tractors.coverage).toBe(0.5);
    expect(tractors.entryCoverage).toBe(0.5);
    // "tractor" is in no entry: it weighs more than "sell", which one entry has
    expect(tractors.entryMass).toBeLessThan(0.5);
    expect(two.vocabularyOf('sell gift cards', 'ship', { lang: 'en' }).entryCoverage).toBe(0);
  });

  it('folds the out-of-vocabulary check into the answer confidence when turned on', () => {
    const off = createEngine(faq, { answerThreshold: 0.5 });
    const on = createEngine(faq, { answerThreshold: 0.5, oovCheck: true });
    const a = off.classify('sell gift cards', { lang: 'en' });
    const b = on.classify('sell gift cards', { lang: 'en' });
    expect(a.type).toBe('answer');
    expect(b.type).toBe('answer');
    const partly = on.classify('sell tractors engine oil', { lang: 'en' });
    const fully = on.classify('sell gift cards', { lang: 'en' });
    const score = (d: typeof partly) => (d.type === 'answer' ? d.score : 0);
    expect(score(partly)).toBeLessThan(score(fully));
  });
});
