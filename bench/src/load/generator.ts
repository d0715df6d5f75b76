/**
 * The load generator, in its own process (never the server's): visitor and agent sockets in pairs,
 * an open-loop steady message rate in both directions, and per-message timestamps for send, ack and
 * arrival on the other side. Both sides live in this process, so one clock measures delivery.
 */
import { API, EVENTS, NAMESPACES } from '@frontdesk/shared';
import { io, type Socket } from 'socket.io-client';
import { serveIpc } from '../ipc.ts';
import { summarize } from '../stats.ts';
import { agentNode, agentOf as agentOfPair, idleNode, siteOf as siteOfPair, visitorNode } from './nodes.ts';
import {
  type AckedMessages,
  BENCH_ORIGIN,
  LISTS_PER_SITE,
  type PhaseResult,
  type PhaseSpec,
  type TargetKind,
  type Team,
  type Topology,
} from './protocol.ts';

type Ack = { ok: boolean; data?: unknown; error?: { code: string } };
type Pair = { visitor: Socket; agent: Socket | null; conversationId: string };
/** How the pairs share agent sockets and sites (see `Topology` in protocol.ts). */
type Arrival = { clientId: string | null; author: string };

let target: TargetKind = 'bare';
/** One address per node of the target (see nodes.ts for which socket goes where). */
let urls: string[] = [];
let topology: Topology = { chatsPerAgent: 1, agentsPerSite: 1 };
const pairs: Pair[] = [];
const agents: Socket[] = [];
const agentOf = (pairIndex: number) => agentOfPair(pairIndex, topology);
const siteOf = (pairIndex: number) => siteOfPair(pairIndex, topology);
let disconnects = 0;
/**
 * Every socket.io packet the server wrote to this process's sockets (one WebSocket frame each: events,
 * acks, broadcasts), counted as it is decoded, by event name (`ack` for acknowledgements).
 */
const framesByEvent = new Map<string, number>();
let frames = 0;
function countFrame(packet: { type: number; data?: unknown }) {
  // socket.io-parser packet types: 2 EVENT, 3 ACK (binary ones, 5 and 6, are never used here).
  if (packet.type !== 2 && packet.type !== 3) return;
  frames += 1;
  const name = packet.type === 3 ? 'ack' : String((packet.data as unknown[] | undefined)?.[0]);
  framesByEvent.set(name, (framesByEvent.get(name) ?? 0) + 1);
}

// Per message, indexed by its number n (client id `bench-<n>`).
const sentAt: number[] = [];
const ackAt: number[] = [];
const arrivedAt: number[] = [];
const fromVisitor: boolean[] = [];
const pairOf: number[] = [];
let ackErrors = 0;
const ackFailed: boolean[] = [];
/** Error codes of failed acks, counted (first message of each kept for the report). */
const errorCodes = new Map<string, number>();
const MAX_MESSAGES = 2_000_000;

/** At least 8 characters, as the protocol's client id requires. */
const clientIdOf = (n: number) => `bench-${String(n).padStart(4, '0')}`;
const numberOf = (clientId: string | null) =>
  clientId?.startsWith('bench-') ? Number(clientId.slice('bench-'.length)) : -1;

/** Runs `fn` over `items` with at most `limit` in flight. */
async function pool<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

function connect(
  url: string,
  namespace: string,
  options: { auth?: object; headers?: Record<string, string> },
) {
  const socket = io(url + namespace, {
    auth: options.auth ?? {},
    extraHeaders: options.headers ?? {},
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    timeout: 30_000,
  });
  socket.io.on('packet', countFrame);
  return new Promise<Socket>((resolve, reject) => {
    socket.once('connect', () => {
      socket.on('disconnect', () => {
        disconnects += 1;
      });
      resolve(socket);
    });
    socket.once('connect_error', (error) => reject(new Error(`${namespace}: ${error.message}`)));
  });
}

function call(socket: Socket, event: string, payload: unknown): Promise<unknown> {
  return socket
    .timeout(30_000)
    .emitWithAck(event, payload)
    .then((result: Ack) => {
      if (!result.ok) throw new Error(`${event}: ${result.error?.code ?? 'failed'}`);
      return result.data;
    });
}

function onArrival(author: 'visitor' | 'agent') {
  return (message: Arrival) => {
    if (message.author !== author) return; // the sender's own echo
    const n = numberOf(message.clientId);
    if (n >= 0 && arrivedAt[n] === undefined) arrivedAt[n] = performance.now();
  };
}

async function newVisitorSocket(
  index: number,
  teams: Team[],
  url: string,
  bareId = `p${index}`,
): Promise<Socket> {
  if (target === 'bare') return connect(url, NAMESPACES.visitor, { auth: { visitorId: bareId } });
  const team = teams[siteOf(index)]!;
  const res = await fetch(url + API.visitorSessions, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: BENCH_ORIGIN },
    body: JSON.stringify({ siteKey: team.siteKey }),
  });
  if (res.status !== 201) throw new Error(`visitor session: ${res.status} ${await res.text()}`);
  const { token } = (await res.json()) as { token: string };
  return connect(url, NAMESPACES.visitor, {
    auth: { siteKey: team.siteKey, token },
    headers: { origin: BENCH_ORIGIN },
  });
}

