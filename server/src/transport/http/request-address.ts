/** The client address an HTTP request is counted against. */
import type { IncomingMessage } from 'node:http';
import type { Context } from 'hono';
import { addressKey, clientAddress, type TrustProxy } from '../../limits/index.ts';

/** The limiter key of the request's client: its peer address, or what trusted proxies say. */
export function requestAddress(c: Context, trust: TrustProxy): string {
  // @hono/node-server passes the Node request as `env.incoming`; `app.request()` in tests has none.
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  const headers = {
    'x-forwarded-for': c.req.header('x-forwarded-for'),
    forwarded: c.req.header('forwarded'),
  };
  return addressKey(clientAddress(incoming?.socket.remoteAddress, headers, trust));
}
