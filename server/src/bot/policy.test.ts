import { describe, expect, it } from 'vitest';
import type { Decision } from './engine/index.ts';
import { decide, type PolicyInput } from './policy.ts';
import type { FaqRecord } from './store.ts';

const faq = (id: string, tags: string[] = []): FaqRecord => ({
  id,
  lang: 'en',
  question: `Question ${id}?`,
  examples: [],
  answer: `Answer **${id}**`,
  tags,
  updatedAt: '2026-01-01T00:00:00.000Z',
});
const faqs = new Map([
  ['returns', faq('returns')],
  ['refunds', faq('refunds')],
  ['complaint', faq('complaint', ['complaint'])],
]);
const base = { faqs, misses: 0, maxMisses: 2, agentsOnline: 1 } satisfies Omit<PolicyInput, 'decision'>;

describe('bot policy', () => {
  it('answers a confident match from the FAQ and resets the miss counter', () => {
    const out = decide({
      ...base,
      misses: 1,
      decision: {
        type: 'answer',
        faqId: 'returns',
        score: 0.9,
        lang: 'en',
        candidates: [{ faqId: 'returns', score: 0.9 }],
      },
    });
    expect(out).toMatchObject({ handoff: null, misses: 0, lang: 'en' });
    expect(out.replies).toHaveLength(1);
    expect(out.replies[0]?.body).toBe('Answer **returns**');
    expect(out.replies[0]?.meta).toMatchObject({
      faqId: 'returns',
      bot: { outcome: 'answer', question: 'Question returns?', score: 0.9 },
    });
    expect(out.replies[0]?.meta.quickReplies).toBeUndefined();
  });

  it('answers a complaint and offers a person straight away', () => {
    const out = decide({
      ...base,
      decision: { type: 'answer', faqId: 'complaint', score: 0.8, lang: 'en', candidates: [] },
    });
    expect(out.handoff).toBeNull();
    expect(out.replies[0]?.meta.quickReplies).toEqual([{ type: 'handoff', label: 'Talk to a person' }]);
  });

  it('asks "did you mean" with the close candidates and a person as quick replies', () => {
    const out = decide({
      ...base,
      decision: {
        type: 'clarify',
        lang: 'en',
        candidates: [
          { faqId: 'returns', score: 0.5 },
          { faqId: 'refunds', score: 0.48 },
        ],
      },
    });
    expect(out.replies[0]?.body).toBe('Did you mean one of these?');
    expect(out.replies[0]?.meta.quickReplies).toEqual([
      { type: 'faq', label: 'Question returns?', faqId: 'returns' },
      { type: 'faq', label: 'Question refunds?', faqId: 'refunds' },
      { type: 'handoff', label: 'Talk to a person' },
    ]);
  });

  it('a near miss offers "did you mean" buttons but counts as a miss, so the next one hands off', () => {
    const near: Decision = {
      type: 'clarify',
      lang: 'en',
      near: true,
      candidates: [{ faqId: 'returns', score: 0.5 }],
    };
    const first = decide({ ...base, decision: near });
    expect(first).toMatchObject({ handoff: null, misses: 1 });
    expect(first.replies[0]?.meta.quickReplies).toEqual([
      { type: 'faq', label: 'Question returns?', faqId: 'returns' },
      { type: 'handoff', label: 'Talk to a person' },
    ]);
    const second = decide({ ...base, misses: 1, decision: near });
    expect(second).toMatchObject({ handoff: 'bot_misses', misses: 2 });
  });

  it('never dead-ends: a miss offers a person, the second miss in a row hands off', () => {
    const first = decide({ ...base, decision: { type: 'miss', lang: 'pl', candidates: [] } });
    expect(first).toMatchObject({ handoff: null, misses: 1, lang: 'pl' });
    expect(first.replies[0]?.meta.quickReplies).toEqual([
      { type: 'handoff', label: 'Porozmawiaj z konsultantem' },
    ]);
    const second = decide({ ...base, misses: 1, decision: { type: 'miss', lang: 'pl', candidates: [] } });
    expect(second).toMatchObject({ handoff: 'bot_misses', misses: 2 });
    expect(second.replies.map((r) => r.body)).toEqual([
      'Nadal nie mogę znaleźć odpowiedzi. Połączę Cię z konsultantem.',
      'Przekazuję rozmowę konsultantowi. Ktoś zaraz się odezwie.',
    ]);
  });

  it('"that did not help" counts as a miss', () => {
    const out = decide({
      ...base,
      misses: 1,
      decision: { type: 'intent', intent: 'not_helpful', lang: 'en', score: 1 },
    });
    expect(out.handoff).toBe('bot_misses');
  });

  it('hands off on the talk-to-a-person intent and on an escalation phrase, saying when nobody is online', () => {
    const human = decide({
      ...base,
      agentsOnline: 0,
      decision: { type: 'intent', intent: 'human', lang: 'en', score: 1 },
    });
    expect(human.handoff).toBe('visitor');
    expect(human.replies[0]?.body).toMatch(/Nobody from our team is online/);
    const escalated = decide({
      ...base,
      decision: { type: 'miss', lang: 'en', candidates: [], escalation: true },
    });
    expect(escalated.handoff).toBe('escalation');
  });

  it('outside business hours says nobody is available, even with agents online', () => {
    const human = { type: 'intent', intent: 'human', lang: 'en', score: 1 } as const;
    const outside = decide({ ...base, agentsOnline: 3, withinHours: false, decision: human });
    expect(outside.handoff).toBe('visitor');
    expect(outside.replies[0]?.body).toMatch(/Nobody from our team is online/);
    const within = decide({ ...base, agentsOnline: 3, withinHours: true, decision: human });
    expect(within.replies[0]?.body).not.toMatch(/Nobody from our team is online/);
  });

  it('answers small talk in the message language without touching the counter', () => {
    for (const intent of ['greeting', 'thanks', 'goodbye'] as const) {
      const out = decide({ ...base, misses: 1, decision: { type: 'intent', intent, lang: 'en', score: 1 } });
      expect(out).toMatchObject({ handoff: null, misses: 1 });
      expect(out.replies).toHaveLength(1);
    }
  });
});
