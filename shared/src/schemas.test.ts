import { describe, expect, it } from 'vitest';
import { LIMITS } from './limits.ts';
import {
  BotSettingsSchema,
  FaqIdSchema,
  FaqInputSchema,
  FaqTrySchema,
  LoginSchema,
  OpenConversationSchema,
  RateSchema,
  SendAgentMessageSchema,
  SendVisitorMessageSchema,
  SyncSchema,
  UnansweredDismissSchema,
  v,
} from './schemas.ts';

const ok = (schema: v.GenericSchema, input: unknown) => v.safeParse(schema, input).success;

describe('SendVisitorMessageSchema', () => {
  const valid = { conversationId: 'c_1', clientId: 'abcdefgh12', body: '  hello  ' };

  it('accepts a message, trims it, and round-trips through JSON', () => {
    const parsed = v.parse(SendVisitorMessageSchema, JSON.parse(JSON.stringify(valid)));
    expect(parsed).toEqual({ ...valid, body: 'hello' });
    expect(v.parse(SendVisitorMessageSchema, JSON.parse(JSON.stringify(parsed)))).toEqual(parsed);
  });

  it('accepts quick-reply choices', () => {
    expect(ok(SendVisitorMessageSchema, { ...valid, quickReply: { type: 'faq', faqId: 'returns' } })).toBe(
      true,
    );
    expect(ok(SendVisitorMessageSchema, { ...valid, quickReply: { type: 'handoff' } })).toBe(true);
    expect(ok(SendVisitorMessageSchema, { ...valid, quickReply: { type: 'explode' } })).toBe(false);
  });

  it.each([
    ['empty body', { ...valid, body: '   ' }],
    ['too long', { ...valid, body: 'x'.repeat(LIMITS.messageMaxLength + 1) }],
    ['operator object', { ...valid, conversationId: { $regex: '.*' } }],
    ['array', { ...valid, body: ['a'] }],
    ['number id', { ...valid, conversationId: Number.MAX_VALUE }],
    ['short clientId', { ...valid, clientId: 'x' }],
    ['clientId with spaces', { ...valid, clientId: 'a b c d e f g h' }],
    ['unknown key', { ...valid, extra: 1 }],
    [
      '__proto__ key',
      JSON.parse('{"conversationId":"c","clientId":"abcdefgh","body":"x","__proto__":{"admin":true}}'),
    ],
    ['null', null],
    ['string', 'hello'],
  ])('A3 rejects %s', (_name, input) => {
    expect(ok(SendVisitorMessageSchema, input)).toBe(false);
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });
});

describe('other schemas', () => {
  it('sync needs a non-negative integer seq', () => {
    expect(ok(SyncSchema, { conversationId: 'c', afterSeq: 0 })).toBe(true);
    expect(ok(SyncSchema, { conversationId: 'c', afterSeq: -1 })).toBe(false);
    expect(ok(SyncSchema, { conversationId: 'c', afterSeq: 1.5 })).toBe(false);
    expect(ok(SyncSchema, { conversationId: 'c', afterSeq: '3' })).toBe(false);
  });

  it('rating is 1–5 with an optional comment', () => {
    expect(ok(RateSchema, { conversationId: 'c', rating: 5, comment: 'great' })).toBe(true);
    expect(ok(RateSchema, { conversationId: 'c', rating: 0 })).toBe(false);
    expect(ok(RateSchema, { conversationId: 'c', rating: 6 })).toBe(false);
  });

  it('agent messages may be notes but not events', () => {
    const base = { conversationId: 'c', clientId: 'abcdefgh', body: 'x' };
    expect(ok(SendAgentMessageSchema, { ...base, kind: 'note' })).toBe(true);
    expect(ok(SendAgentMessageSchema, { ...base, kind: 'event' })).toBe(false);
  });

  it('R5 agent messages and notes must stay within the Markdown limits; visitor messages need not', () => {
    const base = { conversationId: 'c', clientId: 'abcdefgh' };
    for (const body of ['>'.repeat(5000), '> - '.repeat(1200), '[a]('.repeat(1240)]) {
      const result = v.safeParse(SendAgentMessageSchema, { ...base, body, kind: 'note' });
      expect(result.success).toBe(false);
      expect(result.issues?.[0]?.message).toMatch(/^(nested too deeply|too many links)/);
      expect(ok(SendVisitorMessageSchema, { ...base, body })).toBe(true);
    }
  });

  it('open accepts a page and a locale only from the list', () => {
    expect(
      ok(OpenConversationSchema, { locale: 'pl', page: { url: 'https://shop.example/a', title: 'A' } }),
    ).toBe(true);
    expect(ok(OpenConversationSchema, { locale: 'de' })).toBe(false);
    expect(ok(OpenConversationSchema, { page: { url: 'javascript:alert(1)x', title: '' } })).toBe(true);
  });

  it('login lower-cases the e-mail', () => {
    expect(v.parse(LoginSchema, { email: ' Ann@Example.COM ', password: 'p' }).email).toBe('ann@example.com');
    expect(ok(LoginSchema, { email: 'not-an-email', password: 'p' })).toBe(false);
  });
});

