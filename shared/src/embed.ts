/**
 * The embed code site owners paste, written once (issue 17): the console's Appearance page, the
 * README (a test keeps its copy equal to this output), the demo shop (its `assets/embed.js` is served
 * from here) and the browser tests all take it from these functions.
 *
 * - `plainEmbed`: the `async` tag. Simple, but a browser counts an `async` script in the page's `load`
 *   event, so the loader's download and run delay `load`.
 * - `afterLoadEmbed` (recommended): the `window.Frontdesk` stub queue, then the loader inserted after
 *   the page's `load` event (at once when the page has loaded already). Calls made before the loader
 *   runs are queued and replayed in order; nothing of the widget starts before `load`.
 */
import type { Locale } from './i18n/locale.ts';

export type EmbedOptions = {
  /** The loader's URL: the site's own `/w/<key>.js` or the generic `/widget.js`. */
  src: string;
  /** `data-site`: only for the generic loader (a site's own loader knows its key). */
  site?: string;
  /** `data-locale`: a fixed language, or `'page'` for the page's `<html lang>` when the loader is added. */
  locale?: Locale | 'page';
};

/** The `window.Frontdesk` stub: calls made before the loader runs wait in `Frontdesk.q`. */
export const FRONTDESK_STUB =
  'window.Frontdesk=window.Frontdesk||function(){(Frontdesk.q=Frontdesk.q||[]).push(arguments)};';

/** A JavaScript string literal that cannot end a `<script>` element. */
const jsString = (text: string) => JSON.stringify(text).replace(/</g, '\\u003c');

/** An HTML attribute value in double quotes. */
const attr = (text: string) =>
  `"${text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}"`;

/** The JavaScript of the after-load embed (without the `<script>` element): the stub, then the loader after `load`. */
export function afterLoadEmbedScript({ src, site, locale }: EmbedOptions): string {
  let data = '';
  if (site !== undefined) data += `s.dataset.site=${jsString(site)};`;
  if (locale === 'page') data += 's.dataset.locale=document.documentElement.lang;';
  else if (locale !== undefined) data += `s.dataset.locale=${jsString(locale)};`;
  return (
    `${FRONTDESK_STUB}\n` +
    `(function(){var l=function(){var s=document.createElement('script');s.src=${jsString(src)};s.async=true;${data}document.body.appendChild(s)};\n` +
    `if(document.readyState==='complete')l();else addEventListener('load',l)})();`
  );
}

/** The after-load embed as pasted into a page (under a strict CSP the page adds its nonce to the element). */
export function afterLoadEmbed(options: EmbedOptions): string {
  return `<script>\n${afterLoadEmbedScript(options)}\n</script>`;
}

/** The plain `async` tag. */
export function plainEmbed({ src, site, locale }: EmbedOptions & { locale?: Locale }): string {
  let data = '';
  if (site !== undefined) data += ` data-site=${attr(site)}`;
  if (locale !== undefined) data += ` data-locale=${attr(locale)}`;
  return `<script src=${attr(src)}${data} async></script>`;
}
