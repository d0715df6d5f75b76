/**
 * Keeps the full-screen panel above the on-screen keyboard: the visual viewport's height and offset
 * become CSS custom properties (set through CSSOM, CSP-safe).
 */
export function trackViewport(win: Window, el: HTMLElement): () => void {
  const viewport = win.visualViewport;
  if (!viewport) return () => {};
  const update = () => {
    el.style.setProperty('--fd-vv-height', `${viewport.height}px`);
    el.style.setProperty('--fd-vv-top', `${viewport.offsetTop}px`);
  };
  update();
  viewport.addEventListener('resize', update);
  viewport.addEventListener('scroll', update);
  return () => {
    viewport.removeEventListener('resize', update);
    viewport.removeEventListener('scroll', update);
  };
}
