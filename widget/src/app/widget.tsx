/**
 * Composition root of one widget instance: store, chat, renderer, persistence and page listeners,
 * wired to a transport given by the caller (socket.io in `index.tsx`, in-memory in tests).
 */

import {
  isLocale,
  type Locale,
  type PageInfo,
  type PrefillInput,
  type WidgetCommand,
  type WidgetSite,
} from '@frontdesk/shared';
import { translator, WIDGET_CATALOGS } from '@frontdesk/shared/i18n';
import type { RenderMarkdown } from '@frontdesk/shared/markdown';
import { render } from 'preact';
import { applyAccent } from '../accent.ts';
import type { LoaderApi, WidgetHandle, WidgetOptions } from '../loader-api.ts';
import type { KeyValueStore } from '../storage.ts';
import type { ChatTransport } from '../transport/index.ts';
import { createAttention, findLauncher } from './attention.ts';
import { createChat } from './chat/index.ts';
import { type Chime, createChime } from './chime.ts';
import { createHostCommands } from './host-commands.ts';
import { hostEvents } from './host-events.ts';
import { readPrefill, readTrackPage } from './host-inputs.ts';
import { currentPage } from './page.ts';
import { loadOutbox, loadPanel, persistState } from './persist.ts';
import { createStore, initialState, initialUi, isReadable, soundOn, unreadCount } from './store/index.ts';
import { Widget } from './ui/Widget.tsx';
import { trackViewport } from './viewport.ts';

export type WidgetDeps = {
  /** Where the panel is rendered: the loader's shadow root, or any element in tests. */
  root: ShadowRoot | HTMLElement;
  options: WidgetOptions;
  api: LoaderApi;
  transport: ChatTransport;
  storage: KeyValueStore;
  win: Window & typeof globalThis;
  retryDelayMs?: (attempt: number) => number;
  /** Preview mode (the console's appearance page): no connection, the site given by `showSite`. */
  preview?: boolean;
  /** The Markdown renderer; default: the shared one for `win`, from a lazily loaded chunk. */
  loadMarkdown?: () => Promise<RenderMarkdown>;
  /** The new-message sound; default: Web Audio in `win`. */
  chime?: Chime;
};

/**
 * Relative links stay links in the widget: they resolve against the shop's own page, where the FAQ
 * author meant them, and a link without a scheme cannot run script.
 */
const importMarkdown = (win: Window & typeof globalThis) =>
  import('@frontdesk/shared/markdown').then((m) => m.createMarkdown(win, { relativeLinks: true }));

