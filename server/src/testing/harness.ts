/** Test harness: a real server on port 0 with a fresh SQLite file, the demo site, and socket clients. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type AckResult,
  type AgentClientEvents,
  type AgentRole,
  type AgentServerEvents,
  API,
  EVENTS,
  NAMESPACES,
  type OpenResult,
  type RateLimits,
  type SessionInitResult,
  type VisitorClientEvents,
  type VisitorServerEvents,
} from '@frontdesk/shared';
import { io, type Socket } from 'socket.io-client';
import { ensureDemoSite } from '../app/bootstrap.ts';
import { type RunningServer, type StartOptions, startServer } from '../app/server.ts';
import { loadConfig } from '../config/config.ts';
import { createLogger, type Logger } from '../kernel/logger.ts';
import type { Site } from '../sites/store.ts';

export type VisitorSocket = Socket<VisitorServerEvents, VisitorClientEvents>;
export type AgentSocket = Socket<AgentServerEvents, AgentClientEvents>;

export type Harness = RunningServer & {
  site: Site;
  origin: string;
  newVisitor(origin?: string): Promise<{ token: string; socket: VisitorSocket }>;
  newAgent(name: string): Promise<{ email: string; cookie: string; socket: AgentSocket }>;
  /** An agent account only (for logging in through the console UI). */
  /** An agent of the demo site (an admin when asked), signed in nowhere yet. */
  createAgent(name: string, role?: AgentRole): Promise<{ email: string; password: string }>;
};

export type HarnessOptions = {
  /** Reuse a data dir (a restart keeps everything); default: a fresh temporary one. */
  dataDir?: string;
  /** Listen on this port (a restart keeps the address); default: any free port. */
  port?: number;
  /** Passed to the server (see `StartOptions`). */
  sessionRecheckMs?: number;
  /**
   * More environment for `loadConfig`. Tests and the bench create many visitors from 127.0.0.1, so
   * the default is `RATE_LIMIT_SCALE=100`; limit tests pass `'1'` (the real budgets).
   */
  env?: Record<string, string>;
  /** Replaces the budgets altogether (tests of one cap with small numbers). */
  rateLimits?: RateLimits;
  /** Default: silent. */
  logger?: Logger;
  /** Passed to the server (see `StartOptions`): the sites' bots, e.g. one that fails. */
  bot?: StartOptions['bot'];
  /** `DATABASE_URL` of the server, e.g. a PostgreSQL test database; default: SQLite in the data dir. */
  databaseUrl?: string;
  /** Issue 10 (presence): clock, offline grace, sweep interval. */
  presence?: StartOptions['presence'];
  /** Passed to the server (see `StartOptions`): the mail clock and the outbox's interval. */
  mailClock?: StartOptions['mailClock'];
  mailIntervalMs?: StartOptions['mailIntervalMs'];
  /** Issue 15: the webhook clock, resolver and loop interval. */
  webhooks?: StartOptions['webhooks'];
  /** Load the bot's English word knowledge at start, as a real server does (default false here). */
  warmBot?: boolean;
};

/** The database of every harness this test file starts without its own `databaseUrl`. */
let fileDatabaseUrl: string | undefined;

/**
 * Runs this test file's harnesses on another database, e.g. a suite written for SQLite imported by a
 * PostgreSQL test file (`realtime.postgres.test.ts`). Module state is per test file under vitest.
 */
export function useDatabaseForHarnesses(url: string | undefined): void {
  fileDatabaseUrl = url;
}

/** Issue 11 (redis): more environment for every harness of this test file (e.g. `REDIS_URL`, `REDIS_PREFIX`). */
let fileEnv: Record<string, string> = {};

