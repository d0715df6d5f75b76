/** @module storage — the storage interface and the engines behind it. */

export { openStorage } from './open.ts';
export { DEFAULT_SITE_SETTINGS } from './records.ts';
export type * from './types.ts';
