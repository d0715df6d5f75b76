/**
 * Issue 13: "read" = a timeline row (`data-seq`) on screen while the page is visible. Watches the rows
 * of a scroller with an IntersectionObserver and reports the highest `seq` seen; without one, the
 * newest row counts as on screen (timelines keep scrolling to it). Returns what stops watching.
 */
export function watchRowsOnScreen(
  root: HTMLElement,
  newestSeq: number,
  seen: (seq: number) => void,
): () => void {
  const doc = root.ownerDocument;
  const onScreen = new Set<number>();
  const report = () => {
    if (doc.visibilityState === 'hidden' || onScreen.size === 0) return;
    seen(Math.max(...onScreen));
  };
  doc.addEventListener('visibilitychange', report);
  const Observer = doc.defaultView?.IntersectionObserver;
  if (!Observer) {
    onScreen.add(newestSeq);
    report();
    return () => doc.removeEventListener('visibilitychange', report);
  }
  const observer = new Observer(
    (entries) => {
      for (const entry of entries) {
        const seq = Number((entry.target as HTMLElement).dataset.seq);
        if (entry.isIntersecting) onScreen.add(seq);
        else onScreen.delete(seq);
      }
      report();
    },
    { root },
  );
  for (const row of root.querySelectorAll<HTMLElement>('[data-seq]')) observer.observe(row);
  return () => {
    observer.disconnect();
    doc.removeEventListener('visibilitychange', report);
  };
}