/** Runs this test file's harnesses with Redis, e.g. a suite written for one node imported by a Redis test file. */
export function useEnvForHarnesses(env: Record<string, string>): void {
  fileEnv = env;
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness & { dataDir: string }> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'frontdesk-it-'));
  const config = loadConfig({
    PORT: String(options.port ?? 0),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    RATE_LIMIT_SCALE: '100',
    ...((options.databaseUrl ?? fileDatabaseUrl) && { DATABASE_URL: options.databaseUrl ?? fileDatabaseUrl }),
    ...fileEnv,
    ...options.env,
  });
  if (options.rateLimits) config.rateLimits = options.rateLimits;
  const server = await startServer(config, {
    logger: options.logger ?? createLogger('silent'),
    sessionRecheckMs: options.sessionRecheckMs,
    bot: options.bot,
    presence: options.presence,
    mailClock: options.mailClock,
    mailIntervalMs: options.mailIntervalMs,
    webhooks: options.webhooks,
    warmBot: options.warmBot ?? false,
  });
  const site = await ensureDemoSite(server.storage, server.bot);
  const origin = `http://127.0.0.1:${server.port}`;
  const sockets: Socket[] = [];
  let agentCount = 0;

  async function newVisitor(fromOrigin = origin) {
    const res = await fetch(server.url + API.visitorSessions, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: fromOrigin },
      body: JSON.stringify({ siteKey: site.key }),
    });
    if (res.status !== 201) throw new Error(`session: ${res.status} ${await res.text()}`);
    const { token } = (await res.json()) as { token: string };
    const socket: VisitorSocket = io(server.url + NAMESPACES.visitor, {
      auth: { siteKey: site.key, token },
      extraHeaders: { origin: fromOrigin },
      transports: ['websocket'],
      forceNew: true,
    });
    sockets.push(socket);
    return { token, socket };
  }

  async function createAgent(name: string, role: AgentRole = 'agent') {
    agentCount += 1;
    const email = `agent${agentCount}-${Date.now()}@example.com`;
    const password = 'a long test password';
    await server.agents.create({ email, name, password, role }, [site.id]);
    return { email, password };
  }

  async function newAgent(name: string) {
    const { email, password } = await createAgent(name);
    const res = await fetch(server.url + API.login, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin },
      body: JSON.stringify({ email, password }),
    });
    if (res.status !== 200) throw new Error(`login: ${res.status} ${await res.text()}`);
    const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const socket: AgentSocket = io(server.url + NAMESPACES.agent, {
      extraHeaders: { origin, cookie },
      transports: ['websocket'],
      forceNew: true,
    });
    sockets.push(socket);
    return { email, cookie, socket };
  }

  return {
    ...server,
    dataDir,
    site,
    origin,
    newVisitor,
    newAgent,
    createAgent,
    async close() {
      for (const socket of sockets) socket.disconnect();
      await server.close();
    },
  };
}

/**
 * How long a test waits for an ack or an event before it calls it lost: a hang guard, not a speed
 * check. At 5 s, the first message of a file (the bot's first answer) timed out at load 30–50 on the
 * shared machine; the vitest poll guard is 20 s for the same reason.
 */
const ACK_GUARD_MS = 20_000;

/** Emits with an ack and unwraps it; rejects on `{ ok: false }` with the error code as message. */
export function call<T>(socket: Socket, event: string, payload: unknown): Promise<T> {
  return socket
    .timeout(ACK_GUARD_MS)
    .emitWithAck(event, payload)
    .then((result: AckResult<T>) => {
      if (!result.ok) throw Object.assign(new Error(result.error.code), { error: result.error });
      return result.data;
    });
}

/** The raw ack, for asserting on errors. */
export function callRaw<T>(socket: Socket, event: string, payload: unknown): Promise<AckResult<T>> {
  return socket.timeout(ACK_GUARD_MS).emitWithAck(event, payload);
}

/** Resolves with the first event payload that satisfies the predicate. */
export function waitFor<T>(
  socket: Socket,
  event: string,
  predicate: (payload: T) => boolean = () => true,
  ms = ACK_GUARD_MS,
) {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.off(event, listener);
      reject(new Error(`timed out waiting for ${event}`));
    }, ms);
    const listener = (payload: T) => {
      if (!predicate(payload)) return;
      clearTimeout(timer);
      socket.off(event, listener);
      resolve(payload);
    };
    socket.on(event, listener);
  });
}

export const connected = (socket: Socket) =>
  new Promise<void>((resolve, reject) => {
    if (socket.connected) return resolve();
    socket.once('connect', () => resolve());
    socket.once('connect_error', (error) => reject(error));
  });

/** An agent signed in, with its socket connected: the agents' events reach it from now on. */
export async function connectedAgent(h: Pick<Harness, 'newAgent'>, name: string) {
  const agent = await h.newAgent(name);
  await connected(agent.socket);
  return agent;
}

let clientCounter = 0;
export const clientId = () => `test-${Date.now().toString(36)}-${(clientCounter++).toString(36)}`;

/** A visitor socket as the widget starts it: connected, session initialised, conversation opened. */
export async function openConversation(
  h: Pick<Harness, 'origin'>,
  socket: VisitorSocket,
): Promise<OpenResult> {
  await connected(socket);
  await call<SessionInitResult>(socket, EVENTS.sessionInit, { locale: 'en' });
  return call<OpenResult>(socket, EVENTS.conversationOpen, {
    locale: 'en',
    page: { url: `${h.origin}/demo/`, title: 'Nordic Nest' },
  });
}
