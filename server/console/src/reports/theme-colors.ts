/**
 * The console's colour tokens as plain colours, for drawing on a canvas (the Reports chart): a canvas
 * cannot read `var(--muted)`, and a custom property read with getComputedStyle is its declared text
 * (`light-dark(…)`), so each token is resolved through a probe element's computed `color`, under the
 * element it will be drawn in (the scheme in force there decides light or dark).
 */
import { useEffect, useState } from 'preact/hooks';

export function themeColors<T extends string>(within: Element, tokens: readonly T[]): Record<T, string> {
  const probe = within.ownerDocument.createElement('span');
  probe.hidden = true;
  within.append(probe);
  try {
    const colors = {} as Record<T, string>;
    for (const token of tokens) {
      probe.style.color = `var(--${token})`;
      colors[token] = getComputedStyle(probe).color;
    }
    return colors;
  } finally {
    probe.remove();
  }
}

const DARK = '(prefers-color-scheme: dark)';

/**
 * Changes whenever the scheme in force may have changed: the system's (the media query) or the
 * agent's choice (`data-theme` on <html>, set by app/theme.ts). Components that draw with
 * `themeColors` redraw on it.
 */
export function useSchemeKey(): string {
  const read = () => `${document.documentElement.dataset.theme ?? 'system'}:${matchMedia(DARK).matches}`;
  const [key, setKey] = useState(read);
  useEffect(() => {
    const update = () => setKey(read());
    const media = matchMedia(DARK);
    media.addEventListener('change', update);
    const observer = new MutationObserver(update);
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    return () => {
      media.removeEventListener('change', update);
      observer.disconnect();
    };
  }, []);
  return key;
}