/** Idle visitor sockets up to `toPairs` (authenticated, no conversation yet). */
async function connectVisitors(input: { toPairs: number; teams: Team[] }) {
  const indexes = Array.from(
    { length: Math.max(0, input.toPairs - pairs.length) },
    (_, i) => pairs.length + i,
  );
  const sockets: Socket[] = [];
  await pool(indexes, 64, async (index) => {
    const url = urls[visitorNode(index, topology, urls.length)]!;
    sockets[index - indexes[0]!] = await newVisitorSocket(index, input.teams, url);
  });
  for (const visitor of sockets) {
    visitor.on(EVENTS.messageNew, onArrival('agent'));
    pairs.push({ visitor, agent: null, conversationId: '' });
  }
  return { pairs: pairs.length };
}

/** Idle visitor sockets outside the pairs, for the memory measurement; closed by `dropIdle`. */
const idle: Socket[] = [];
async function connectIdle(input: { count: number; teams: Team[] }) {
  const base = idle.length;
  const indexes = Array.from({ length: input.count }, (_, i) => i);
  await pool(indexes, 64, async (i) => {
    const url = urls[idleNode(base + i, urls.length)]!;
    idle.push(await newVisitorSocket(i, input.teams, url, `idle${base + i}`));
  });
  return { idle: idle.length };
}

/** Agent sockets for new pairs; then per pair: open the conversation, take it over, watch it. */
async function connectAgents(input: { teams: Team[] }) {
  const needed = pairs.length === 0 ? 0 : agentOf(pairs.length - 1) + 1;
  const newAgents = Array.from({ length: Math.max(0, needed - agents.length) }, (_, i) => agents.length + i);
  const connected: Socket[] = [];
  await pool(newAgents, 32, async (a) => {
    const url = urls[agentNode(a, urls.length)]!;
    const headers =
      target === 'frontdesk'
        ? {
            origin: url,
            cookie: input.teams[Math.floor(a / topology.agentsPerSite)]!.cookies[a % topology.agentsPerSite]!,
          }
        : undefined;
    const agent = await connect(url, NAMESPACES.agent, headers ? { headers } : {});
    agent.on(EVENTS.messageNew, onArrival('visitor'));
    // Issue 17: this console shows the conversation list (it gets the site's message previews).
    if (target === 'frontdesk' && a % topology.agentsPerSite < (topology.listsPerSite ?? LISTS_PER_SITE))
      await call(agent, EVENTS.listsShow, { showing: true });
    connected[a - newAgents[0]!] = agent;
  });
  agents.push(...connected);
  const todo = pairs.map((pair, index) => ({ pair, index })).filter(({ pair }) => pair.agent === null);
  await pool(todo, 32, async ({ pair, index }) => {
    const opened = (await call(pair.visitor, EVENTS.conversationOpen, { locale: 'en' })) as {
      conversation: { id: string };
    };
    pair.conversationId = opened.conversation.id;
    const agent = agents[agentOf(index)]!;
    await call(agent, EVENTS.conversationTake, { conversationId: pair.conversationId });
    await call(agent, EVENTS.conversationWatch, { conversationId: pair.conversationId });
    pair.agent = agent;
  });
  return { pairs: pairs.length, agents: agents.length };
}

