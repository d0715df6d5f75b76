/** Reads the embed's `<script>` tag once and turns it into the options object passed down. */
import { isLocale, PATHS, pickLocale } from '@frontdesk/shared';
import { isHexColor } from '../accent.ts';
import type { WidgetOptions } from '../loader-api.ts';

/** `document.currentScript`, or the last script whose URL path is the loader's. */
export const findScript = (doc: Document): HTMLScriptElement | null =>
  (doc.currentScript as HTMLScriptElement | null) ??
  [...doc.querySelectorAll<HTMLScriptElement>('script[src]')]
    .reverse()
    .find((script) => new URL(script.src, doc.baseURI).pathname.endsWith(PATHS.loader)) ??
  null;

export function readOptions(script: HTMLScriptElement, languages: readonly string[]): WidgetOptions | null {
  const { site, locale, color } = script.dataset;
  if (!site || !script.src) return null;
  return {
    base: new URL(script.src, script.ownerDocument.baseURI).origin,
    siteKey: site,
    locale: isLocale(locale) ? locale : pickLocale(languages),
    color: isHexColor(color) ? color : null,
  };
}
