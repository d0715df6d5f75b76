import { describe, expect, it } from 'vitest';
import { checkAnswers, isOfflineMessage, type OfflineSettings, widgetOffline } from './offline.ts';
import { OfflineMessageSchema, OfflineSettingsSchema, v } from './schemas.ts';

const settings: OfflineSettings = {
  longWaitMinutes: 15,
  fields: [
    { id: 'order', type: 'text', label: { en: 'Order number', pl: 'Numer zamówienia' }, required: true },
    { id: 'phone', type: 'phone', label: { en: 'Phone' }, required: false },
    {
      id: 'topic',
      type: 'choice',
      label: { en: 'Topic', pl: 'Temat' },
      required: false,
      options: [
        { id: 'returns', label: { en: 'Returns', pl: 'Zwroty' } },
        { id: 'delivery', label: { en: 'Delivery' } },
      ],
    },
  ],
};

describe('widgetOffline', () => {
  it("gives labels in the visitor's language, falling back to another one", () => {
    const pl = widgetOffline(settings, 'pl');
    expect(pl.fields.map((f) => f.label)).toEqual(['Numer zamówienia', 'Phone', 'Temat']);
    expect(pl.fields[2]?.options).toEqual([
      { id: 'returns', label: 'Zwroty' },
      { id: 'delivery', label: 'Delivery' },
    ]);
    expect(pl.longWaitMinutes).toBe(15);
  });
});

describe('checkAnswers', () => {
  const fields = widgetOffline(settings, 'en').fields;
  it('stores labels as the visitor saw them and choices by their label; skips empty optional answers', () => {
    expect(checkAnswers(fields, { order: ' A-17 ', topic: 'returns', phone: '' }, 100)).toEqual({
      ok: true,
      answers: [
        { fieldId: 'order', label: 'Order number', value: 'A-17' },
        { fieldId: 'topic', label: 'Topic', value: 'Returns' },
      ],
    });
  });
  it('refuses a missing required answer, an unknown field or option, a bad phone, an overlong answer', () => {
    expect(checkAnswers(fields, {}, 100)).toMatchObject({ ok: false, fieldId: 'order', problem: 'required' });
    expect(checkAnswers(fields, { order: '1', x: 'y' }, 100)).toMatchObject({ problem: 'unknown_field' });
    expect(checkAnswers(fields, { order: '1', topic: 'nope' }, 100)).toMatchObject({
      problem: 'unknown_option',
    });
    expect(checkAnswers(fields, { order: '1', phone: 'call me' }, 100)).toMatchObject({ problem: 'phone' });
    expect(checkAnswers(fields, { order: 'x'.repeat(101) }, 100)).toMatchObject({ problem: 'too_long' });
  });
  it('never reads inherited properties as answers', () => {
    const sneaky = [{ id: 'constructor', type: 'text', label: 'C', required: true }] as const;
    expect(checkAnswers(sneaky, {}, 100)).toMatchObject({ ok: false, problem: 'required' });
  });
});

describe('isOfflineMessage', () => {
  it('is true only for a conversation with an offline mark', () => {
    expect(isOfflineMessage({ offline: { at: 'x', reason: 'closed', answers: [] } })).toBe(true);
    expect(isOfflineMessage({ offline: null })).toBe(false);
    expect(isOfflineMessage({})).toBe(false);
  });
});

describe('OfflineMessageSchema', () => {
  const valid = {
    conversationId: 'c1',
    clientId: 'client-0001',
    name: ' Ada ',
    email: 'Ada@Example.com',
    body: 'Where is my order?',
    reason: 'nobody_online',
  };
  it('accepts a valid form, trimmed and with the e-mail lower-cased', () => {
    const parsed = v.parse(OfflineMessageSchema, valid);
    expect(parsed).toMatchObject({ name: 'Ada', email: 'ada@example.com', answers: {} });
  });
  it.each([
    ['R4 a header-injection-shaped name', { name: 'a\r\nBcc: x@y' }],
    ['R4 a name with a NUL', { name: 'a\u0000b' }],
    ['R4 a name with a bidi override', { name: 'abc\u202edef' }],
    ['an e-mail with a header break', { email: 'a@b.c\r\nBcc: x@y' }],
    ['an e-mail that is not one', { email: 'nope' }],
    ['an oversize name', { name: 'x'.repeat(101) }],
    ['an oversize message', { body: 'x'.repeat(5001) }],
    ['an empty message', { body: '   ' }],
    ['A3 a number for a name', { name: 5 }],
    ['A3 an array of answers', { answers: ['x'] }],
    ['an unknown reason', { reason: 'lunch' }],
    ['an unknown key', { extra: 1 }],
  ])('refuses %s', (_name, patch) => {
    expect(v.safeParse(OfflineMessageSchema, { ...valid, ...patch }).success).toBe(false);
  });
});

describe('OfflineMessageSchema and prototypes', () => {
  it('A3 drops a __proto__ answer key: nothing reaches a prototype', () => {
    const input = {
      ...{
        conversationId: 'c1',
        clientId: 'client-0001',
        name: 'A',
        email: 'a@b.co',
        body: 'x',
        reason: 'closed',
      },
      answers: JSON.parse('{"__proto__": {"polluted": "x"}}'),
    };
    const parsed = v.safeParse(OfflineMessageSchema, input);
    if (parsed.success) expect(Object.keys(parsed.output.answers)).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('OfflineSettingsSchema', () => {
  it('accepts the settings above and null for never', () => {
    expect(v.safeParse(OfflineSettingsSchema, settings).success).toBe(true);
    expect(v.safeParse(OfflineSettingsSchema, { longWaitMinutes: null, fields: [] }).success).toBe(true);
  });
  it.each([
    [
      'a choice without options',
      { fields: [{ id: 'a', type: 'choice', label: { en: 'A' }, required: true }] },
    ],
    [
      'options on a text field',
      {
        fields: [
          {
            id: 'a',
            type: 'text',
            label: { en: 'A' },
            required: true,
            options: [{ id: 'o', label: { en: 'O' } }],
          },
        ],
      },
    ],
    ['a question without a label', { fields: [{ id: 'a', type: 'text', label: {}, required: true }] }],
    [
      'two questions with one id',
      {
        fields: [
          { id: 'a', type: 'text', label: { en: 'A' }, required: true },
          { id: 'a', type: 'text', label: { en: 'B' }, required: true },
        ],
      },
    ],
    [
      'an id that could pollute a prototype',
      { fields: [{ id: '__proto__', type: 'text', label: { en: 'A' }, required: true }] },
    ],
    [
      'too many questions',
      {
        fields: Array.from({ length: 11 }, (_, i) => ({
          id: `q${i}`,
          type: 'text',
          label: { en: 'Q' },
          required: false,
        })),
      },
    ],
    ['a threshold of 0 minutes', { longWaitMinutes: 0 }],
    ['a fractional threshold', { longWaitMinutes: 1.5 }],
  ])('refuses %s', (_name, patch) => {
    expect(v.safeParse(OfflineSettingsSchema, { ...settings, ...patch }).success).toBe(false);
  });
});
