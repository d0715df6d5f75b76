/**
 * Composition root: storage, the bound HTTP server, the use cases, the Hono app and socket.io, built
 * in dependency order. `startServer` is what `main.ts` and the integration tests call (tests pass port 0).
 */
import { EVENTS } from '@frontdesk/shared';
import { type Attachments, type FileStore, localFileStore, s3FileStore } from '../attachments/index.ts';
import { warmBotKnowledge } from '../bot/engine/warm.ts';
import { BotRegistry } from '../bot/registry.ts';
import type { Config } from '../config/config.ts';
import type { SweepTurn } from '../conversations/abandon-sweeper.ts';
import type { AgentAccounts } from '../identity/agent-accounts.ts';
import type { Presence } from '../identity/presence.ts';
import { agentNamespace, visitorNamespace } from '../identity/sockets.ts';
import { createLogger, type Logger } from '../kernel/logger.ts';
import { Budgets } from '../limits/index.ts';
import type { Mail } from '../mail/index.ts';
import { createMetrics, timedStorage, timeSocketEvents } from '../metrics/index.ts';
import { serveMetrics } from '../metrics/serve.ts';
import {
  openStorage,
  SERVER_BUSY_TIMEOUT_MS,
  SERVER_QUERY_TIMEOUT_MS,
  type Storage,
} from '../storage/index.ts';
import { corkFlushes } from '../transport/realtime/cork.ts';
import { createIo } from '../transport/realtime/io.ts';
import type { Resolve } from '../webhooks/address-guard.ts';
import type { WebhookDeliverer } from '../webhooks/index.ts';
import { createHttpApp } from './http.ts';
import { listen, serve } from './listen.ts';
import { selfOrigins } from './origins.ts';
import { createReadiness, type HealthCheck, type Readiness } from './readiness.ts';
import { mountRealtime } from './realtime.ts';
import { startRedisNode } from './redis-node.ts';
import { buildServices, type PresenceOptions } from './services.ts';
import { sweepLeaseFor } from './sweep-lease.ts';

export type RunningServer = {
  url: string;
  port: number;
  storage: Storage;
  agents: AgentAccounts;
  bot: BotRegistry;
  budgets: Budgets;
  logger: Logger;
  /** E-mail as a channel (issue 10, mail): the outbox, the conversation mail, and the inbound port. */
  mail: Mail & { configured: boolean; inboundPort: number | null };
  close(): Promise<void>;
  /** Issue 10 (presence): one abandon sweep now (tests; the server also sweeps on a timer). */
  sweepAbandoned(): Promise<number>;
  /** Issue 11: one abandon pass now, if this node holds the sweep lease (tests: which node swept). */
  sweepTurn(): Promise<SweepTurn>;
  /** Issue 11 (redis): who is available (across the nodes with Redis). */
  presence: Presence;
  /** Issue 11 (ops): what `/readyz` asks (the database; `add` more, e.g. Redis). */
  readiness: Readiness;
  /** Issue 13: files in conversations (`removeForConversation` for an erase). */
  attachments: Attachments;
  /** Issue 15: the port of the separate metrics address (`METRICS_BIND`), if any. */
  metricsPort: number | null;
  /** Issue 15: the public API's routes as registered (method, path), for the OpenAPI test. */
  publicApiRoutes: readonly { method: string; path: string }[];
  /** Issue 15: the webhook queue (`runDue` sends what is due now; the server also runs it on a timer). */
  webhooks: WebhookDeliverer;
};

export type StartOptions = {
  storage?: Storage;
  logger?: Logger;
  /** How often open agent sockets re-check their sessions (tests make it short). */
  sessionRecheckMs?: number;
  /** The sites' bots (default: engines built from storage); tests pass one that fails. */
  bot?: (storage: Storage) => BotRegistry;
  /** Issue 10 (presence): clock, offline grace, sweep interval (tests use a fake clock). */
  presence?: PresenceOptions;
  /** The clock of mail (due times, link expiry); tests pass a fake one. Default: `Date.now`. */
  mailClock?: () => number;
  /** How often the outbox sends due mail (default 15 s); tests make it long and run it themselves. */
  mailIntervalMs?: number;
  /** Issue 11 (ops): more dependencies for `/readyz` beside the database (e.g. Redis). */
  healthChecks?: readonly HealthCheck[];
  /** Issue 13: where attachment files go (default: from the config). */
  files?: FileStore;
  /** Issue 15: the webhook clock (ms), DNS resolver and loop interval (tests: a fake clock, a long interval). */
  webhooks?: { clock?: () => number; resolve?: Resolve; intervalMs?: number };
  /**
   * Load the bot's word knowledge (WordNet for English, the Polish dictionary) before the port opens
   * (default true), so the first question does not stall the event loop while it is read (0.3–1.5 s
   * quiet, several seconds on a busy machine, once per process). Test harnesses turn it off to start faster.
   */
  warmBot?: boolean;
};

/** Issue 13: the configured attachment file store. */
const fileStoreOf = (config: Config): FileStore =>
  config.attachments.kind === 's3'
    ? s3FileStore(config.attachments.s3)
    : localFileStore(config.attachments.dir);

