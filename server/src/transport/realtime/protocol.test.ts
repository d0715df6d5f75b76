/**
 * What a client that is not our widget or console can send: wrong shapes (A3), malformed and binary
 * packets, unknown events, events without acks (L5), and oversized packets (L1). Each gets an
 * `{ ok: false }` or that connection closes; the process and every other client go on.
 */
import { EVENTS, LIMITS, type SessionInitResult } from '@frontdesk/shared';
import { pino } from 'pino';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, callRaw, clientId, connected, type Harness, startHarness } from '../../testing/harness.ts';

const logLines: string[] = [];
const logger = pino({ level: 'warn' }, { write: (line: string) => void logLines.push(line) });

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ logger });
});
afterAll(async () => {
  await h.close();
});

const closedReason = (socket: Socket) =>
  new Promise<string>((resolve) => socket.once('disconnect', (reason) => resolve(reason)));

/** The engine.io connection under a socket: raw frames, below socket.io's encoder. */
const engine = (socket: Socket) => socket.io.engine;

/** A socket without its event map: these tests send what the protocol does not allow. */
const offProtocol = (socket: Socket): Socket => socket;

async function connectedVisitor() {
  const v = await h.newVisitor();
  await connected(v.socket);
  return v.socket;
}

/** The server still serves a new client, over sockets and HTTP. */
async function expectServing() {
  const socket = await connectedVisitor();
  const init = await call<SessionInitResult>(socket, EVENTS.sessionInit, {});
  expect(init.site.name).toBe('Nordic Nest');
  expect((await fetch(`${h.url}/healthz`)).status).toBe(200);
  socket.disconnect();
}

const logged = (reason: string) => logLines.some((line) => line.includes(`"reason":"${reason}"`));

