/**
 * Which pages may embed a site's widget. A site lists origins: exact ones (`https://shop.example`,
 * `http://localhost:8080`) and wildcards for every subdomain (`https://*.shop.example`, which does
 * not cover `https://shop.example` itself). Hosts are compared in their ASCII (punycode) form, default
 * ports are dropped, scheme and port must match. An empty list allows nothing.
 *
 * Parsing goes through the WHATWG URL parser, so an entry means what a browser's `Origin` header
 * would say for that page.
 */

export type OriginProblem = 'not_a_url' | 'scheme' | 'has_path' | 'has_credentials' | 'wildcard';

export type ParsedOrigin = { ok: true; origin: string } | { ok: false; problem: OriginProblem };

/** Stands in for `*` while the URL parser reads a wildcard entry; it cannot be a real label. */
const WILDCARD_LABEL = 'frontdesk-wildcard--';

/**
 * The canonical form of an allowed-origin entry, or why it is not one. Accepts a trailing `/`
 * (people paste `https://shop.example/`), nothing else after the host.
 */
export function parseAllowedOrigin(input: string): ParsedOrigin {
  const text = input.trim();
  const wildcard = /^[a-z][a-z0-9+.-]*:\/\/\*\./i.test(text);
  if (!wildcard && text.includes('*')) return { ok: false, problem: 'wildcard' };
  let url: URL;
  try {
    url = new URL(wildcard ? text.replace('*.', `${WILDCARD_LABEL}.`) : text);
  } catch {
    return { ok: false, problem: 'not_a_url' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, problem: 'scheme' };
  if (url.username || url.password) return { ok: false, problem: 'has_credentials' };
  if (url.pathname !== '/' || url.search || url.hash || text.endsWith('?') || text.endsWith('#')) {
    return { ok: false, problem: 'has_path' };
  }
  if (wildcard) {
    const rest = url.hostname.slice(WILDCARD_LABEL.length + 1);
    // `*.com` or `*.1.2.3` would allow the world or is not a host name.
    if (!url.hostname.startsWith(`${WILDCARD_LABEL}.`) || !rest.includes('.') || /^[\d.]+$/.test(rest)) {
      return { ok: false, problem: 'wildcard' };
    }
    return { ok: true, origin: url.origin.replace(WILDCARD_LABEL, '*') };
  }
  return { ok: true, origin: url.origin };
}

/** The canonical form of an `Origin` header, or null when it is not an http(s) origin (`null`, junk). */
export function canonicalOrigin(header: string): string | null {
  try {
    const url = new URL(header);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
    return url.origin;
  } catch {
    return null;
  }
}

/** Whether one canonical allowed-origin entry covers one canonical origin. */
export function originMatches(entry: string, origin: string): boolean {
  if (entry === origin) return true;
  const star = entry.indexOf('://*.');
  if (star < 0) return false;
  const scheme = entry.slice(0, star + 3);
  if (!origin.startsWith(scheme)) return false;
  // `https://*.shop.example:8443` → suffix `.shop.example:8443`; the origin's host and port must end with it.
  const suffix = entry.slice(star + 4);
  const hostAndPort = origin.slice(scheme.length);
  return hostAndPort.endsWith(suffix) && hostAndPort.length > suffix.length && !hostAndPort.startsWith('.');
}

/** Whether an `Origin` header is allowed by a site's list. An empty list allows nothing. */
export function isOriginAllowed(allowed: readonly string[], header: string | undefined | null): boolean {
  if (!header) return false;
  const origin = canonicalOrigin(header);
  if (!origin) return false;
  return allowed.some((entry) => originMatches(entry, origin));
}
