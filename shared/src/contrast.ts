/**
 * Colour contrast for a site's brand colour (WCAG 2.2 relative luminance and contrast ratio). The
 * widget draws text on the brand colour (launcher label, header, the visitor's own bubbles) in
 * white or near-black, whichever reads better; a colour with which neither reaches the AA ratio for
 * normal text is refused.
 */

/** WCAG AA for normal text. */
export const MIN_TEXT_CONTRAST = 4.5;

export const LIGHT_TEXT = '#ffffff';
export const DARK_TEXT = '#111827';

const HEX = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;

/** `#abc` or `#aabbcc` in lower case as `#aabbcc`, or null. */
export function normalizeHexColor(input: string): string | null {
  const text = input.trim();
  if (!HEX.test(text)) return null;
  const hex = text.slice(1).toLowerCase();
  return hex.length === 3 ? `#${[...hex].map((c) => c + c).join('')}` : `#${hex}`;
}

function channel(value: number): number {
  const c = value / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** Relative luminance of a `#rrggbb` colour, 0 (black) to 1 (white). */
export function relativeLuminance(hex: string): number {
  const n = Number.parseInt(hex.slice(1), 16);
  return 0.2126 * channel((n >> 16) & 255) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255);
}

/** Contrast ratio of two `#rrggbb` colours, 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** The text colour for a background: white or near-black, whichever has more contrast. */
export function textColorOn(background: string): { color: string; ratio: number } {
  const light = contrastRatio(background, LIGHT_TEXT);
  const dark = contrastRatio(background, DARK_TEXT);
  return light >= dark ? { color: LIGHT_TEXT, ratio: light } : { color: DARK_TEXT, ratio: dark };
}

/** Whether a brand colour can carry readable text (AA) in white or near-black. */
export function hasTextContrast(background: string): boolean {
  return textColorOn(background).ratio >= MIN_TEXT_CONTRAST;
}
