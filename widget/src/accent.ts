/** The site's accent colour: validation, a readable text colour on it, and CSSOM custom properties. */

export const DEFAULT_ACCENT = '#1f5fbf';
const HEX = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;

export const isHexColor = (value: unknown): value is string => typeof value === 'string' && HEX.test(value);

/** Relative luminance (WCAG 2.1, with the sRGB curve approximated by a 2.2 power) of `#rgb`/`#rrggbb`. */
export function luminance(hex: string): number {
  const short = hex.length < 5;
  const channel = (i: number) =>
    (Number.parseInt(short ? hex[i]!.repeat(2) : hex.slice(i * 2 - 1, i * 2 + 1), 16) / 255) ** 2.2;
  return 0.2126 * channel(1) + 0.7152 * channel(2) + 0.0722 * channel(3);
}

/**
 * White or #111, whichever contrasts more with the accent: their WCAG contrast ratios are equal
 * where the accent's luminance is about 0.19.
 */
export const readableOn = (hex: string): string => (luminance(hex) > 0.19 ? '#111' : '#fff');

/** Sets the accent through CSSOM (allowed under `style-src 'self'`, unlike a style attribute). */
export function applyAccent(el: HTMLElement, color: string | null): void {
  const accent = isHexColor(color) ? color : DEFAULT_ACCENT;
  el.style.setProperty('--fd-accent', accent);
  el.style.setProperty('--fd-on-accent', readableOn(accent));
}

/** Adds a constructable stylesheet to a shadow root (no `<style>` element, CSP-safe). */
export function adoptStyles(root: ShadowRoot, css: string): void {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}
