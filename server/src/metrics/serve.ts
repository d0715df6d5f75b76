/** Issue 15: `/metrics` alone on `METRICS_BIND` (e.g. a private interface), nothing else there. */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ROUTES } from '@frontdesk/shared';
import { getRequestListener } from '@hono/node-server';
import { Hono } from 'hono';
import type { MetricsConfig } from '../config/config.ts';
import type { Logger } from '../kernel/logger.ts';
import { errorHandler, noSuchEndpoint } from '../transport/http/errors.ts';
import { metricsHandler } from './http.ts';
import type { Metrics } from './metrics.ts';

export async function serveMetrics(config: MetricsConfig, metrics: Metrics, logger: Logger) {
  const bind = config.bind;
  if (!bind) throw new Error('serveMetrics needs METRICS_BIND');
  const app = new Hono();
  app.onError(errorHandler(logger));
  app.get(ROUTES.metrics, metricsHandler(metrics, config.token));
  app.all('*', noSuchEndpoint);
  const server = createServer(getRequestListener(app.fetch));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(bind.port, bind.host, () => resolve());
  });
  logger.info({ host: bind.host, port: (server.address() as AddressInfo).port }, 'metrics served');
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
