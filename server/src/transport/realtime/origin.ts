/**
 * The origin of a socket handshake. Browsers omit `Origin` on same-origin GET requests (the first
 * long-polling request), but then send `Sec-Fetch-Site: same-origin`, which a page cannot forge;
 * in that case the origin is the one the request was addressed to.
 */
import type { IncomingHttpHeaders } from 'node:http';

export function handshakeOrigin(headers: IncomingHttpHeaders, secure: boolean): string | undefined {
  if (headers.origin) return headers.origin;
  if (headers['sec-fetch-site'] === 'same-origin' && headers.host) {
    return `${secure ? 'https' : 'http'}://${headers.host}`;
  }
  return undefined;
}
