/** Build-time constants and the one global the widget owns. */

/** URL path of the app chunk, e.g. `/widget/app-abc123.js`; injected by `build.ts`. */
declare const __FRONTDESK_APP__: string;

interface Window {
  /** The host page's command queue (see `loader/queue.ts`). */
  Frontdesk?: ((...args: unknown[]) => void) & { q?: ArrayLike<unknown>[] };
}
