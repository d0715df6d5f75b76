import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalOrigin, isOriginAllowed, originMatches, parseAllowedOrigin } from './origins.ts';

describe('parseAllowedOrigin', () => {
  it.each([
    ['https://shop.example', 'https://shop.example'],
    ['  HTTPS://Shop.Example/ ', 'https://shop.example'],
    ['https://shop.example:443', 'https://shop.example'],
    ['http://localhost:80', 'http://localhost'],
    ['http://localhost:8080', 'http://localhost:8080'],
    ['http://127.0.0.1:5173', 'http://127.0.0.1:5173'],
    ['https://bücher.example', 'https://xn--bcher-kva.example'],
    ['https://*.shop.example', 'https://*.shop.example'],
    ['https://*.Bücher.example:8443/', 'https://*.xn--bcher-kva.example:8443'],
  ])('%s is the allowed origin %s', (input, origin) => {
    expect(parseAllowedOrigin(input)).toEqual({ ok: true, origin });
  });

  it.each([
    ['shop.example', 'not_a_url'],
    ['', 'not_a_url'],
    ['ftp://shop.example', 'scheme'],
    ['javascript:alert(1)', 'scheme'],
    ['https://shop.example/page', 'has_path'],
    ['https://shop.example/?a=1', 'has_path'],
    ['https://shop.example#x', 'has_path'],
    ['https://user:pw@shop.example', 'has_credentials'],
    ['https://*', 'wildcard'],
    ['https://*.com', 'wildcard'],
    ['https://a.*.example', 'wildcard'],
    ['https://*shop.example', 'wildcard'],
    ['https://*.1.2.3', 'not_a_url'],
    ['*', 'wildcard'],
  ])('%s is refused (%s)', (input, problem) => {
    expect(parseAllowedOrigin(input)).toEqual({ ok: false, problem });
  });
});

describe('A6 origin matching', () => {
  const list = ['https://shop.example', 'https://*.blog.example', 'http://localhost:8080'];

  it.each([
    ['https://shop.example', true],
    ['https://SHOP.example:443', true],
    ['http://shop.example', false],
    ['https://shop.example:8443', false],
    ['https://www.shop.example', false],
    ['https://shop.example.evil.test', false],
    ['https://a.blog.example', true],
    ['https://a.b.blog.example', true],
    ['https://blog.example', false],
    ['https://evilblog.example', false],
    ['https://a.blog.example:444', false],
    ['http://a.blog.example', false],
    ['http://localhost:8080', true],
    ['http://localhost:8081', false],
    ['null', false],
    ['', false],
  ])('%s allowed: %s', (origin, allowed) => {
    expect(isOriginAllowed(list, origin)).toBe(allowed);
  });

  it('an empty list allows nothing', () => {
    expect(isOriginAllowed([], 'https://shop.example')).toBe(false);
    expect(isOriginAllowed([], undefined)).toBe(false);
  });

  it('a punycode entry matches the Unicode origin a browser sends as ASCII', () => {
    const entry = parseAllowedOrigin('https://bücher.example');
    expect(entry.ok && isOriginAllowed([entry.origin], 'https://xn--bcher-kva.example')).toBe(true);
  });

  it('a wildcard never matches a host that merely ends with the same letters', () => {
    fc.assert(
      fc.property(fc.domain(), fc.domain(), (a, b) => {
        const entry = `https://*.${b}`;
        const origin = canonicalOrigin(`https://${a}`);
        if (!origin) return;
        const host = new URL(origin).hostname;
        const bHost = new URL(`https://${b}`).hostname;
        expect(originMatches(entry.replace(b, bHost), origin)).toBe(host.endsWith(`.${bHost}`));
      }),
      { numRuns: 300 },
    );
  });
});
