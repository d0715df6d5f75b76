/**
 * A TCP proxy that can cut every connection through it at once: a network blip for whatever runs
 * over it (HTTP, WebSocket), as a phone changing cells or a flaky Wi-Fi would cause. It can also
 * stay cut (an outage: every connection attempt is reset at once) until restored, e.g. between a
 * server and its PostgreSQL (TESTPLAN D6).
 */
import { connect, createServer, type Socket } from 'node:net';

export type FlakyProxy = {
  origin: string;
  /** The port it listens on (127.0.0.1), e.g. for a `postgres://…` address through it. */
  port: number;
  /** Cuts every open connection now (new ones are accepted at once). */
  blip(): void;
  /** An outage: cuts every open connection and resets every new one until `restore()`. */
  cut(): void;
  /** Ends the outage: new connections go through again. */
  restore(): void;
  /** How many connections blips and cuts have cut so far, refused ones included. */
  readonly cuts: number;
  close(): Promise<void>;
};

export async function flakyProxy(targetPort: number): Promise<FlakyProxy> {
  const open = new Set<Socket>();
  let cuts = 0;
  let down = false;
  const server = createServer((client) => {
    if (down) {
      cuts += 1;
      client.resetAndDestroy();
      return;
    }
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
  const blip = () => {
    cuts += open.size / 2;
    for (const socket of open) socket.destroy();
  };
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    blip,
    cut() {
      down = true;
      blip();
    },
    restore() {
      down = false;
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
