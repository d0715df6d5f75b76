/**
 * A TCP proxy that can cut every connection through it at once: a network blip for whatever runs
 * over it (HTTP, WebSocket), as a phone changing cells or a flaky Wi-Fi would cause. It can also
 * stay down until restored, e.g. between a server and its PostgreSQL (TESTPLAN D6): cut (every
 * connection reset at once, as a stopped server's host answers) or stalled (nothing answers and
 * nothing is reset, as behind a dead switch or a firewall dropping packets).
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
  /**
   * A partition: open connections carry nothing more and new ones are accepted but never answered,
   * until `restore()`, when everything held flows on (nothing is lost, only late).
   */
  stall(): void;
  /** Ends the outage: new connections go through again, held ones flow on. */
  restore(): void;
  /** How many connections blips and cuts have cut so far, refused ones included. */
  readonly cuts: number;
  /** How many new connections a stall has held so far. */
  readonly held: number;
  close(): Promise<void>;
};

export async function flakyProxy(targetPort: number): Promise<FlakyProxy> {
  /** Each open socket and where it pipes to. */
  const open = new Map<Socket, Socket>();
  const waiting: Socket[] = [];
  let cuts = 0;
  let held = 0;
  let mode: 'up' | 'cut' | 'stalled' = 'up';

  const wire = (client: Socket) => {
    const upstream = connect(targetPort, '127.0.0.1');
    for (const [from, to] of [
      [client, upstream],
      [upstream, client],
    ] as const) {
      open.set(from, to);
      from.pipe(to);
      from.on('error', () => to.destroy());
      from.on('close', () => {
        open.delete(from);
        to.destroy();
      });
    }
  };
  const server = createServer((client) => {
    if (mode === 'cut') {
      cuts += 1;
      client.resetAndDestroy();
    } else if (mode === 'stalled') {
      held += 1;
      client.pause();
      client.on('error', () => {});
      waiting.push(client);
    } else wire(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const blip = () => {
    cuts += open.size / 2;
    for (const socket of open.keys()) socket.destroy();
  };
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    blip,
    cut() {
      mode = 'cut';
      blip();
    },
    stall() {
      mode = 'stalled';
      for (const [from, to] of open) {
        from.unpipe(to);
        from.pause();
      }
    },
    restore() {
      if (mode === 'stalled') {
        for (const [from, to] of open) from.pipe(to);
        for (const client of waiting.splice(0)) if (!client.destroyed) wire(client);
      }
      mode = 'up';
    },
    get cuts() {
      return cuts;
    },
    get held() {
      return held;
    },
    close() {
      for (const socket of [...open.keys(), ...waiting]) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
