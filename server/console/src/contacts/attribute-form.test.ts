import { describe, expect, it } from 'vitest';
import { formatAttribute, readDraft, toDraft } from './attribute-form.ts';

const t = (key: string) => ({ attributeYes: 'Yes', attributeNo: 'No' })[key] ?? key;

describe('typed attributes in the panel', () => {
  it('turns a draft into a typed value for every type', () => {
    expect(readDraft({ key: 'plan', type: 'string', text: 'pro' })).toEqual({
      ok: true,
      key: 'plan',
      value: { type: 'string', value: 'pro' },
    });
    expect(readDraft({ key: 'orders', type: 'number', text: ' 12,5 ' })).toMatchObject({
      value: { type: 'number', value: 12.5 },
    });
    expect(readDraft({ key: 'vip', type: 'boolean', text: 'false' })).toMatchObject({
      value: { type: 'boolean', value: false },
    });
    expect(readDraft({ key: 'signedUp', type: 'date', text: '2026-01-31' })).toMatchObject({
      value: { type: 'date', value: '2026-01-31' },
    });
  });

  it('names the wrong field the way the server would refuse it', () => {
    expect(readDraft({ key: '__proto__', type: 'string', text: 'x' })).toEqual({
      ok: false,
      problems: { key: 'attributeKeyInvalid' },
    });
    expect(readDraft({ key: 'n', type: 'number', text: '' })).toEqual({
      ok: false,
      problems: { value: 'attributeNumberInvalid' },
    });
    expect(readDraft({ key: 'n', type: 'number', text: '1e400' })).toMatchObject({ ok: false });
    expect(readDraft({ key: 'd', type: 'date', text: '2026-02-31x' })).toMatchObject({
      ok: false,
      problems: { value: 'attributeDateInvalid' },
    });
    expect(readDraft({ key: 'bad key', type: 'boolean', text: 'maybe' })).toMatchObject({
      ok: false,
      problems: { key: 'attributeKeyInvalid', value: 'attributeTextInvalid' },
    });
    expect(readDraft({ key: 's', type: 'string', text: 'a\u0000b' })).toMatchObject({ ok: false });
  });

  it('round-trips a stored value into the form', () => {
    const value = { type: 'number', value: 3 } as const;
    expect(readDraft(toDraft('orders', value))).toMatchObject({ ok: true, value });
  });

  it('formats values in the agent language, markup as plain text', () => {
    expect(formatAttribute({ type: 'number', value: 1234.5 }, 'pl', t)).toBe('1234,5');
    expect(formatAttribute({ type: 'number', value: 1234.5 }, 'en', t)).toBe('1,234.5');
    expect(formatAttribute({ type: 'boolean', value: true }, 'en', t)).toBe('Yes');
    expect(formatAttribute({ type: 'date', value: '2026-01-31' }, 'en', t)).toBe('Jan 31, 2026');
    expect(formatAttribute({ type: 'string', value: '<b>x</b>' }, 'en', t)).toBe('<b>x</b>');
  });
});
