/** @module storage — the storage interface and the engines behind it. */
export { DEFAULT_SITE_SETTINGS } from './records.ts';
export { openStorage } from './open.ts';
export type * from './types.ts';
