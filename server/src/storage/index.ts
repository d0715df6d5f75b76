/** @module storage — the storage interface and the engines behind it. */

export { openStorage, type StorageOptions } from './open.ts';
export { SERVER_QUERY_TIMEOUT_MS } from './postgres.ts';
export { SERVER_BUSY_TIMEOUT_MS } from './sqlite.ts';
export type * from './types.ts';
