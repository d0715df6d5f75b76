/** @module store — the widget's state: pure slices and a per-mount store. */
export type { Action } from './actions.ts';
export * from './live.ts';
export * from './messages.ts';
export * from './outbox.ts';
export * from './store.ts';
export { initialUi, soundOn } from './ui.ts';
export * from './unread.ts';
