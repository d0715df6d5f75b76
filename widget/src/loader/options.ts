/**
 * Reads the embed's `<script>` tag once (and the per-site loader's preset, `window.__frontdesk_site`)
 * and turns it into the options object passed down. The tag's `data-*` attributes win.
 */
import { isLocale, type LoaderPreset, PATHS, pickLocale } from '@frontdesk/shared';
import { isHexColor } from '../accent.ts';
import type { WidgetOptions } from '../loader-api.ts';

/** `document.currentScript`, or the last script whose URL path is the loader's. */
export const findScript = (doc: Document): HTMLScriptElement | null =>
  (doc.currentScript as HTMLScriptElement | null) ??
  [...doc.querySelectorAll<HTMLScriptElement>('script[src]')]
    .reverse()
    .find((script) => new URL(script.src, doc.baseURI).pathname.endsWith(PATHS.loader)) ??
  null;

export function readOptions(
  script: HTMLScriptElement | null | undefined,
  languages: readonly string[],
  preset?: LoaderPreset,
): WidgetOptions | null {
  if (!script?.src) return null;
  const { site = preset?.k, locale, color } = script.dataset;
  if (!site) return null;
  return {
    base: new URL(script.src, script.ownerDocument.baseURI).origin,
    siteKey: site,
    locale: isLocale(locale) ? locale : pickLocale([...languages, preset?.l]),
    color: isHexColor(color) ? color : null,
  };
}
