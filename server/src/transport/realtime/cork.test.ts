import { EventEmitter } from 'node:events';
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server, type Socket as ServerSocket } from 'socket.io';
import { io as connect, type Socket } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { type Corkable, corkFlushes, type FlushEvents, type FlushingSocket, tcpSocketOf } from './cork.ts';

/** A TCP socket stand-in that records what was asked of it. */
function fakeTcp(): Corkable & { calls: string[] } {
  const calls: string[] = [];
  return { calls, destroyed: false, cork: () => calls.push('cork'), uncork: () => calls.push('uncork') };
}
const wsSocket = (tcp: unknown): FlushingSocket => ({
  transport: { name: 'websocket', socket: { _socket: tcp } },
});
const fakeEngine = () => new EventEmitter() as EventEmitter & FlushEvents;

describe('corkFlushes (engine events)', () => {
  it('corks a websocket for a flush of several packets and uncorks it at the drain', () => {
    const engine = fakeEngine();
    const stats = corkFlushes(engine);
    const tcp = fakeTcp();
    const socket = wsSocket(tcp);
    engine.emit('flush', socket, [1, 2, 3]);
    expect(tcp.calls).toEqual(['cork']);
    engine.emit('drain', socket);
    expect(tcp.calls).toEqual(['cork', 'uncork']);
    expect(stats).toEqual({ flushes: 1, frames: 3 });
  });

  it('leaves a flush of one packet, a polling transport and a destroyed socket alone', () => {
    const engine = fakeEngine();
    const stats = corkFlushes(engine);
    const tcp = fakeTcp();
    const one = wsSocket(tcp);
    engine.emit('flush', one, [1]);
    engine.emit('drain', one);
    const polling: FlushingSocket = { transport: { name: 'polling' } };
    engine.emit('flush', polling, [1, 2]);
    engine.emit('drain', polling);
    const gone = fakeTcp();
    gone.destroyed = true;
    engine.emit('flush', wsSocket(gone), [1, 2]);
    expect(tcp.calls).toEqual([]);
    expect(gone.calls).toEqual([]);
    expect(stats).toEqual({ flushes: 0, frames: 0 });
  });

  it('uncorks once, in the next tick, if no drain follows the flush (a send that threw)', async () => {
    const engine = fakeEngine();
    corkFlushes(engine);
    const tcp = fakeTcp();
    const socket = wsSocket(tcp);
    engine.emit('flush', socket, [1, 2]);
    await new Promise<void>((resolve) => process.nextTick(resolve));
    engine.emit('drain', socket);
    expect(tcp.calls).toEqual(['cork', 'uncork']);
  });

  it('finds the TCP socket only under a websocket transport with cork and uncork', () => {
    const tcp = fakeTcp();
    expect(tcpSocketOf(wsSocket(tcp))).toBe(tcp);
    expect(tcpSocketOf(wsSocket({}))).toBeNull();
    expect(tcpSocketOf({ transport: null })).toBeNull();
    expect(tcpSocketOf({ transport: { name: 'polling', socket: { _socket: tcp } } })).toBeNull();
  });
});

describe('corkFlushes (a real socket.io server)', () => {
  let http: HttpServer | undefined;
  let server: Server | undefined;
  let client: Socket | undefined;
  afterEach(async () => {
    client?.disconnect();
    await server?.close();
    http = server = client = undefined;
  });

  /** A server and one websocket client; counts the writes on the server's TCP socket to that client. */
  async function setup(cork: boolean) {
    http = createServer();
    server = new Server(http, { serveClient: false });
    if (cork) corkFlushes(server.engine);
    await new Promise<void>((resolve) => http?.listen(0, '127.0.0.1', resolve));
    const { port } = http.address() as AddressInfo;
    const joined = new Promise<ServerSocket>((resolve) =>
      server?.on('connection', (socket) => {
        socket.join('room');
        resolve(socket);
      }),
    );
    client = connect(`http://127.0.0.1:${port}`, { transports: ['websocket'], reconnection: false });
    const socket = await joined;
    const tcp = tcpSocketOf(socket.conn as unknown as FlushingSocket) as unknown as {
      _write: (...args: unknown[]) => void;
      _writev: (chunks: unknown[], ...rest: unknown[]) => void;
    };
    const writes: number[] = []; // chunks per system write
    const write = tcp._write.bind(tcp);
    const writev = tcp._writev.bind(tcp);
    tcp._write = (...args) => {
      writes.push(1);
      write(...args);
    };
    tcp._writev = (chunks, ...rest) => {
      writes.push(chunks.length);
      writev(chunks, ...rest);
    };
    return { socket, writes };
  }

  /** Five events in one turn (emits and room broadcasts, pre-encoded frames), as received. */
  async function burst(socket: ServerSocket): Promise<number[]> {
    const received: number[] = [];
    const all = new Promise<void>((resolve) =>
      client?.on('n', (n: number) => {
        received.push(n);
        if (received.length === 5) resolve();
      }),
    );
    socket.emit('n', 1);
    server?.to('room').emit('n', 2);
    socket.emit('n', 3);
    server?.to('room').emit('n', 4);
    socket.emit('n', 5);
    await all;
    return received;
  }

  it('writes the frames queued behind a write in flight in one writev, in order', async () => {
    const { socket, writes } = await setup(true);
    expect(await burst(socket)).toEqual([1, 2, 3, 4, 5]);
    // The first frame goes alone (header + payload); the four queued behind it leave together.
    expect(writes).toEqual([2, 8]);
  });

  it('without it, each of those frames is a write of its own (the control)', async () => {
    const { socket, writes } = await setup(false);
    expect(await burst(socket)).toEqual([1, 2, 3, 4, 5]);
    expect(writes).toEqual([2, 2, 2, 2, 2]);
  });
});
