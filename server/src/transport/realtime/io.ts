/** The socket.io server, configured once: JSON-only, bounded packets, cross-origin without credentials. */
import { LIMITS } from '@frontdesk/shared';
import { Server, type ServerOptions } from 'socket.io';
import { textOnlyParser } from './parser.ts';

/** `adapter`: issue 11 (redis), the Redis adapter that carries rooms and broadcasts to every node. */
export function createIo(adapter?: ServerOptions['adapter']): Server {
  return new Server({
    ...(adapter && { adapter }),
    // Bigger packets close the connection before they are buffered (websocket frames and polling bodies).
    maxHttpBufferSize: LIMITS.socketMaxPayloadBytes,
    // JSON only: a binary packet closes the connection.
    parser: textOnlyParser,
    // Widgets connect from other sites; credentials are never sent cross-origin (visitor auth is a token).
    cors: { origin: true, credentials: false },
    serveClient: false,
    // Issue 17: no WebSocket compression. Frames are small JSON (≈ 250 B); compressing each costs CPU
    // on every frame and a zlib context per socket (measured: docs/BENCHMARKS.md, "Issue 17, step 4").
    perMessageDeflate: false,
  });
}

/** An event map of this protocol (`VisitorClientEvents`, `AgentServerEvents`, …). */
export type EventMap = { [event: string]: (...args: never[]) => void };
