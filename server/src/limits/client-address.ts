/**
 * The client's address for per-address limits. The socket's peer address is the client unless the
 * peer is a trusted proxy (`TRUST_PROXY`); only then are forwarded headers read, right to left,
 * skipping trusted hops, so a client cannot choose its own address by sending `X-Forwarded-For`.
 */
import { BlockList, isIP } from 'node:net';

/** Which peers are proxies whose forwarded headers count. */
export type TrustProxy = { readonly trusts: (address: string) => boolean; readonly spec: string };

/** Named sets, as Express names them. */
const NAMED: Record<string, readonly string[]> = {
  loopback: ['127.0.0.0/8', '::1/128'],
  linklocal: ['169.254.0.0/16', 'fe80::/10'],
  uniquelocal: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', 'fc00::/7'],
};

export const TRUST_NOBODY: TrustProxy = { trusts: () => false, spec: '' };

/**
 * Parses a comma-separated list of addresses, CIDR ranges and the names `loopback`, `linklocal`,
 * `uniquelocal`. Empty: no proxy is trusted. Throws an Error naming the bad item.
 */
export function parseTrustProxy(raw: string | undefined): TrustProxy {
  const items = (raw ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
  if (items.length === 0) return TRUST_NOBODY;
  const list = new BlockList();
  for (const item of items) {
    for (const entry of NAMED[item.toLowerCase()] ?? [item]) {
      const [address = '', prefix, ...extra] = entry.split('/');
      const family = isIP(address);
      const bits = prefix === undefined ? (family === 6 ? 128 : 32) : Number(prefix);
      const max = family === 6 ? 128 : 32;
      if (family === 0 || extra.length > 0 || !/^\d{1,3}$/.test(String(bits)) || bits > max) {
        throw new Error(
          `"${item}" is not an IP address, a CIDR range (e.g. 10.0.0.0/8) or one of loopback, linklocal, uniquelocal`,
        );
      }
      list.addSubnet(address, bits, family === 6 ? 'ipv6' : 'ipv4');
    }
  }
  return {
    trusts: (address) => {
      const family = isIP(address);
      return family !== 0 && list.check(address, family === 6 ? 'ipv6' : 'ipv4');
    },
    spec: items.join(','),
  };
}

/** A bare IP address, or null: strips brackets, ports and the IPv4-mapped IPv6 prefix. */
export function normalizeAddress(raw: string | undefined): string | null {
  if (!raw) return null;
  let value = raw.trim().replace(/^"|"$/g, '');
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed?.[1]) value = bracketed[1];
  else if (/^[\d.]+:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(':'));
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(value);
  if (mapped?.[1]) value = mapped[1];
  return isIP(value) === 0 ? null : value.toLowerCase();
}

type ForwardedHeaders = {
  'x-forwarded-for'?: string | string[] | undefined;
  forwarded?: string | string[] | undefined;
};

const joined = (value: string | string[] | undefined) => (Array.isArray(value) ? value.join(',') : value);

/** Client-to-proxy order (leftmost = original client), as the proxies wrote them. */
function forwardedChain(headers: ForwardedHeaders): string[] {
  // X-Forwarded-For is what nearly every proxy writes; `Forwarded` (RFC 7239) only without it.
  const xff = joined(headers['x-forwarded-for']);
  if (xff) return xff.split(',').map((part) => part.trim());
  const forwarded = joined(headers.forwarded);
  if (!forwarded) return [];
  return forwarded.split(',').map((element) => {
    const pair = element
      .split(';')
      .map((p) => p.trim())
      .find((p) => p.toLowerCase().startsWith('for='));
    return pair ? pair.slice(4) : '';
  });
}

/** The address limits are counted against (see the module comment). */
export function clientAddress(
  peer: string | undefined,
  headers: ForwardedHeaders,
  trust: TrustProxy,
): string {
  let address = normalizeAddress(peer);
  if (!address) return 'unknown';
  if (!trust.trusts(address)) return address;
  const chain = forwardedChain(headers);
  for (let i = chain.length - 1; i >= 0; i--) {
    const hop = normalizeAddress(chain[i]);
    // A hop a trusted proxy could not name (`unknown`, obfuscated): count against the proxy.
    if (!hop) return address;
    address = hop;
    if (!trust.trusts(address)) return address;
  }
  return address;
}

/**
 * The key one client is limited under: an IPv4 address, or the /64 network of an IPv6 address
 * (one subscriber gets a whole /64, so single IPv6 addresses are free to rotate).
 */
export function addressKey(address: string): string {
  if (isIP(address) !== 6) return address;
  const [head = '', tail] = address.split('::');
  const left = head ? head.split(':') : [];
  const right = tail === undefined ? [] : tail ? tail.split(':') : [];
  const groups =
    tail === undefined
      ? left
      : [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right];
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}
