/**
 * The server side of the write micro-benchmark (`cork-run.ts`): socket.io servers as Frontdesk
 * configures them (`createIo`), one with its engine.io flushes corked (`corkFlushes`), one without, and
 * one without but with WebSocket compression on, in this one process. `burst` makes one of them write frames in rounds and returns the process's CPU
 * time over those rounds; nothing else runs here, so that time is the cost of encoding and writing.
 */
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type CorkStats, corkFlushes, createIo } from '@frontdesk/server/testing';
import { serveIpc } from '../ipc.ts';

/** `deflate`: plain, with WebSocket compression on for every frame (what Frontdesk leaves off). */
export type Variant = 'corked' | 'plain' | 'deflate';
export type Burst = { variant: Variant; rounds: number; perRound: number; gapMs: number };
/** `rssBytes`: the process's resident memory after the burst (compression keeps a zlib context per socket). */
export type BurstResult = {
  cpuMicros: number;
  corkedFlushes: number;
  corkedFrames: number;
  rssBytes: number;
};

const ROOM = 'all';
let seq = 0;
/** A `message:new`-sized payload (≈ 250 B of JSON), a different message each time (compression sees real variety). */
function payload() {
  seq += 1;
  const hex = randomBytes(16).toString('hex');
  return {
    conversationId: '0193b6a2-7c1e-7d4a-9f1e-2b3c4d5e6f70',
    message: {
      id: `0193b6a2-${hex.slice(0, 4)}-7d4a-${hex.slice(4, 8)}-${hex.slice(8, 20)}`,
      seq,
      author: 'visitor',
      body: `Hello, my order ${hex.slice(20)} has not shipped yet; when will it leave? (#${seq})`,
      createdAt: new Date(1_796_000_000_000 + seq * 1000).toISOString(),
    },
  };
}

const servers = {} as Record<Variant, { io: ReturnType<typeof createIo>; stats: CorkStats | null }>;

async function start(): Promise<Record<Variant, number>> {
  const ports = {} as Record<Variant, number>;
  for (const variant of ['corked', 'plain', 'deflate'] as const) {
    const http = createServer();
    const io = createIo();
    io.attach(http, variant === 'deflate' ? { perMessageDeflate: { threshold: 0 } } : {});
    const stats = variant === 'corked' ? corkFlushes(io.engine) : null;
    io.on('connection', (socket) => void socket.join(ROOM));
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    ports[variant] = (http.address() as AddressInfo).port;
    servers[variant] = { io, stats };
  }
  return ports;
}

/**
 * `rounds` rounds, `gapMs` apart; in each, every socket gets `perRound` frames in one turn: room
 * broadcasts (one encoding, pre-built WebSocket frames) and, as the last, one emit per socket.
 */
async function burst({ variant, rounds, perRound, gapMs }: Burst): Promise<BurstResult> {
  const { io, stats } = servers[variant];
  const before = { ...(stats ?? { flushes: 0, frames: 0 }) };
  const cpu = process.cpuUsage();
  for (let round = 0; round < rounds; round++) {
    for (let i = 1; i < perRound; i++) io.to(ROOM).emit('n', payload());
    for (const socket of io.of('/').sockets.values()) socket.emit('n', payload());
    await new Promise((resolve) => setTimeout(resolve, gapMs));
  }
  const used = process.cpuUsage(cpu);
  return {
    cpuMicros: used.user + used.system,
    rssBytes: process.memoryUsage().rss,
    corkedFlushes: (stats?.flushes ?? 0) - before.flushes,
    corkedFrames: (stats?.frames ?? 0) - before.frames,
  };
}

serveIpc({ start, burst });
