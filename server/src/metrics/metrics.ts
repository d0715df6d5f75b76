/**
 * Operations metrics (issue 15): one prom-client registry per server (tests start several in one
 * process, so nothing is registered globally). Label values are bounded sets: route patterns, event
 * names, namespaces, storage operation names — never ids or paths.
 */
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

export type MetricsSources = {
  /** Open sockets per namespace, read at scrape time. */
  connections: () => Record<string, number>;
  /** Conversations waiting in the queue (every site), read at scrape time. */
  queueLength: () => Promise<number>;
};

const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export function createMetrics() {
  const registry = new Registry();
  // Process metrics, event-loop lag (`nodejs_eventloop_lag_seconds` and its percentiles) included.
  collectDefaultMetrics({ register: registry });
  const sources: Partial<MetricsSources> = {};
  const http = new Histogram({
    name: 'frontdesk_http_request_duration_seconds',
    help: 'HTTP requests by method, route pattern and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  const socket = new Histogram({
    name: 'frontdesk_socket_event_duration_seconds',
    help: 'Inbound socket events from receipt to ack, by namespace, event and outcome',
    labelNames: ['namespace', 'event', 'outcome'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  const storage = new Histogram({
    name: 'frontdesk_storage_operation_duration_seconds',
    help: 'Storage operations (one or a few queries each) by operation and outcome',
    labelNames: ['operation', 'outcome'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  const messages = new Counter({
    name: 'frontdesk_messages_total',
    help: 'Messages sent and acknowledged, by namespace (visitor or agent)',
    labelNames: ['namespace'] as const,
    registers: [registry],
  });
  const handoffs = new Counter({
    name: 'frontdesk_handoffs_total',
    help: 'Visitors who asked for a person ("Talk to a person")',
    registers: [registry],
  });
  new Gauge({
    name: 'frontdesk_socket_connections',
    help: 'Open sockets by namespace',
    labelNames: ['namespace'] as const,
    registers: [registry],
    collect() {
      for (const [namespace, count] of Object.entries(sources.connections?.() ?? {}))
        this.set({ namespace }, count);
    },
  });
  new Gauge({
    name: 'frontdesk_queue_length',
    help: 'Conversations waiting for an agent, all sites',
    registers: [registry],
    async collect() {
      if (sources.queueLength) this.set(await sources.queueLength());
    },
  });
  return {
    registry,
    http,
    socket,
    storage,
    messages,
    handoffs,
    /** Connects the scrape-time sources once the parts they read exist. */
    readFrom(more: Partial<MetricsSources>) {
      Object.assign(sources, more);
    },
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
