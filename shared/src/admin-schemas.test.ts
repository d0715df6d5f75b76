/** The admin inputs of issue 9: origins, brand colour, appearance, sites, agents, profile. */
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { LIMITS } from './limits.ts';
import {
  AgentCreateSchema,
  AllowedOriginsSchema,
  BrandColorSchema,
  PasswordChangeSchema,
  SiteAppearanceSchema,
  SitePatchSchema,
} from './schemas.ts';
import { DEFAULT_APPEARANCE } from './sites.ts';

const issues = (schema: v.GenericSchema, input: unknown) => {
  const result = v.safeParse(schema, input);
  return result.success ? [] : result.issues.map((issue) => issue.message);
};

describe('admin schemas', () => {
  it('canonicalises allowed origins, drops duplicates and names the bad entry', () => {
    expect(
      v.parse(AllowedOriginsSchema, ['https://Shop.Example/', 'https://shop.example', 'https://*.a.example']),
    ).toEqual(['https://shop.example', 'https://*.a.example']);
    expect(issues(AllowedOriginsSchema, ['shop.example'])).toEqual([
      'shop.example: must be an origin such as https://shop.example',
    ]);
    expect(issues(AllowedOriginsSchema, ['https://shop.example/cart'])[0]).toContain('without a path');
    const tooMany = Array.from({ length: LIMITS.allowedOriginsMax + 1 }, (_, i) => `https://s${i}.example`);
    expect(issues(AllowedOriginsSchema, tooMany)).toHaveLength(1);
  });

  it('refuses a brand colour without contrast, with a message saying why', () => {
    expect(v.parse(BrandColorSchema, '#1F5FBF')).toBe('#1f5fbf');
    expect(issues(BrandColorSchema, '#7a7a7a')[0]).toContain('contrast');
    expect(issues(BrandColorSchema, 'red')[0]).toContain('colour');
    expect(issues(BrandColorSchema, '#fff;background:url(x)')[0]).toContain('colour');
  });

  it('accepts the default appearance and refuses unknown languages and keys', () => {
    const { logoUrl: _logo, ...appearance } = DEFAULT_APPEARANCE;
    expect(v.parse(SiteAppearanceSchema, appearance)).toEqual(appearance);
    expect(issues(SiteAppearanceSchema, { ...appearance, title: { de: 'Hallo' } })).not.toEqual([]);
    expect(issues(SiteAppearanceSchema, { ...appearance, logoUrl: 'https://evil.test/x.png' })).not.toEqual(
      [],
    );
    expect(issues(SiteAppearanceSchema, { ...appearance, position: 'top' })).not.toEqual([]);
    // The title flash is off unless asked for; an appearance saved before it existed still parses.
    const { titleFlash: _flash, ...older } = appearance;
    expect(v.parse(SiteAppearanceSchema, older).titleFlash).toBe(false);
    expect(v.parse(SiteAppearanceSchema, { ...appearance, titleFlash: true }).titleFlash).toBe(true);
    expect(issues(SiteAppearanceSchema, { ...appearance, titleFlash: 'yes' })).not.toEqual([]);
    const replies = Array.from({ length: LIMITS.quickRepliesMax + 1 }, () => ({
      type: 'handoff',
      label: 'x',
    }));
    expect(issues(SiteAppearanceSchema, { ...appearance, quickReplies: { en: replies } })).not.toEqual([]);
  });

  it('A3 refuses arrays and prototype keys in site and agent inputs', () => {
    expect(issues(SitePatchSchema, [])).not.toEqual([]);
    expect(issues(SitePatchSchema, JSON.parse('{"__proto__":{"x":1}}'))).not.toEqual([]);
    expect(
      issues(AgentCreateSchema, { email: 'a@b.co', name: 'A', siteIds: ['s1'], role: 'owner' }),
    ).not.toEqual([]);
    expect(v.parse(AgentCreateSchema, { email: ' A@B.CO ', name: ' Ann ', siteIds: ['s1', 's1'] })).toEqual({
      email: 'a@b.co',
      name: 'Ann',
      role: 'agent',
      siteIds: ['s1'],
    });
  });

  it('a new password must be long enough', () => {
    expect(issues(PasswordChangeSchema, { currentPassword: 'x', newPassword: 'short' })[0]).toContain(
      'at least',
    );
  });
});
