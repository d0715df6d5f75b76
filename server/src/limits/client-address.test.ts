import { describe, expect, it } from 'vitest';
import {
  addressKey,
  clientAddress,
  normalizeAddress,
  parseTrustProxy,
  TRUST_NOBODY,
} from './client-address.ts';

describe('client address', () => {
  it('L3 ignores X-Forwarded-For and Forwarded unless the peer is a trusted proxy', () => {
    const spoofed = { 'x-forwarded-for': '1.2.3.4', forwarded: 'for=5.6.7.8' };
    expect(clientAddress('203.0.113.9', spoofed, TRUST_NOBODY)).toBe('203.0.113.9');
    expect(clientAddress('203.0.113.9', spoofed, parseTrustProxy('loopback'))).toBe('203.0.113.9');
    expect(clientAddress('127.0.0.1', spoofed, TRUST_NOBODY)).toBe('127.0.0.1');
  });

  it('L3 walks the chain right to left through trusted proxies only', () => {
    const trust = parseTrustProxy('loopback, 10.0.0.0/8');
    // The client put "1.1.1.1" in front; the proxies appended the real client and each other.
    const headers = { 'x-forwarded-for': '1.1.1.1, 198.51.100.7, 10.0.0.5' };
    expect(clientAddress('::ffff:127.0.0.1', headers, trust)).toBe('198.51.100.7');
    expect(clientAddress('127.0.0.1', { 'x-forwarded-for': '10.0.0.2,10.0.0.3' }, trust)).toBe('10.0.0.2');
    expect(clientAddress('127.0.0.1', { 'x-forwarded-for': 'garbage, 10.0.0.3' }, trust)).toBe('10.0.0.3');
    expect(clientAddress('127.0.0.1', {}, trust)).toBe('127.0.0.1');
    expect(clientAddress(undefined, headers, trust)).toBe('unknown');
  });

  it('L3 reads RFC 7239 Forwarded when there is no X-Forwarded-For', () => {
    const trust = parseTrustProxy('127.0.0.1');
    const forwarded = 'for=192.0.2.60;proto=http;by=203.0.113.43, for="[2001:db8:cafe::17]:4711"';
    expect(clientAddress('127.0.0.1', { forwarded }, trust)).toBe('2001:db8:cafe::17');
    expect(clientAddress('127.0.0.1', { forwarded: 'for=_hidden' }, trust)).toBe('127.0.0.1');
    expect(clientAddress('127.0.0.1', { forwarded: 'for="192.0.2.43:47011"' }, trust)).toBe('192.0.2.43');
  });

  it('L3 parses TRUST_PROXY lists and refuses what is not an address, a range or a known name', () => {
    const trust = parseTrustProxy('uniquelocal,2001:db8::/32, 198.51.100.1');
    expect(trust.trusts('192.168.1.1')).toBe(true);
    expect(trust.trusts('2001:db8::1')).toBe(true);
    expect(trust.trusts('198.51.100.1')).toBe(true);
    expect(trust.trusts('198.51.100.2')).toBe(false);
    expect(trust.trusts('not an ip')).toBe(false);
    expect(parseTrustProxy('').trusts('127.0.0.1')).toBe(false);
    for (const bad of ['everyone', '10.0.0.0/33', '1.2.3', '::1/129', '10.0.0.0/8/1', '*']) {
      expect(() => parseTrustProxy(bad)).toThrow(/not an IP address/);
    }
  });

  it('L3 counts IPv6 clients per /64 and normalizes addresses', () => {
    expect(addressKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:db8:1:2:bbbb:cccc:dddd:eeee')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
    expect(addressKey('203.0.113.9')).toBe('203.0.113.9');
    expect(normalizeAddress('::FFFF:10.1.2.3')).toBe('10.1.2.3');
    expect(normalizeAddress('[::1]:80')).toBe('::1');
    expect(normalizeAddress('unknown')).toBeNull();
  });
});
