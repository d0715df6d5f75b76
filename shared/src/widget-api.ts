/**
 * Issue 13: the host page's JavaScript API, `window.Frontdesk(name, ...args)`. The command and event
 * names live here once: the widget's app checks commands against them, the README and the
 * declaration file users copy (`widget/frontdesk.d.ts`, checked against these lists by a test) name them.
 */

/** Every command `Frontdesk(name, ...)` accepts; `on` registers a listener (kept by the loader). */
export const WIDGET_COMMANDS = [
  'on',
  'show',
  'hide',
  'open',
  'close',
  'toggle',
  'setLocale',
  'prefill',
  'identify',
  'logout',
  'trackPage',
] as const;
export type WidgetCommand = (typeof WIDGET_COMMANDS)[number];

/** Every event `Frontdesk('on', name, fn)` can listen to. */
export const WIDGET_EVENTS = [
  'ready',
  'open',
  'close',
  'message',
  'unread',
  'conversation:started',
  'conversation:resolved',
] as const;
export type WidgetEvent = (typeof WIDGET_EVENTS)[number];

/** `Frontdesk('prefill', …)`: what the host page knows; each field optional. */
export type PrefillInput = { name?: string; email?: string; message?: string };
/** `Frontdesk('trackPage', …)`: a single-page app's new page; both default to the current location and title. */
export type TrackPageInput = { url?: string; title?: string };
