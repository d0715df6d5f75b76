/**
 * L2 and L3 against a real server with the real budgets (`RATE_LIMIT_SCALE=1`). The server trusts
 * loopback as a proxy, so each test plays a different client address with `X-Forwarded-For`.
 */
import {
  type AckResult,
  type AgentConversation,
  API,
  EVENTS,
  NAMESPACES,
  type OpenResult,
  RATE_LIMITS,
  ROUTES,
} from '@frontdesk/shared';
import { pino } from 'pino';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  call,
  callRaw,
  clientId,
  connected,
  type Harness,
  startHarness,
  waitFor,
} from '../../testing/harness.ts';

const logLines: string[] = [];
const logger = pino({ level: 'warn' }, { write: (line: string) => void logLines.push(line) });

let h: Harness;
let untrusted: Harness;
const sockets: Socket[] = [];
beforeAll(async () => {
  h = await startHarness({ env: { RATE_LIMIT_SCALE: '1', TRUST_PROXY: 'loopback' }, logger });
  untrusted = await startHarness({ env: { RATE_LIMIT_SCALE: '1' } });
});
afterAll(async () => {
  for (const socket of sockets) socket.disconnect();
  await Promise.all([h.close(), untrusted.close()]);
});

let addresses = 0;
const nextAddress = () => `203.0.113.${++addresses}`;

function mint(server: Harness, address: string) {
  return fetch(server.url + API.visitorSessions, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server.origin, 'x-forwarded-for': address },
    body: JSON.stringify({ siteKey: server.site.key }),
  });
}

async function token(address: string) {
  const res = await mint(h, address);
  expect(res.status).toBe(201);
  return ((await res.json()) as { token: string }).token;
}

function socketFor(visitorToken: string, address: string) {
  const socket = io(h.url + NAMESPACES.visitor, {
    auth: { siteKey: h.site.key, token: visitorToken },
    extraHeaders: { origin: h.origin, 'x-forwarded-for': address },
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
  });
  sockets.push(socket);
  return socket;
}

async function visitor(address = nextAddress()) {
  const socket = socketFor(await token(address), address);
  await connected(socket);
  const opened = await callRaw<OpenResult>(socket, EVENTS.conversationOpen, { locale: 'en' });
  if (!opened.ok) throw new Error(opened.error.code);
  return { socket, address, conversationId: opened.data.conversation.id };
}

const closedReason = (socket: Socket) =>
  new Promise<string>((resolve) => socket.once('disconnect', (reason) => resolve(reason)));

const message = (conversationId: string, body: string) => ({ conversationId, clientId: clientId(), body });

/** The most a budget can accept from `started` until now: its burst plus what refilled meanwhile. */
const atMost = (budget: { burst: number; perMinute: number }, started: number) =>
  budget.burst + Math.ceil(((performance.now() - started) / 60_000) * budget.perMinute) + 1;