export function createWidget(deps: WidgetDeps): WidgetHandle & { showSite(site: WidgetSite): void } {
  const { options, api, win, root } = deps;
  const doc = win.document;
  // Issue 13: `Frontdesk('setLocale', …)` switches the strings live (the panel is drawn again).
  let locale: Locale = options.locale;
  let t = translator(WIDGET_CATALOGS[locale]);
  const panel = deps.preview
    ? { open: false, draft: '', seen: null, sound: null }
    : loadPanel(deps.storage, options.siteKey);
  const store = createStore(
    deps.preview
      ? initialState({ connection: { status: 'preview', ready: false, wasOnline: false } })
      : initialState({
          outbox: { items: loadOutbox(deps.storage, options.siteKey) },
          ui: { ...initialUi, draft: panel.draft, seen: panel.seen, sound: panel.sound },
        }),
  );
  const attention = createAttention({
    doc,
    launcher: deps.preview ? null : findLauncher(root),
    t,
    locale: options.locale,
    setInterval: (fn, ms) => win.setInterval(fn, ms),
    clearInterval: (id) => win.clearInterval(id),
  });
  const chime = deps.chime ?? createChime(win);
  // Issue 13: the page a single-page app reported with `trackPage`, until the browser navigates.
  let tracked: PageInfo | null = null;
  const page = () => tracked ?? currentPage(win.location, doc.title);
  let prefill: PrefillInput = {};
  const chat = createChat({
    transport: deps.transport,
    store,
    locale: options.locale,
    page,
    onLiveMessage: (message) => {
      if (isReadable(message)) {
        attention.arrivedHidden();
        const state = store.getState();
        const unseen = !state.ui.open || doc.visibilityState === 'hidden';
        // Issue 13: an agent's message only (the bot answers at once, while the visitor waits for it).
        if (unseen && message.author === 'agent' && soundOn(state.ui, state.conversation.site?.sound))
          chime.play();
      }
      api.emit('message', message);
    },
    ...(deps.retryDelayMs ? { retryDelayMs: deps.retryDelayMs } : {}),
  });
  // marked + DOMPurify are half the app's weight: a separate chunk, loaded once a message needs it.
  // One renderer per mount (its cache too), created once.
  let markdown: Promise<RenderMarkdown> | null = null;
  const loadMarkdown = () => {
    markdown ??= deps.loadMarkdown?.() ?? importMarkdown(win);
    return markdown;
  };

  const container = doc.createElement('div');
  root.append(container);
  // Custom properties set on the host reach both the launcher and the panel.
  const themed = 'host' in root ? (root.host as HTMLElement) : container;
  applyAccent(themed, options.color);

  const cleanups = [
    persistState(store, deps.storage, options.siteKey),
    store.subscribe((state, previous) => {
      if (state.ui.open !== previous.ui.open) api.setOpen(state.ui.open);
      for (const { event, payload } of hostEvents(state, previous)) api.emit(event, payload as never);
      attention.update({
        unread: unreadCount(state.ui, state.messages),
        open: state.ui.open,
        titleFlash: state.conversation.site?.titleFlash === true,
      });
      const color = state.conversation.site?.color ?? null;
      if (!options.color && color !== (previous.conversation.site?.color ?? null)) applyAccent(themed, color);
    }),
    trackViewport(win, themed),
    attention.stop,
  ];
  const listen = (target: EventTarget, type: string, fn: () => void) => {
    target.addEventListener(type, fn);
    cleanups.push(() => target.removeEventListener(type, fn));
  };
  listen(win, 'focus', chat.resync);
  listen(doc, 'visibilitychange', () => {
    if (doc.visibilityState === 'visible') chat.resync();
  });
  const navigated = () => {
    tracked = null;
    chat.pageView();
  };
  listen(win, 'popstate', navigated);
  listen(win, 'hashchange', navigated);

  const draw = () =>
    render(
      <Widget
        store={store}
        chat={chat}
        t={t}
        locale={locale}
        base={options.base}
        prefill={prefill}
        {...(deps.transport.files && { files: deps.transport.files })}
        loadMarkdown={loadMarkdown}
        onClosed={api.focusLauncher}
        onDraft={(text) => store.dispatch({ type: 'ui/draft', text })}
        onSound={(on) => store.dispatch({ type: 'ui/sound', on })}
      />,
      container,
    );
  draw();
  if (!deps.preview) chat.start();
  // Open on the previous page of this site: open again, without taking focus from the page.
  if (panel.open) store.dispatch({ type: 'ui/open', restored: true });
  // Issue 13: after the loader has replayed the commands queued until now (it does so as `mount` returns).
  if (!deps.preview) queueMicrotask(() => api.emit('ready', null));

  const isOpen = () => store.getState().ui.open;
  const open = () => store.dispatch({ type: 'ui/open' });
  const close = () => store.dispatch({ type: 'ui/close' });
  const toggle = () => store.dispatch({ type: isOpen() ? 'ui/close' : 'ui/open' });
  const launcher = deps.preview ? null : findLauncher(root);
  const warn = (name: string, arg: unknown) => console.warn(`[frontdesk] ${name}: unusable argument`, arg);
  return {
    showSite: (site) => store.dispatch({ type: 'session/ready', site, conversation: null, messages: [] }),
    open,
    close,
    toggle,
    // Issue 12: the host page says who the visitor is, or that they logged out.
    run: createHostCommands({
      open,
      close,
      toggle,
      identify: (input) => chat.identify(input),
      logout: () => void chat.logout(),
      // Issue 13: the rest of the JS API (names in shared's WIDGET_COMMANDS).
      show: () => launcher?.removeAttribute('hidden'),
      hide: () => launcher?.setAttribute('hidden', ''),
      setLocale: (input) => {
        if (!isLocale(input)) return warn('setLocale', input);
        if (input === locale) return;
        locale = input;
        chat.setLocale(locale);
        t = translator(WIDGET_CATALOGS[locale]);
        attention.setStrings(t, locale);
        draw();
      },
      prefill: (input) => {
        const next = readPrefill(input);
        if (!next) return warn('prefill', input);
        prefill = { ...prefill, ...next };
        // The visitor's own unsent text wins over the host page's suggestion.
        if (next.message && store.getState().ui.draft.trim() === '')
          store.dispatch({ type: 'ui/draft', text: next.message });
        draw();
      },
      trackPage: (input) => {
        const next = readTrackPage(input, currentPage(win.location, doc.title));
        if (!next) return warn('trackPage', input);
        tracked = next;
        chat.pageView();
      },
    } satisfies Record<Exclude<WidgetCommand, 'on'>, (arg: unknown) => void>),
    unmount() {
      chat.stop();
      for (const cleanup of cleanups) cleanup();
      render(null, container);
      container.remove();
    },
  };
}