describe('A3 wrong shapes', () => {
  it('A3 arrays, $regex, __proto__, huge numbers and empty strings get { ok: false } on every event; nothing is polluted', async () => {
    const socket = await connectedVisitor();
    const proto = (json: string) => JSON.parse(json) as unknown;
    const cases: [string, unknown][] = [
      [EVENTS.sessionInit, []],
      [EVENTS.sessionInit, [{ locale: 'en' }]],
      [EVENTS.sessionInit, { locale: '' }],
      [EVENTS.sessionInit, { locale: { $regex: '.*' } }],
      [EVENTS.sessionInit, proto('{"__proto__":{"polluted":true}}')],
      [EVENTS.conversationOpen, []],
      [EVENTS.conversationOpen, { page: [] }],
      [EVENTS.conversationOpen, { fresh: 'yes' }],
      [EVENTS.conversationOpen, proto('{"constructor":{"prototype":{"polluted":true}}}')],
      [EVENTS.messageSend, { conversationId: { $regex: '.*' }, clientId: clientId(), body: 'x' }],
      [EVENTS.messageSend, { conversationId: '', clientId: clientId(), body: 'x' }],
      [EVENTS.messageSend, { conversationId: 'c', clientId: clientId(), body: '' }],
      [EVENTS.messageSend, { conversationId: 'c', clientId: clientId(), body: 'x', quickReply: [] }],
      [
        EVENTS.messageSend,
        proto('{"conversationId":"c","clientId":"abcdefgh","body":"x","__proto__":{"polluted":true}}'),
      ],
      [EVENTS.messagesSync, { conversationId: 'c', afterSeq: 1e308 }],
      [EVENTS.messagesSync, { conversationId: 'c', afterSeq: -1 }],
      [EVENTS.messagesSync, { conversationId: 'c', afterSeq: 1.5 }],
      [EVENTS.messagesSync, { conversationId: 'c', afterSeq: '0' }],
      [EVENTS.conversationRate, { conversationId: 'c', rating: 1e21 }],
      [EVENTS.conversationHandoff, [{ conversationId: 'c' }]],
      [EVENTS.botNotHelpful, null],
      [EVENTS.pageView, { url: '', title: '' }],
      [EVENTS.pageView, { url: 'https://x.example/'.padEnd(LIMITS.urlMaxLength + 10, 'a'), title: 't' }],
    ];
    for (const [event, payload] of cases) {
      const result = await callRaw(socket, event, payload);
      expect(result, `${event} ${JSON.stringify(payload)}`).toMatchObject({ ok: false });
      if (!result.ok) expect(['bad_request', 'too_large']).toContain(result.error.code);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(socket.connected).toBe(true);
  });

  it('A3 agent events refuse wrong shapes too', async () => {
    const agent = await h.newAgent('Shapes');
    await connected(agent.socket);
    for (const [event, payload] of [
      [EVENTS.conversationWatch, []],
      [EVENTS.conversationTake, { conversationId: { $ne: null } }],
      [EVENTS.messageSend, { conversationId: 'c', clientId: clientId(), body: 'x', kind: 'system' }],
      [EVENTS.messagesSync, { conversationId: 'c', afterSeq: Number.MAX_VALUE }],
    ] as const) {
      expect(await callRaw(agent.socket, event, payload)).toMatchObject({
        ok: false,
        error: { code: 'bad_request' },
      });
    }
  });
});

describe('L5 protocol violations', () => {
  it('L5 an unknown event closes that connection, with a log line; the process lives', async () => {
    const socket = await connectedVisitor();
    const gone = closedReason(socket);
    offProtocol(socket).emit('no:such:event', {}, () => {});
    expect(await gone).toBe('io server disconnect');
    expect(logged('unknown event')).toBe(true);
    await expectServing();
  });

  it('L5 an event without an ack, or with extra arguments, closes that connection', async () => {
    const bare = await connectedVisitor();
    const goneBare = closedReason(bare);
    offProtocol(bare).emit(EVENTS.pageView, {
      url: h.origin,
      title: '',
    });
    expect(await goneBare).toBe('io server disconnect');
    const extra = await connectedVisitor();
    const goneExtra = closedReason(extra);
    offProtocol(extra).emit(EVENTS.sessionInit, {}, 'more', () => {});
    expect(await goneExtra).toBe('io server disconnect');
    expect(logged('event without a payload and an ack')).toBe(true);
    await expectServing();
  });

  it.each([
    ['invalid JSON', '2/visitor,0["session:init",{'],
    ['a payload that is not an array', '2/visitor,0{"a":1}'],
    ['an unknown packet type', '9/visitor,'],
    ['a number as the event name', '2/visitor,0[1,{}]'],
    ['a CONNECT to a namespace twice', '0/visitor,{}'],
    ['a binary packet header', '51-/visitor,0["page:view",{"_placeholder":true,"num":0}]'],
  ])('L5 a malformed packet (%s) closes that connection; the process lives', async (_name, packet) => {
    const socket = await connectedVisitor();
    const gone = closedReason(socket);
    engine(socket).write(packet);
    expect(['transport close', 'io server disconnect']).toContain(await gone);
    await expectServing();
  });

  it('L5 binary data closes the connection at the first packet, with a log line', async () => {
    const viaEmit = await connectedVisitor();
    const goneEmit = closedReason(viaEmit);
    viaEmit.emit(EVENTS.pageView, Buffer.alloc(1024) as never, () => {});
    expect(await goneEmit).toBe('transport close');
    const raw = await connectedVisitor();
    const goneRaw = closedReason(raw);
    for (let i = 0; i < 100; i++) engine(raw).write(new Uint8Array(1024));
    expect(await goneRaw).toBe('transport close');
    expect(logged('protocol error')).toBe(true);
    await expectServing();
  });
});

describe('L1 oversized socket packets', () => {
  it('L1 a 10 MB message closes the connection before it is buffered; one over the length limit gets too_large', async () => {
    const socket = await connectedVisitor();
    const opened = await callRaw<{ conversation: { id: string } }>(socket, EVENTS.conversationOpen, {});
    if (!opened.ok) throw new Error('open failed');
    const conversationId = opened.data.conversation.id;
    const tooLong = await callRaw(socket, EVENTS.messageSend, {
      conversationId,
      clientId: clientId(),
      body: 'x'.repeat(LIMITS.messageMaxLength + 1),
    });
    expect(tooLong).toMatchObject({ ok: false, error: { code: 'too_large' } });

    const gone = closedReason(socket);
    socket.emit(
      EVENTS.messageSend,
      { conversationId, clientId: clientId(), body: 'x'.repeat(10 * 1024 * 1024) },
      () => {},
    );
    // The server reads the frame header, sees more than LIMITS.socketMaxPayloadBytes and closes.
    expect(['transport close', 'transport error']).toContain(await gone);
    const stored = await h.storage.listMessages(conversationId, 0, 10);
    expect(stored).toEqual([]);
    await expectServing();
  });
});