describe('L3 visitor sessions', () => {
  it('L3 one address mints its burst of visitor sessions, then gets 429 rate_limited with Retry-After', async () => {
    const { burst, perMinute } = RATE_LIMITS.http.visitorSession.address;
    const address = nextAddress();
    const started = performance.now();
    const statuses: number[] = [];
    let refused: Response | null = null;
    for (let i = 0; i < 300; i++) {
      const res = await mint(h, address);
      statuses.push(res.status);
      if (res.status === 429) refused ??= res;
      else await res.body?.cancel();
    }
    const minted = statuses.filter((s) => s === 201).length;
    expect(minted).toBeGreaterThanOrEqual(burst);
    expect(minted).toBeLessThanOrEqual(atMost({ burst, perMinute }, started));
    expect(statuses.filter((s) => s !== 201 && s !== 429)).toEqual([]);
    expect(refused?.headers.get('retry-after')).toMatch(/^[1-9]\d*$/);
    // A widget on another origin can read the refusal.
    expect(refused?.headers.get('access-control-allow-origin')).toBe('*');
    expect(await refused?.json()).toMatchObject({
      ok: false,
      error: { code: 'rate_limited', retryAfter: expect.any(Number) },
    });
    // Another address is not affected.
    expect((await mint(h, nextAddress())).status).toBe(201);
  });

  it('L3 a spoofed X-Forwarded-For is ignored when the peer is not a configured proxy', async () => {
    const budget = RATE_LIMITS.http.visitorSession.address;
    const started = performance.now();
    const statuses: number[] = [];
    for (let i = 0; i < budget.burst * 3; i++) {
      const res = await mint(untrusted, `198.51.100.${i + 1}`);
      statuses.push(res.status);
      await res.body?.cancel();
    }
    expect(statuses.filter((s) => s === 201).length).toBeLessThanOrEqual(atMost(budget, started));
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(budget.burst / 2);
  });

  it('L3 the per-site cap holds across addresses', async () => {
    const small = await startHarness({
      rateLimits: {
        ...RATE_LIMITS,
        http: {
          ...RATE_LIMITS.http,
          visitorSession: { ...RATE_LIMITS.http.visitorSession, site: { burst: 5, perMinute: 1 } },
        },
      },
      env: { TRUST_PROXY: 'loopback' },
    });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 12; i++) statuses.push((await mint(small, `192.0.2.${i + 1}`)).status);
      expect(statuses.filter((s) => s === 201)).toHaveLength(5);
      expect(statuses.slice(5).every((s) => s === 429)).toBe(true);
    } finally {
      await small.close();
    }
  });

  it('L3 a flood of handshakes from one address is refused with rate_limited before any lookup', async () => {
    const address = nextAddress();
    const { burst, perMinute } = RATE_LIMITS.handshake.visitor;
    const started = performance.now();
    let unauthorized = 0;
    let limited: Error | null = null;
    // Forged tokens: each costs a lookup until the address's budget is spent.
    for (let i = 0; i < 20 * burst && !limited; i++) {
      const socket = socketFor('A'.repeat(43), address);
      const error = await connected(socket).then(
        () => null,
        (e: Error) => e,
      );
      socket.disconnect();
      if (error?.message === 'unauthorized') unauthorized += 1;
      else if (error?.message === 'rate_limited') limited = error;
      else throw new Error(`unexpected handshake outcome: ${error?.message ?? 'connected'}`);
    }
    expect(unauthorized).toBeGreaterThanOrEqual(burst);
    expect(unauthorized).toBeLessThanOrEqual(atMost({ burst, perMinute }, started));
    expect((limited as (Error & { data?: unknown }) | null)?.data).toMatchObject({
      code: 'rate_limited',
      retryAfter: expect.any(Number),
    });
  });
});

