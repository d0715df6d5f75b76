/**
 * SSRF guard of webhooks (issue 15): a webhook may not reach private, loopback, link-local or other
 * non-public addresses unless its site's admin allowed it. Checked at registration and again at
 * every delivery after DNS resolution; the delivery then connects to the very address checked (no
 * second lookup an attacker's DNS could answer differently).
 */
import { lookup as dnsLookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { AppError } from '../kernel/errors.ts';

export type Resolve = (host: string) => Promise<{ address: string; family: number }[]>;

export const systemResolve: Resolve = (host) => dnsLookup(host, { all: true, verbatim: true });

const v4 = (ip: string): number[] => ip.split('.').map(Number);

function privateV4(ip: string): boolean {
  const [a = 0, b = 0] = v4(ip);
  return (
    a === 0 || // "this network"
    a === 10 ||
    a === 127 ||
    (a === 100 && b >= 64 && b <= 127) || // carrier-grade NAT
    (a === 169 && b === 254) || // link-local (cloud metadata)
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    (a === 192 && b === 0 && v4(ip)[2] === 0) || // IETF protocol assignments
    (a === 198 && (b === 18 || b === 19)) || // benchmarking
    a >= 224 // multicast, reserved, broadcast
  );
}

/** Whether an IP address is anything but a public unicast address. */
export function isPrivateAddress(ip: string): boolean {
  const family = isIP(ip);
  if (family === 4) return privateV4(ip);
  if (family !== 6) return true;
  const lower = ip.toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
  if (mapped?.[1]) return privateV4(mapped[1]);
  if (lower === '::' || lower === '::1') return true;
  const first = Number.parseInt(lower.split(':')[0] || '0', 16);
  return (
    (first & 0xfe00) === 0xfc00 || // unique local fc00::/7
    (first & 0xffc0) === 0xfe80 || // link-local fe80::/10
    (first & 0xff00) === 0xff00 || // multicast
    lower.startsWith('64:ff9b:') || // NAT64 of any v4
    lower.startsWith('2001:db8:') || // documentation
    /^::(\d|[0-9a-f]{1,4}:)/.test(lower) // IPv4-compatible and other ::/96 forms
  );
}

/**
 * The address to connect to for `url`: resolved, and refused (`bad_request`) when it or any other
 * address of the name is not public and private targets are not allowed.
 */
export async function checkTarget(
  url: URL,
  allowPrivate: boolean,
  resolve: Resolve = systemResolve,
): Promise<{ address: string; family: number }> {
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new AppError('bad_request', 'a webhook URL must be http or https');
  if (url.username || url.password)
    throw new AppError('bad_request', 'a webhook URL may not carry credentials');
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: { address: string; family: number }[];
  if (isIP(host)) addresses = [{ address: host, family: isIP(host) }];
  else {
    try {
      addresses = await resolve(host);
    } catch {
      throw new AppError('bad_request', `the webhook host ${host} does not resolve`);
    }
  }
  const first = addresses[0];
  if (!first) throw new AppError('bad_request', `the webhook host ${host} does not resolve`);
  if (!allowPrivate && addresses.some((a) => isPrivateAddress(a.address)))
    throw new AppError(
      'bad_request',
      `the webhook host ${host} is a private, loopback or link-local address (an admin may allow these for the site)`,
    );
  return first;
}
