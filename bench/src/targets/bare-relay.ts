/**
 * The baseline: a bare socket.io relay with the same events and rooms as Frontdesk, and nothing else —
 * no storage, no auth, no validation. Runs as its own process; the load generator cannot tell it apart.
 */
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { EVENTS, LIMITS, NAMESPACES } from '@frontdesk/shared';
import { Server, type Socket } from 'socket.io';
import { serveIpc } from '../ipc.ts';
import { processStats } from './process-stats.ts';

type Ack = (result: unknown) => void;
type Send = { conversationId: string; clientId: string; body: string };

const http = createServer();
const io = new Server(http, { maxHttpBufferSize: LIMITS.socketMaxPayloadBytes, serveClient: false });
const seqs = new Map<string, number>();

function relay(socket: Socket, author: 'visitor' | 'agent') {
  socket.on(EVENTS.messageSend, (input: Send, ack: Ack) => {
    const seq = (seqs.get(input.conversationId) ?? 0) + 1;
    seqs.set(input.conversationId, seq);
    const message = {
      id: randomUUID(),
      seq,
      author,
      kind: 'text',
      createdAt: new Date().toISOString(),
      ...input,
    };
    ack({ ok: true, data: { message, duplicate: false } });
    io.of(NAMESPACES.visitor).to(`v:${input.conversationId}`).emit(EVENTS.messageNew, message);
    io.of(NAMESPACES.agent).to(`c:${input.conversationId}`).emit(EVENTS.messageNew, message);
  });
}

io.of(NAMESPACES.visitor).on('connection', (socket) => {
  // The conversation id is the visitor id the client chose.
  const id = String((socket.handshake.auth as { visitorId?: unknown }).visitorId);
  void socket.join(`v:${id}`);
  socket.on(EVENTS.conversationOpen, (_input: unknown, ack: Ack) =>
    ack({ ok: true, data: { conversation: { id } } }),
  );
  relay(socket, 'visitor');
});
io.of(NAMESPACES.agent).on('connection', (socket) => {
  socket.on(EVENTS.conversationTake, (_input: unknown, ack: Ack) => ack({ ok: true, data: null }));
  socket.on(EVENTS.conversationWatch, (input: { conversationId: string }, ack: Ack) => {
    void socket.join(`c:${input.conversationId}`);
    ack({ ok: true, data: null });
  });
  relay(socket, 'agent');
});

serveIpc({
  start: () =>
    new Promise((resolve) =>
      http.listen(0, '127.0.0.1', () =>
        resolve({ url: `http://127.0.0.1:${(http.address() as AddressInfo).port}` }),
      ),
    ),
  stats: (collect: boolean) => processStats(collect),
});