describe('L2 budgets', () => {
  it('L2 every API request spends from its address: past the budget, 429 rate_limited with Retry-After', async () => {
    const budget = RATE_LIMITS.http.api;
    const address = nextAddress();
    const started = performance.now();
    let served = 0;
    let refused: Response | null = null;
    for (let i = 0; i < 20 * budget.burst && !refused; i++) {
      const res = await fetch(`${h.url}/api/v1/nothing`, { headers: { 'x-forwarded-for': address } });
      if (res.status === 429) refused = res;
      else served += 1;
      await res.body?.cancel();
    }
    expect(served).toBeGreaterThanOrEqual(budget.burst);
    expect(served).toBeLessThanOrEqual(atMost(budget, started));
    expect(refused?.headers.get('retry-after')).toMatch(/^[1-9]\d*$/);
    expect(
      (await fetch(`${h.url}/api/v1/nothing`, { headers: { 'x-forwarded-for': nextAddress() } })).status,
    ).toBe(404);
  });
  it('L2 1 000 messages a second from one visitor: a clear rate_limited, nothing extra stored, others served', async () => {
    const flooder = await visitor();
    const calm = await visitor();
    const agent = await h.newAgent('Watcher');
    await connected(agent.socket);
    await call(agent.socket, EVENTS.listsShow, { showing: true }); // issue 17: previews to list consoles
    const budget = RATE_LIMITS.visitor[EVENTS.messageSend].identity;
    const started = performance.now();
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        callRaw(flooder.socket, EVENTS.messageSend, message(flooder.conversationId, `flood ${i}`)),
      ),
    );
    const accepted = results.filter((r) => r.ok).length;
    expect(accepted).toBeGreaterThanOrEqual(budget.burst);
    expect(accepted).toBeLessThanOrEqual(atMost(budget, started));
    const refused = results.find((r): r is Extract<AckResult<unknown>, { ok: false }> => !r.ok);
    expect(refused?.error).toMatchObject({ code: 'rate_limited', retryAfter: expect.any(Number) });
    expect(refused?.error.message).toMatch(/too many .*message:send.*try again in \d+ s/);
    const stored = await h.storage.listMessages(flooder.conversationId, 0, 1000);
    expect(stored.filter((m) => m.author === 'visitor')).toHaveLength(accepted);
    // The flooder is still connected (a mild overrun is not a flood) and another visitor is served.
    expect(flooder.socket.connected).toBe(true);
    const toAgent = waitFor<AgentConversation>(
      agent.socket,
      EVENTS.conversationUpdated,
      (c) => c.id === calm.conversationId,
    );
    const ok = await callRaw(calm.socket, EVENTS.messageSend, message(calm.conversationId, 'hello'));
    expect(ok.ok).toBe(true);
    await toAgent;
  });

  it('L2 opening more sockets does not multiply the budget', async () => {
    const address = nextAddress();
    const visitorToken = await token(address);
    const tabs = [
      socketFor(visitorToken, address),
      socketFor(visitorToken, address),
      socketFor(visitorToken, address),
    ];
    await Promise.all(tabs.map(connected));
    const opened = await callRaw<OpenResult>(tabs[0]!, EVENTS.conversationOpen, {});
    if (!opened.ok) throw new Error('open failed');
    const cid = opened.data.conversation.id;
    const started = performance.now();
    const results = await Promise.all(
      tabs.flatMap((tab) =>
        Array.from({ length: 15 }, (_, i) => callRaw(tab, EVENTS.messageSend, message(cid, `tab ${i}`))),
      ),
    );
    const budget = RATE_LIMITS.visitor[EVENTS.messageSend].identity;
    expect(results.filter((r) => r.ok).length).toBeLessThanOrEqual(atMost(budget, started));
  });

  it('L2 a gross flood (ten times the budget) closes that connection; the process and everyone else go on', async () => {
    const flooder = await visitor();
    const calm = await visitor();
    const gone = closedReason(flooder.socket);
    for (let i = 0; i < 400; i++) {
      flooder.socket.emit(EVENTS.messageSend, message(flooder.conversationId, `x${i}`), () => {});
    }
    expect(await gone).toBe('io server disconnect');
    expect(logLines.some((line) => line.includes('"reason":"flood"'))).toBe(true);
    const ok = await callRaw(calm.socket, EVENTS.messageSend, message(calm.conversationId, 'still here'));
    expect(ok.ok).toBe(true);
    expect((await fetch(`${h.url}/healthz`)).status).toBe(200);
  });

  it('L2 page views over budget are coalesced and acked ok; agents get one list update per interval, the latest page', async () => {
    const v = await visitor();
    const agent = await h.newAgent('Lists');
    await connected(agent.socket);
    await call(agent.socket, EVENTS.listsShow, { showing: true });
    const updates: AgentConversation[] = [];
    agent.socket.on(EVENTS.conversationUpdated, (c) => {
      if (c.id === v.conversationId) updates.push(c);
    });
    const last = waitFor<AgentConversation>(
      agent.socket,
      EVENTS.conversationUpdated,
      (c) => c.id === v.conversationId && c.page?.title === 'Page 300',
    );
    const started = performance.now();
    const acks = await Promise.all(
      Array.from({ length: 300 }, (_, i) =>
        callRaw(v.socket, EVENTS.pageView, { url: `${h.origin}/demo/p/${i + 1}`, title: `Page ${i + 1}` }),
      ),
    );
    expect(acks.every((a) => a.ok)).toBe(true);
    await last;
    const intervals =
      (performance.now() - started) / (RATE_LIMITS.visitor[EVENTS.pageView].coalesceMs ?? 1000);
    expect(updates.length).toBeLessThanOrEqual(Math.ceil(intervals) + 2);
    expect(v.socket.connected).toBe(true);
    const stored = await h.storage.getConversation(v.conversationId);
    expect(stored?.visitor.pageTitle).toBe('Page 300');
  });

  it('L2 agents have budgets too', async () => {
    const v = await visitor();
    const agent = await h.newAgent('Busy');
    await connected(agent.socket);
    const started = performance.now();
    const results = await Promise.all(
      Array.from({ length: 100 }, () =>
        callRaw(agent.socket, EVENTS.conversationWatch, { conversationId: v.conversationId }),
      ),
    );
    const budget = RATE_LIMITS.agent[EVENTS.conversationWatch].identity;
    expect(results.filter((r) => r.ok).length).toBeLessThanOrEqual(atMost(budget, started));
    expect(results.find((r) => !r.ok)).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
  });

  it('L2 a legitimate widget is never refused: several tabs, reconnect storms, fast navigation, an outbox flush', async () => {
    const address = nextAddress();
    const visitorToken = await token(address);
    const tabs = [
      socketFor(visitorToken, address),
      socketFor(visitorToken, address),
      socketFor(visitorToken, address),
    ];
    const failures: unknown[] = [];
    const expectOk = <T>(result: AckResult<T>) => {
      if (!result.ok) failures.push(result.error);
      return result;
    };
    let cid = '';
    for (let round = 0; round < 3; round++) {
      await Promise.all(tabs.map(connected));
      await Promise.all(
        tabs.map(async (tab, i) => {
          expectOk(await callRaw(tab, EVENTS.sessionInit, { locale: 'en' }));
          const page = { url: `${h.origin}/demo/tab/${i}`, title: `Tab ${i}` };
          const opened = expectOk(
            await callRaw<OpenResult>(tab, EVENTS.conversationOpen, { locale: 'en', page }),
          );
          if (opened.ok) cid = opened.data.conversation.id;
          expectOk(await callRaw(tab, EVENTS.messagesSync, { conversationId: cid, afterSeq: 0 }));
          expectOk(await callRaw(tab, EVENTS.pageView, page));
        }),
      );
      // The server restarts (or the network drops): every tab reconnects at once.
      for (const tab of tabs) tab.disconnect();
      for (const tab of tabs) tab.connect();
    }
    await Promise.all(tabs.map(connected));
    const [tab] = tabs;
    if (!tab) throw new Error('no tab');
    for (let i = 0; i < 25; i++) {
      expectOk(await callRaw(tab, EVENTS.pageView, { url: `${h.origin}/demo/p/${i}`, title: `P${i}` }));
    }
    for (let i = 0; i < 15; i++) {
      expectOk(await callRaw(tab, EVENTS.messageSend, message(cid, `queued while offline ${i}`)));
    }
    expect(failures).toEqual([]);
  });
});

describe('L3 the public lookups outside /api', () => {
  it('L3 a flood of per-site loader and image requests from one address is throttled like the API', async () => {
    const small = await startHarness({
      rateLimits: { ...RATE_LIMITS, http: { ...RATE_LIMITS.http, api: { burst: 4, perMinute: 1 } } },
      env: { TRUST_PROXY: 'loopback' },
    });
    try {
      const get = (path: string, address: string) =>
        fetch(small.url + path, { headers: { 'x-forwarded-for': address } }).then((r) => r.status);
      const loader = ROUTES.siteLoader.replace(':siteKey', `nope-${Date.now()}`);
      const image = ROUTES.image.replace(':imageId', 'nope');
      const statuses: number[] = [];
      for (let i = 0; i < 3; i++)
        statuses.push(await get(loader, '198.51.100.9'), await get(image, '198.51.100.9'));
      expect(statuses.filter((s) => s === 404)).toHaveLength(4);
      expect(statuses.filter((s) => s === 429)).toHaveLength(2);
      // Another client is not affected.
      expect(await get(loader, '198.51.100.10')).toBe(404);
    } finally {
      await small.close();
    }
  });
});