export async function startServer(config: Config, options: StartOptions = {}): Promise<RunningServer> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const metrics = createMetrics();
  const storage = timedStorage(
    options.storage ??
      openStorage(config.database, {
        busyTimeoutMs: SERVER_BUSY_TIMEOUT_MS,
        queryTimeoutMs: SERVER_QUERY_TIMEOUT_MS,
      }),
    metrics,
  );
  await storage.migrate();
  if (options.warmBot ?? true) warmBotKnowledge();
  // Issue 11 (redis): the clients, the socket.io adapter and the cache bus (or one warning without Redis).
  const redis = await startRedisNode(config, logger, options.presence);
  const bound = await listen(config.port, config.host);
  // Everything from here to `serve` runs in the tick the port was bound in: no request is lost.
  const origins = selfOrigins(config, bound.port);
  const secure = config.publicUrl.protocol === 'https:';
  const bot = options.bot?.(storage) ?? new BotRegistry(storage, redis.siteChanged);
  redis.caches(bot);
  const budgets = new Budgets(config.rateLimits);
  const io = createIo(redis.adapter);
  const namespaces = { visitor: visitorNamespace(io), agent: agentNamespace(io) };
  const services = buildServices({
    storage,
    bot,
    budgets,
    logger,
    selfOrigins: origins,
    namespaces,
    pageViews: {
      intervalMs: config.rateLimits.visitor[EVENTS.pageView].coalesceMs ?? 1000,
      maxKeys: config.rateLimits.maxKeys,
    },
    presence: options.presence,
    presenceBook: redis.presence,
    loginGuard: redis.loginGuard,
    sessionBudgets: redis.sessionBudgets,
    // Issue 11: one node sweeps abandoned conversations at a time.
    sweepLease: sweepLeaseFor(config.database, redis.node, logger, options.presence?.sweepMs),
    files: options.files ?? fileStoreOf(config),
    webhooks: options.webhooks,
    mail: {
      config: config.mail,
      secret: config.secret,
      publicUrl: config.publicUrl,
      clock: options.mailClock ?? Date.now,
    },
  });
  const readiness = createReadiness(
    [
      { name: 'database', check: () => storage.ping() },
      // Issue 11 (redis): a node without Redis serves alone; with it, Redis must answer.
      ...(redis.check ? [redis.check] : []),
      ...(options.healthChecks ?? []),
    ],
    logger,
  );
  const app = createHttpApp({
    services,
    storage,
    readiness,
    logger,
    selfOrigins: origins,
    secureCookies: secure,
    assets: config.assets,
    budgets,
    trustProxy: config.trustProxy,
    metrics,
    metricsOnMainPort: config.metrics.token && !config.metrics.bind ? { token: config.metrics.token } : null,
  });
  serve(bound, app.fetch, config.host);
  // Issue 15: `/metrics` alone on its own address, when one is configured.
  const metricsServer = config.metrics.bind ? await serveMetrics(config.metrics, metrics, logger) : null;
  for (const [name, namespace] of Object.entries(namespaces))
    timeSocketEvents(
      namespace,
      new Set(Object.keys(config.rateLimits[name as keyof typeof namespaces])),
      metrics,
    );
  metrics.readFrom({
    connections: () => ({ visitor: namespaces.visitor.sockets.size, agent: namespaces.agent.sockets.size }),
    queueLength: () => storage.queueLength(),
  });
  io.attach(bound.server);
  // Issue 17: the frames of one engine.io flush leave in one `writev`.
  corkFlushes(io.engine);
  const realtime = mountRealtime({
    namespaces,
    services,
    secure,
    selfOrigins: origins,
    budgets,
    trustProxy: config.trustProxy,
    logger,
    sessionRecheckMs: options.sessionRecheckMs,
  });
  const { mail } = services;
  await mail.outbox.start(options.mailIntervalMs);
  services.webhookDeliverer.start(options.webhooks?.intervalMs);
  const inboundPort = mail.inbound
    ? await mail.inbound.start(config.mail.inboundPort ?? 0, config.host)
    : null;

  return {
    url: `http://127.0.0.1:${bound.port}`,
    port: bound.port,
    storage,
    agents: services.accounts,
    bot,
    budgets,
    logger,
    sweepAbandoned: () => services.abandonSweeper.sweep(),
    sweepTurn: () => services.abandonSweeper.turn(),
    presence: services.presence,
    readiness,
    attachments: services.attachments,
    publicApiRoutes: app.publicApiRoutes,
    webhooks: services.webhookDeliverer,
    mail: { ...mail, configured: mail.outbox.configured, inboundPort },
    metricsPort: metricsServer?.port ?? null,
    async close() {
      await metricsServer?.close();
      await mail.inbound?.stop();
      await mail.conversationMail.settled();
      await mail.outbox.stop();
      await services.webhookDeliverer.stop();
      // Issue 14: waits for an offline return under way, which still uses presence and storage.
      await realtime.close();
      // The lease is given up before Redis or the database goes: another node sweeps at once.
      await services.abandonSweeper.stop();
      io.disconnectSockets(true);
      const closed = new Promise<void>((resolve) => io.close(() => resolve()));
      // At once, not after: the server's close waits for every connection, and a keep-alive one with a
      // request under way at this moment would stay open for as long as the browser reuses it.
      bound.server.closeAllConnections?.();
      await closed;
      await redis.close();
      await storage.close();
    },
  };
}
