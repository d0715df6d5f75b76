/**
 * A TCP proxy that can cut every connection through it at once: a network blip for whatever runs
 * over it (HTTP, WebSocket), as a phone changing cells or a flaky Wi-Fi would cause.
 */
import { connect, createServer, type Socket } from 'node:net';

export type FlakyProxy = {
  origin: string;
  /** Cuts every open connection now (new ones are accepted at once). */
  blip(): void;
  /** How many connections blips have cut so far. */
  readonly cuts: number;
  close(): Promise<void>;
};

export async function flakyProxy(targetPort: number): Promise<FlakyProxy> {
  const open = new Set<Socket>();
  let cuts = 0;
  const server = createServer((client) => {
    const upstream = connect(targetPort, '127.0.0.1');
    for (const [from, to] of [
      [client, upstream],
      [upstream, client],
    ] as const) {
      open.add(from);
      from.pipe(to);
      from.on('error', () => to.destroy());
      from.on('close', () => {
        open.delete(from);
        to.destroy();
      });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    origin: `http://127.0.0.1:${port}`,
    blip() {
      cuts += open.size / 2;
      for (const socket of open) socket.destroy();
    },
    get cuts() {
      return cuts;
    },
    close() {
      for (const socket of open) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
