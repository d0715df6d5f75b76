/**
 * Issue 17: several frames for one socket in one `writev`. engine.io sends its write buffer in a
 * "flush": one `ws.send` per packet, and ws writes each frame on its own (header and payload corked
 * together, then a `writev`). While a write is in flight, engine.io queues the socket's next packets,
 * so under load a flush often carries several. Corking the TCP socket from engine.io's `flush` event
 * to its `drain` event (both emitted synchronously around the transport's send) turns that flush into
 * one `writev`: fewer syscalls, fewer TCP segments, same bytes in the same order. A flush of one
 * packet is left alone (ws already writes it in one `writev`); polling transports are left alone.
 *
 * Delivery is unchanged: the same frames in the same order, written in the same event-loop turn, and
 * engine.io's "sent" callbacks still fire after the kernel has them.
 */

/** The part of a TCP socket this needs (`net.Socket`). */
export type Corkable = { cork(): void; uncork(): void; destroyed?: boolean };

/** The part of an engine.io socket this reads: its transport and, for websocket, the ws socket. */
export type FlushingSocket = {
  transport?: { name?: string; socket?: { _socket?: unknown } } | null;
};

/** The part of the engine.io server this listens to (`io.engine`). */
export type FlushEvents = {
  on(event: 'flush', listener: (socket: FlushingSocket, buffer: readonly unknown[]) => void): unknown;
  on(event: 'drain', listener: (socket: FlushingSocket) => void): unknown;
};

/** What was corked since install (the bench and tests read it). */
export type CorkStats = { flushes: number; frames: number };

/** The TCP socket under a websocket transport, if it can be corked (ws keeps it as `_socket`). */
export function tcpSocketOf(socket: FlushingSocket): Corkable | null {
  const transport = socket.transport;
  if (transport?.name !== 'websocket') return null;
  const tcp = transport.socket?._socket as Partial<Corkable> | undefined;
  if (!tcp || typeof tcp.cork !== 'function' || typeof tcp.uncork !== 'function') return null;
  return tcp as Corkable;
}

/**
 * Cork each websocket's TCP socket for the length of an engine.io flush of more than one packet.
 * Call once per engine (`io.engine` after `io.attach`).
 */
export function corkFlushes(engine: FlushEvents): CorkStats {
  const stats: CorkStats = { flushes: 0, frames: 0 };
  const corked = new Map<FlushingSocket, Corkable>();
  const uncork = (socket: FlushingSocket): void => {
    const tcp = corked.get(socket);
    if (!tcp) return;
    corked.delete(socket);
    tcp.uncork();
  };
  engine.on('flush', (socket, buffer) => {
    if (buffer.length < 2 || corked.has(socket)) return;
    const tcp = tcpSocketOf(socket);
    if (!tcp || tcp.destroyed) return;
    tcp.cork();
    corked.set(socket, tcp);
    stats.flushes += 1;
    stats.frames += buffer.length;
    // `drain` follows in the same call; should the send throw before it, the socket must not stay
    // corked (its frames would never leave).
    process.nextTick(uncork, socket);
  });
  engine.on('drain', uncork);
  return stats;
}
