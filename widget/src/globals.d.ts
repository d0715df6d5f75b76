/** Build-time constants and the one global the widget owns. */

/** URL path of the app chunk, e.g. `/widget/app-abc123.js`; injected by `build.ts`. */
declare const __FRONTDESK_APP__: string;

interface Window {
  /** Set by the per-site loader (`/w/SITE_KEY.js`) before the loader runs. */
  __frontdesk_site?: import('@frontdesk/shared').LoaderPreset;
  /** The host page's command queue (see `loader/queue.ts`). */
  Frontdesk?: ((...args: unknown[]) => void) & { q?: ArrayLike<unknown>[] };
}
