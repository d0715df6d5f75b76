/** @module metrics — Prometheus metrics and request logs (issue 15). */
export { metricsAuthorized, metricsHandler, requestTiming } from './http.ts';
export { createMetrics, type Metrics, type MetricsSources } from './metrics.ts';
export { timeSocketEvents } from './socket-timing.ts';
export { timedStorage } from './storage-timing.ts';