describe('FAQ authoring schemas', () => {
  const entry = {
    lang: 'pl',
    question: ' Ile trwa dostawa? ',
    examples: ['Kiedy paczka?'],
    answer: '**1–2** dni',
    tags: [],
  };

  it('accepts an entry, trims it, and round-trips through JSON', () => {
    const parsed = v.parse(FaqInputSchema, JSON.parse(JSON.stringify(entry)));
    expect(parsed).toEqual({ ...entry, question: 'Ile trwa dostawa?' });
    expect(v.parse(FaqInputSchema, JSON.parse(JSON.stringify(parsed)))).toEqual(parsed);
  });

  it.each([
    ['empty question', { ...entry, question: ' ' }],
    ['empty example', { ...entry, examples: [''] }],
    [
      'too many examples',
      { ...entry, examples: Array.from({ length: LIMITS.faqExamplesMax + 1 }, () => 'x') },
    ],
    ['answer too long', { ...entry, answer: 'x'.repeat(LIMITS.faqAnswerMaxLength + 1) }],
    ['R5 answer nested too deeply', { ...entry, answer: '>'.repeat(5000) }],
    ['R5 answer with 1 240 link openers', { ...entry, answer: '[a]('.repeat(1240) }],
    ['unknown language', { ...entry, lang: 'de' }],
    ['missing tags', { lang: 'en', question: 'q', examples: [], answer: 'a' }],
    ['unknown key', { ...entry, id: 'x' }],
  ])('rejects an entry with %s', (_name, input) => {
    expect(ok(FaqInputSchema, input)).toBe(false);
  });

  it('takes only lower-case FAQ ids', () => {
    expect(ok(FaqIdSchema, 'delivery_time_pl')).toBe(true);
    expect(ok(FaqIdSchema, 'return-policy-2')).toBe(true);
    for (const bad of ['Delivery', 'a b', '', 'x'.repeat(65), 'ą']) expect(ok(FaqIdSchema, bad)).toBe(false);
  });

  it('validates try, dismiss and bot settings bodies', () => {
    expect(ok(FaqTrySchema, { text: 'hi' })).toBe(true);
    expect(ok(FaqTrySchema, { text: 'hi', lang: 'pl' })).toBe(true);
    expect(ok(FaqTrySchema, { text: ' ' })).toBe(false);
    expect(ok(UnansweredDismissSchema, { messageIds: ['m1'], faqId: 'returns_en' })).toBe(true);
    expect(ok(UnansweredDismissSchema, { messageIds: [] })).toBe(false);
    const settings = { botMissesBeforeHandoff: 2, escalationPhrases: ['konsultant'], answerThreshold: null };
    expect(v.parse(BotSettingsSchema, JSON.parse(JSON.stringify(settings)))).toEqual(settings);
    expect(ok(BotSettingsSchema, { ...settings, answerThreshold: 0.7 })).toBe(true);
    expect(ok(BotSettingsSchema, { ...settings, answerThreshold: 1.5 })).toBe(false);
    expect(
      ok(BotSettingsSchema, { ...settings, botMissesBeforeHandoff: LIMITS.botMissesBeforeHandoffMax + 1 }),
    ).toBe(false);
  });
});