function send(n: number, pairIndex: number, visitorSends: boolean) {
  const pair = pairs[pairIndex]!;
  const socket = visitorSends ? pair.visitor : pair.agent!;
  fromVisitor[n] = visitorSends;
  pairOf[n] = pairIndex;
  sentAt[n] = performance.now();
  socket.emit(
    EVENTS.messageSend,
    { conversationId: pair.conversationId, clientId: clientIdOf(n), body: `load test message ${n}` },
    (result: Ack) => {
      if (result.ok) ackAt[n] = performance.now();
      else {
        ackErrors += 1;
        ackFailed[n] = true;
        const code = result.error?.code ?? 'unknown';
        errorCodes.set(code, (errorCodes.get(code) ?? 0) + 1);
      }
    },
  );
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One steady-rate phase: warm-up, a measured window, then a drain bounded in time. */
async function phase(spec: PhaseSpec): Promise<PhaseResult> {
  if (pairs.length === 0 || pairs.some((p) => p.agent === null)) throw new Error('connect pairs first');
  const first = sentAt.length;
  const cpu0 = process.cpuUsage();
  const start = performance.now();
  const warmEnd = start + spec.warmupMs;
  const end = warmEnd + spec.measureMs;
  let sent = 0;
  let measuredFrom = -1;
  let measuredTo = -1;
  const errors0 = ackErrors;
  const frames0 = frames;
  const byEvent0 = new Map(framesByEvent);
  const disconnects0 = disconnects;
  while (performance.now() < end) {
    const now = performance.now();
    const due = Math.floor((spec.rate * (now - start)) / 1000);
    // Open loop: what is due is sent, capped per tick so a stalled loop cannot flood.
    const burst = Math.min(due - sent, Math.ceil(spec.rate / 20));
    for (let i = 0; i < burst && sentAt.length < MAX_MESSAGES; i++) {
      const n = sentAt.length;
      if (measuredFrom < 0 && now >= warmEnd) measuredFrom = n;
      const k = n - first;
      send(n, k % pairs.length, (k + Math.floor(k / pairs.length)) % 2 === 0);
      sent += 1;
    }
    await sleep(2);
  }
  measuredTo = sentAt.length;
  if (measuredFrom < 0) measuredFrom = measuredTo;
  // Wait (bounded) until every message of the phase is acknowledged and delivered, so a backlog is
  // measured as latency rather than cut off, and cannot spill into the next phase.
  const drainEnd = performance.now() + spec.drainMs;
  const settled = (n: number) =>
    ackFailed[n] === true || (arrivedAt[n] !== undefined && ackAt[n] !== undefined);
  let lastUnsettled = first;
  while (performance.now() < drainEnd) {
    while (lastUnsettled < measuredTo && settled(lastUnsettled)) lastUnsettled += 1;
    if (lastUnsettled >= measuredTo) break;
    await sleep(20);
  }
  const cpu = process.cpuUsage(cpu0);
  const wall = performance.now() - start;

  const v2a: number[] = [];
  const a2v: number[] = [];
  const acks: number[] = [];
  let acked = 0;
  let ackMissing = 0;
  let delivered = 0;
  let lost = 0;
  let lastArrival = warmEnd;
  for (let n = measuredFrom; n < measuredTo; n++) {
    const t0 = sentAt[n]!;
    const ack = ackAt[n];
    const arrived = arrivedAt[n];
    if (ack !== undefined) {
      acked += 1;
      acks.push(ack - t0);
    } else if (!ackFailed[n]) ackMissing += 1;
    if (arrived !== undefined) {
      delivered += 1;
      (fromVisitor[n] ? v2a : a2v).push(arrived - t0);
      if (arrived > lastArrival) lastArrival = arrived;
    } else if (ack !== undefined) lost += 1;
  }
  const measured = measuredTo - measuredFrom;
  const perSent = (count: number) => (sent > 0 ? Math.round((count / sent) * 100) / 100 : 0);
  const framesPerMessageByEvent = Object.fromEntries(
    [...framesByEvent]
      .map(([name, count]) => [name, perSent(count - (byEvent0.get(name) ?? 0))] as const)
      .filter(([, perMessage]) => perMessage > 0),
  );
  return {
    rate: spec.rate,
    pairs: pairs.length,
    agentSockets: agents.length,
    measureMs: spec.measureMs,
    sent: measured,
    sentRate: Math.round((measured * 1000) / spec.measureMs),
    totalSent: sent,
    acked,
    ackErrors: ackErrors - errors0,
    ackMissing,
    delivered,
    lost,
    achievedRate: Math.round((delivered * 1000) / Math.max(spec.measureMs, lastArrival - warmEnd)),
    delivery: summarize([...v2a, ...a2v]),
    visitorToAgent: summarize(v2a),
    agentToVisitor: summarize(a2v),
    ack: summarize(acks),
    generatorCpuPct: Math.round(((cpu.user + cpu.system) / 1000 / wall) * 100),
    disconnects: disconnects - disconnects0,
    framesPerMessage: perSent(frames - frames0),
    framesPerMessageByEvent,
    errorCodes: Object.fromEntries(errorCodes),
  };
}

/** Every acknowledged message of the run, by conversation, and how many never arrived. */
function audit(): { acked: AckedMessages; ackedCount: number; undelivered: number } {
  const byConversation = new Map<string, string[]>();
  let ackedCount = 0;
  let undelivered = 0;
  for (let n = 0; n < sentAt.length; n++) {
    if (ackAt[n] === undefined) continue;
    ackedCount += 1;
    if (arrivedAt[n] === undefined) undelivered += 1;
    const id = pairs[pairOf[n]!]!.conversationId;
    const list = byConversation.get(id) ?? [];
    list.push(clientIdOf(n));
    byConversation.set(id, list);
  }
  return {
    acked: [...byConversation].map(([conversationId, clientIds]) => ({ conversationId, clientIds })),
    ackedCount,
    undelivered,
  };
}

serveIpc({
  init: (input: { target: TargetKind; urls: string[]; topology: Topology }) => {
    target = input.target;
    urls = input.urls;
    topology = input.topology;
    return null;
  },
  connectVisitors: (input: { toPairs: number; teams: Team[] }) => connectVisitors(input),
  connectAgents: (input: { teams: Team[] }) => connectAgents(input),
  connectIdle: (input: { count: number; teams: Team[] }) => connectIdle(input),
  dropIdle: async () => {
    for (const socket of idle.splice(0)) socket.disconnect();
    await sleep(1000);
    return null;
  },
  phase: (spec: PhaseSpec) => phase(spec),
  audit: () => audit(),
  close: async () => {
    for (const pair of pairs) pair.visitor.disconnect();
    for (const agent of agents) agent.disconnect();
    return null;
  },
});
