import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import {
  ContactListQuerySchema,
  ContactPatchSchema,
  IdentifySchema,
  PrivacySettingsSchema,
} from './contacts-schemas.ts';
import { CONTACT_API, EVENTS, inferAttribute, locationFromTimeZone, normalizeTag } from './index.ts';

describe('contacts protocol', () => {
  it('types identify attributes: numbers, booleans, ISO dates, other strings', () => {
    expect(inferAttribute(3)).toEqual({ type: 'number', value: 3 });
    expect(inferAttribute(false)).toEqual({ type: 'boolean', value: false });
    expect(inferAttribute('2026-01-31')).toEqual({ type: 'date', value: '2026-01-31' });
    expect(inferAttribute('2026-01-31T10:00:00Z')).toEqual({ type: 'date', value: '2026-01-31T10:00:00Z' });
    expect(inferAttribute('2026-02-31x')).toEqual({ type: 'string', value: '2026-02-31x' });
    expect(inferAttribute('pro')).toEqual({ type: 'string', value: 'pro' });
  });

  it('derives a location from the time zone only', () => {
    expect(locationFromTimeZone('Europe/Warsaw')).toBe('Warsaw, Europe');
    expect(locationFromTimeZone('America/Argentina/Buenos_Aires')).toBe('Buenos Aires, America');
    expect(locationFromTimeZone('UTC')).toBeNull();
    expect(locationFromTimeZone('Etc/GMT+2')).toBeNull();
    expect(locationFromTimeZone(null)).toBeNull();
  });

  it('normalises tags and fills the routes', () => {
    expect(normalizeTag('  VIP   Customer ')).toBe('vip customer');
    expect(CONTACT_API.contact('s1', 'c/1')).toBe('/api/v1/sites/s1/contacts/c%2F1');
    expect(EVENTS.contactIdentify).toBe('contact:identify');
  });

  it('A3 identify refuses control characters, prototype keys and too many attributes', () => {
    expect(v.safeParse(IdentifySchema, { userId: 'u1' }).success).toBe(true);
    expect(v.safeParse(IdentifySchema, { userId: 'u\r\n1' }).success).toBe(false);
    expect(v.safeParse(IdentifySchema, { userId: '' }).success).toBe(false);
    // valibot drops prototype keys from records: nothing reaches the output, nothing is polluted.
    const proto = v.parse(IdentifySchema, JSON.parse('{"userId":"u","attributes":{"__proto__":{"x":1}}}'));
    expect(Object.hasOwn(proto.attributes ?? {}, '__proto__')).toBe(false);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
    const many = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, i]));
    expect(v.safeParse(IdentifySchema, { userId: 'u', attributes: many }).success).toBe(false);
    expect(v.safeParse(IdentifySchema, { userId: 'u', attributes: { a: { nested: 1 } } }).success).toBe(
      false,
    );
  });

  it('patches typed attributes and normalised tags; queries page with bounded limits', () => {
    const patch = v.parse(ContactPatchSchema, {
      attributes: { set: { since: { type: 'date', value: '2026-01-31' } } },
      tags: { add: [' VIP '] },
    });
    expect(patch.tags?.add).toEqual(['vip']);
    expect(
      v.safeParse(ContactPatchSchema, { attributes: { set: { n: { type: 'number', value: '3' } } } }).success,
    ).toBe(false);
    expect(
      v.safeParse(ContactPatchSchema, { attributes: { set: { d: { type: 'date', value: 'x' } } } }).success,
    ).toBe(false);
    expect(v.parse(ContactListQuerySchema, { limit: '20' }).limit).toBe(20);
    expect(v.safeParse(ContactListQuerySchema, { limit: '500' }).success).toBe(false);
    expect(v.safeParse(PrivacySettingsSchema, { retentionMonths: 0 }).success).toBe(false);
    expect(v.parse(PrivacySettingsSchema, { retentionMonths: null }).retentionMonths).toBeNull();
  });
});
