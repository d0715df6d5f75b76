/**
 * Composition root: storage, services, the Hono app and socket.io on one http.Server.
 * `startServer` is what `main.ts` and the integration tests call (tests pass port 0).
 */

import type { Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { EVENTS, LIMITS, NAMESPACES } from '@frontdesk/shared';
import { serve } from '@hono/node-server';
import { Server } from 'socket.io';
import { BotRegistry } from './bot/registry.ts';
import type { Config } from './config.ts';
import { FaqService } from './faq/index.ts';
import { createApp } from './http/app.ts';
import { Budgets } from './limits/index.ts';
import { createLogger, type Logger } from './logger.ts';
import { type AgentNamespace, setUpAgentNamespace } from './realtime/agent-namespace.ts';
import { SocketNotifier } from './realtime/notifier.ts';
import { textOnlyParser } from './realtime/parser.ts';
import { setUpVisitorNamespace, type VisitorNamespace } from './realtime/visitor-namespace.ts';
import { AgentService } from './services/agents.ts';
import { ConversationService } from './services/conversations.ts';
import { PageViewRecorder } from './services/page-views.ts';
import { VisitorService } from './services/visitors.ts';
import { openStorage, SERVER_BUSY_TIMEOUT_MS, type Storage } from './storage/index.ts';

export type RunningServer = {
  url: string;
  port: number;
  storage: Storage;
  agents: AgentService;
  bot: BotRegistry;
  budgets: Budgets;
  logger: Logger;
  close(): Promise<void>;
};

export type StartOptions = {
  storage?: Storage;
  logger?: Logger;
  /** How often open agent sockets re-check their sessions (tests make it short). */
  sessionRecheckMs?: number;
};

/** The origins this server answers on: PUBLIC_URL, and loopback names for the real port. */
export function selfOrigins(config: Config, port: number): string[] {
  return [...new Set([config.publicUrl.origin, `http://localhost:${port}`, `http://127.0.0.1:${port}`])];
}

export async function startServer(config: Config, options: StartOptions = {}): Promise<RunningServer> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const storage = options.storage ?? openStorage(config.database, { busyTimeoutMs: SERVER_BUSY_TIMEOUT_MS });
  await storage.migrate();

  const bot = new BotRegistry(storage);
  const faq = new FaqService(storage, bot, logger);
  const agents = new AgentService(storage, logger);
  const origins: string[] = [];
  const budgets = new Budgets(config.rateLimits);
  const visitors = new VisitorService(storage, origins, budgets);

  const io = new Server({
    // Bigger packets close the connection before they are buffered (websocket frames and polling bodies).
    maxHttpBufferSize: LIMITS.socketMaxPayloadBytes,
    // JSON only: a binary packet closes the connection.
    parser: textOnlyParser,
    // Widgets connect from other sites; credentials are never sent cross-origin (visitor auth is a token).
    cors: { origin: true, credentials: false },
    serveClient: false,
  });
  const visitorNsp = io.of(NAMESPACES.visitor) as unknown as VisitorNamespace;
  const agentNsp = io.of(NAMESPACES.agent) as unknown as AgentNamespace;
  const notifier = new SocketNotifier(visitorNsp, agentNsp, logger);
  const conversations = new ConversationService(storage, notifier, bot, logger, faq);
  notifier.conversations = conversations;
  const pageViews = new PageViewRecorder(storage, notifier, logger, {
    intervalMs: config.rateLimits.visitor[EVENTS.pageView].coalesceMs ?? 1000,
    maxKeys: config.rateLimits.maxKeys,
  });

  const secure = config.publicUrl.protocol === 'https:';
  const app = createApp({
    storage,
    agents,
    visitors,
    conversations,
    faq,
    logger,
    selfOrigins: origins,
    secureCookies: secure,
    assets: config.assets,
    budgets,
    trustProxy: config.trustProxy,
  });

  const httpServer = await new Promise<HttpServer>((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () =>
      resolve(server as HttpServer),
    ) as HttpServer;
    server.once('error', reject);
  });
  const port = (httpServer.address() as AddressInfo).port;
  origins.push(...selfOrigins(config, port));
  io.attach(httpServer);
  const { trustProxy } = config;
  setUpVisitorNamespace(visitorNsp, {
    secure,
    visitors,
    conversations,
    pageViews,
    notifier,
    budgets,
    trustProxy,
    logger,
  });
  const agentRealtime = setUpAgentNamespace(agentNsp, {
    secure,
    agents,
    conversations,
    selfOrigins: origins,
    budgets,
    trustProxy,
    logger,
    sessionRecheckMs: options.sessionRecheckMs,
  });

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    storage,
    agents,
    bot,
    budgets,
    logger,
    async close() {
      agentRealtime.close();
      io.disconnectSockets(true);
      await new Promise<void>((resolve) => io.close(() => resolve()));
      httpServer.closeAllConnections?.();
      await storage.close();
    },
  };
}
