/**
 * The token across server-side disconnects (issue 12's second-device race). The server acks a
 * verified identify with `reconnect: true` and closes the socket right behind the ack; when both
 * packets arrive in one payload (long-polling on a loaded machine), socket.io-client delivers each in
 * its own microtask (`Manager.ondecoded` → `nextTick`), so the disconnect runs before any code that
 * awaits the ack resumes. The socket below delivers packets exactly that way, which the real client
 * does only when the network happens to batch them.
 */
import { EVENTS } from '@frontdesk/shared';
import type { io } from 'socket.io-client';
import { describe, expect, it, vi } from 'vitest';
import { memoryStore } from '../storage.ts';
import { createSocketTransport } from './socket.ts';

type Listener = (...args: unknown[]) => void;
type Emitted = { event: string; input: unknown; ack: (err: Error | null, result?: unknown) => void };

/** socket.io-client's `Socket`, as far as the transport uses it, with the server's side scripted. */
function scriptedSocket() {
  const listeners = new Map<string, Listener[]>();
  const emitted: Emitted[] = [];
  const tokens: string[] = [];
  let auth: (cb: (data: { token: string }) => void) => void = () => undefined;
  const fire = (event: string, ...args: unknown[]) => {
    for (const listener of listeners.get(event) ?? []) listener(...args);
  };
  const socket = {
    connected: false,
    active: false,
    sendBuffer: [] as unknown[],
    on(event: string, listener: Listener) {
      listeners.set(event, [...(listeners.get(event) ?? []), listener]);
      return socket;
    },
    connect() {
      socket.active = true;
      auth(({ token }) => {
        tokens.push(token);
        queueMicrotask(() => {
          socket.connected = true;
          fire('connect');
        });
      });
      return socket;
    },
    disconnect() {
      socket.connected = false;
      socket.active = false;
      return socket;
    },
    timeout: () => ({
      emit: (event: string, input: unknown, ack: Emitted['ack']) => emitted.push({ event, input, ack }),
    }),
  };
  const factory = ((_url: string, options: { auth: typeof auth }) => {
    auth = options.auth;
    return socket;
  }) as unknown as typeof io;
  return {
    factory,
    emitted,
    /** The tokens each connection attempt sent, in order. */
    tokens,
    /** Packets of one payload: each delivered in its own microtask, in order, as socket.io-client does. */
    deliver(...packets: (() => void)[]) {
      for (const packet of packets) queueMicrotask(packet);
    },
    serverEvent: (event: string, payload: unknown) => () => fire(event, payload),
    serverDisconnect: () => () => {
      socket.connected = false;
      socket.active = false;
      fire('disconnect', 'io server disconnect');
    },
  };
}

function transportOn(server: ReturnType<typeof scriptedSocket>) {
  let minted = 0;
  const fetch = vi.fn(
    async () =>
      new Response(JSON.stringify({ token: `token-${++minted}`, visitorId: `v${minted}` }), {
        status: 201,
        headers: { 'content-type': 'application/json' },
      }),
  );
  const transport = createSocketTransport({
    base: 'https://chat.example',
    siteKey: 'site-1',
    store: memoryStore(),
    fetch,
    io: server.factory,
  });
  const statuses: string[] = [];
  transport.subscribe((event) => {
    if (event.type === 'status') statuses.push(event.status);
  });
  return { transport, fetch, statuses };
}

const onlineCount = (statuses: string[]) => statuses.filter((s) => s === 'online').length;

describe('socket transport: the token across server disconnects', () => {
  it('a merge (ack and close in one payload) reconnects with the same token and mints none', async () => {
    const server = scriptedSocket();
    const { transport, fetch, statuses } = transportOn(server);
    transport.start();
    await vi.waitFor(() => expect(onlineCount(statuses)).toBe(1));
    expect(server.tokens).toEqual(['token-1']);

    const reply = transport.request(EVENTS.contactIdentify, { userId: 'u-42', userHash: 'ab'.repeat(32) });
    const identify = server.emitted.at(-1)!;
    expect(identify.event).toBe(EVENTS.contactIdentify);
    server.deliver(
      () =>
        identify.ack(null, {
          ok: true,
          data: { identity: 'verified', reconnect: true, conversationsMoved: 0 },
        }),
      server.serverDisconnect(),
    );
    expect(await reply).toMatchObject({ ok: true, data: { reconnect: true } });
    await vi.waitFor(() => expect(onlineCount(statuses)).toBe(2));
    // The same token, which now opens the customer's contact; no new anonymous session.
    expect(server.tokens).toEqual(['token-1', 'token-1']);
    expect(fetch).toHaveBeenCalledOnce();
    transport.stop();
  });

  it('a session the server ended (session:ended, then the close) reconnects with a new token', async () => {
    const server = scriptedSocket();
    const { transport, fetch, statuses } = transportOn(server);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    transport.start();
    await vi.waitFor(() => expect(onlineCount(statuses)).toBe(1));
    server.deliver(
      server.serverEvent(EVENTS.sessionEnded, { code: 'logged_out' }),
      server.serverDisconnect(),
    );
    await vi.waitFor(() => expect(onlineCount(statuses)).toBe(2));
    expect(server.tokens).toEqual(['token-1', 'token-2']);
    expect(fetch).toHaveBeenCalledTimes(2);
    warn.mockRestore();
    transport.stop();
  });
});
