/**
 * Binds the HTTP server before anything is built on it: the server's own origins depend on the port,
 * which is only known once bound (tests ask for port 0). Requests are answered once `serve` is called.
 */
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';

export type Bound = { server: HttpServer; port: number };

export function listen(port: number, host: string): Promise<Bound> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve({ server, port: (server.address() as AddressInfo).port });
    });
  });
}

/**
 * Answers the bound server's requests with `fetch` (the Hono app). Called in the same tick the server
 * finished binding in, so no request can arrive before it.
 */
export function serve(bound: Bound, fetch: Parameters<typeof getRequestListener>[0], host: string): void {
  bound.server.on('request', getRequestListener(fetch, { hostname: host }));
}
