/**
 * The contract between the loader (`widget.js`) and the lazily imported app chunk. Both sides
 * import it as a type only, so neither ships the other's code.
 */
import type { Locale, Message, WidgetEvent } from '@frontdesk/shared';

/** Read once from the embed's `<script>` tag and passed down; nothing else reads the host page's config. */
export type WidgetOptions = {
  /** Origin of the Frontdesk server, e.g. `https://chat.example.com`. */
  base: string;
  siteKey: string;
  /** `data-locale` if valid, else the browser's preferred languages. */
  locale: Locale;
  /** `data-color` if a valid hex colour; wins over the site's colour. */
  color: string | null;
};

/** Events host pages can listen to with `Frontdesk('on', name, fn)`. */
export type WidgetEventMap = {
  /** The chat app is mounted and the commands queued so far have run. */
  ready: null;
  /** A bot or agent message arrived live. */
  message: Message;
  open: null;
  close: null;
  /** The number of bot and agent messages the visitor has not seen changed. */
  unread: { count: number };
  /** The visitor's first message opened a conversation. */
  'conversation:started': { id: string };
  /** An agent (or the visitor) resolved the current conversation. */
  'conversation:resolved': { id: string };
};
export type WidgetEventName = keyof WidgetEventMap;
// The names are the shared list, no more, no fewer.
type SameNames<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;
export type EventNamesMatch = Assert<SameNames<WidgetEventName, WidgetEvent>>;

/** What the loader offers the app. */
export type LoaderApi = {
  /** Calls the host page's listeners. */
  emit<E extends WidgetEventName>(event: E, payload: WidgetEventMap[E]): void;
  /** Keeps the launcher's state (`aria-expanded`, label, icon) in step with the panel. */
  setOpen(open: boolean): void;
  /** Returns focus to the launcher (after the panel closes). */
  focusLauncher(): void;
};

/** What the app returns to the loader. */
export type WidgetHandle = {
  open(): void;
  close(): void;
  toggle(): void;
  /**
   * Runs one host command (`Frontdesk(name, ...args)`) other than `on`: panel commands, `identify`,
   * `logout`. The app checks names and arguments; the loader only queues and forwards.
   */
  run(args: readonly unknown[]): void;
  unmount(): void;
};

export type MountWidget = (root: ShadowRoot, options: WidgetOptions, api: LoaderApi) => WidgetHandle;

/** The app chunk's module shape. */
export type AppModule = { mount: MountWidget };

/** Panel commands of `window.Frontdesk(...)`. */
export type PanelCommand = 'open' | 'close' | 'toggle';
/**
 * Commands the loader queues without loading the app: a lone `close` needs no app to stay closed, and
 * a host page calling `identify` on every page must not fetch the app on every page (it is replayed
 * when the app loads for another reason: a click, an open conversation, any other command).
 */
export type QuietCommand = 'close' | 'identify';
