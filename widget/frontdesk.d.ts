/**
 * Frontdesk's JavaScript API for TypeScript pages: copy this file into your project (or reference it
 * with `/// <reference path="frontdesk.d.ts" />`), then `Frontdesk('open')`, `Frontdesk('on', 'message', fn)`
 * and the rest are checked. The same commands and events as the README's "JavaScript API" section.
 */

declare namespace Frontdesk {
  type Locale = 'en' | 'pl';

  /** A bot or agent message, as the `message` event delivers it. */
  interface Message {
    id: string;
    conversationId: string;
    seq: number;
    clientId: string | null;
    author: 'visitor' | 'bot' | 'agent' | 'system';
    authorName: string | null;
    kind: 'text' | 'note' | 'event' | 'attachment';
    body: string;
    meta: unknown;
    /** ISO 8601. */
    createdAt: string;
  }

  /** Payloads of the events `Frontdesk('on', name, fn)` listens to. */
  interface EventMap {
    /** The chat is loaded and every command called before it has run. */
    ready: null;
    open: null;
    close: null;
    message: Message;
    /** Bot and agent messages the visitor has not seen yet. */
    unread: { count: number };
    'conversation:started': { id: string };
    'conversation:resolved': { id: string };
  }
  type EventName = keyof EventMap;

  /** Who the visitor is on your site; `userHash` is hex HMAC-SHA256(userId, the site's identity secret). */
  interface Identity {
    userId: string;
    userHash?: string;
    email?: string;
    name?: string;
    phone?: string;
    attributes?: Record<string, string | number | boolean>;
  }

  /** Suggestions for the forms and the composer; the visitor can change them. */
  interface Prefill {
    name?: string;
    email?: string;
    message?: string;
  }

  /** A single-page app's new page; default: the current location and `document.title`. */
  interface Page {
    url?: string;
    title?: string;
  }

  /** Every command but `on`, with its arguments. */
  interface Commands {
    show: [];
    hide: [];
    open: [];
    close: [];
    toggle: [];
    setLocale: [locale: Locale];
    prefill: [values: Prefill];
    identify: [identity: Identity];
    logout: [];
    trackPage: [page?: Page];
  }
  type CommandName = keyof Commands | 'on';

  interface Api {
    <C extends keyof Commands>(command: C, ...args: Commands[C]): void;
    <E extends EventName>(command: 'on', event: E, listener: (payload: EventMap[E]) => void): void;
    /** Commands called before the script loaded (the snippet's queue). */
    q?: unknown[][];
  }
}

interface Window {
  Frontdesk: Frontdesk.Api;
}
declare var Frontdesk: Frontdesk.Api;
