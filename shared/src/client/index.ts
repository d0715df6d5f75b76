/**
 * @module @frontdesk/shared/client — the client core of the widget and the console, framework-free and
 * without socket.io: outbox and `clientId`s, the timeline merged by `seq` (one duplicate rule), sync
 * after the last `seq`, acks with a timeout, one backoff policy, the serial runner, a small store, and
 * the Markdown renderer factory. Every module is side-effect free: a client bundles what it imports.
 */
export * from './core/acks.ts';
export * from './core/backoff.ts';
export * from './core/client-id.ts';
export * from './core/on-screen.ts';
export * from './core/outbox.ts';
export * from './core/reads.ts';
export * from './core/reply.ts';
export * from './core/sender.ts';
export * from './core/serial.ts';
export * from './core/store.ts';
export * from './core/sync.ts';
export * from './core/timeline.ts';
export * from './core/typing.ts';
export * from './markdown/index.ts';
