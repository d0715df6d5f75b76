/**
 * Composition root: storage, services, the Hono app and socket.io on one http.Server.
 * `startServer` is what `main.ts` and the integration tests call (tests pass port 0).
 */

import type { Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { LIMITS, NAMESPACES } from '@frontdesk/shared';
import { serve } from '@hono/node-server';
import { Server } from 'socket.io';
import { BotRegistry } from './bot/registry.ts';
import type { Config } from './config.ts';
import { FaqService } from './faq/index.ts';
import { createApp } from './http/app.ts';
import { createLogger, type Logger } from './logger.ts';
import { type AgentNamespace, setUpAgentNamespace } from './realtime/agent-namespace.ts';
import { SocketNotifier } from './realtime/notifier.ts';
import { setUpVisitorNamespace, type VisitorNamespace } from './realtime/visitor-namespace.ts';
import { AgentService } from './services/agents.ts';
import { ConversationService } from './services/conversations.ts';
import { VisitorService } from './services/visitors.ts';
import { openStorage, SERVER_BUSY_TIMEOUT_MS, type Storage } from './storage/index.ts';

export type RunningServer = {
  url: string;
  port: number;
  storage: Storage;
  agents: AgentService;
  bot: BotRegistry;
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
  const visitors = new VisitorService(storage, origins);

  const io = new Server({
    maxHttpBufferSize: LIMITS.socketMaxPayloadBytes,
    // Widgets connect from other sites; credentials are never sent cross-origin (visitor auth is a token).
    cors: { origin: true, credentials: false },
    serveClient: false,
  });
  const visitorNsp = io.of(NAMESPACES.visitor) as unknown as VisitorNamespace;
  const agentNsp = io.of(NAMESPACES.agent) as unknown as AgentNamespace;
  const notifier = new SocketNotifier(visitorNsp, agentNsp, logger);
  const conversations = new ConversationService(storage, notifier, bot, logger, faq);
  notifier.conversations = conversations;

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
  setUpVisitorNamespace(visitorNsp, { secure, visitors, conversations, notifier, logger });
  const agentRealtime = setUpAgentNamespace(agentNsp, {
    secure,
    agents,
    conversations,
    selfOrigins: origins,
    logger,
    sessionRecheckMs: options.sessionRecheckMs,
  });

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    storage,
    agents,
    bot,
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
