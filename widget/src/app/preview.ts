/**
 * The widget preview (the console's appearance page, served at `ROUTES.widgetPreview`): the real
 * widget, open, with no connection and the composer disabled, showing the `WidgetSite` a page of
 * the same origin posts as `{ type: PREVIEW_MESSAGE, site, locale }`. Messages from any other origin
 * are ignored.
 */
import { isLocale, type Locale, PREVIEW_MESSAGE, type WidgetSite } from '@frontdesk/shared';
import { NO_REPLY } from '@frontdesk/shared/client';
import { adoptStyles } from '../accent.ts';
import { memoryStore } from '../storage.ts';
import type { ChatTransport } from '../transport/index.ts';
import { APP_CSS } from './ui/styles.ts';
import { createWidget } from './widget.tsx';

const noTransport: ChatTransport = {
  start() {},
  stop() {},
  request: () => Promise.resolve(NO_REPLY),
  subscribe: () => () => {},
  forget() {},
};

type PreviewMessage = { type: string; site?: WidgetSite; locale?: unknown };

export function startPreview(win: Window & typeof globalThis = window): void {
  const doc = win.document;
  const host = doc.createElement('div');
  doc.body.append(host);
  const root = host.attachShadow({ mode: 'open' });
  adoptStyles(root, APP_CSS);
  let site: WidgetSite | null = null;
  let widget: ReturnType<typeof createWidget> | null = null;
  let locale: Locale | null = null;

  const mount = (next: Locale) => {
    widget?.unmount();
    locale = next;
    widget = createWidget({
      root,
      options: { base: win.location.origin, siteKey: 'preview', locale: next, color: null },
      api: { emit() {}, setOpen() {}, focusLauncher() {} },
      transport: noTransport,
      storage: memoryStore(),
      win,
      preview: true,
    });
    widget.open();
    if (site) widget.showSite(site);
  };

  win.addEventListener('message', (event: MessageEvent<PreviewMessage>) => {
    if (event.origin !== win.location.origin || event.data?.type !== PREVIEW_MESSAGE) return;
    const next = isLocale(event.data.locale) ? event.data.locale : (locale ?? 'en');
    if (next !== locale) mount(next);
    if (event.data.site) {
      site = event.data.site;
      widget?.showSite(site);
    }
  });
  mount(isLocale(doc.documentElement.lang) ? doc.documentElement.lang : 'en');
}
