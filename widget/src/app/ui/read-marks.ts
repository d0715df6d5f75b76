/**
 * Issue 13: what counts as read by the visitor: a message row (`data-seq`) on screen in the open
 * panel while the page is visible. Rows are watched with an IntersectionObserver on the log; where
 * there is none, the newest row counts as on screen (the log keeps scrolling to it).
 */
import { useEffect, useState } from 'preact/hooks';

export function useReadMarks(
  log: { current: HTMLElement | null },
  lastSeq: number,
  markRead: (seq: number) => void,
): void {
  useEffect(() => {
    const root = log.current;
    if (!root || lastSeq === 0) return;
    const doc = root.ownerDocument;
    const onScreen = new Set<number>();
    const report = () => {
      if (doc.visibilityState === 'hidden' || onScreen.size === 0) return;
      markRead(Math.max(...onScreen));
    };
    doc.addEventListener('visibilitychange', report);
    const View = doc.defaultView?.IntersectionObserver;
    if (!View) {
      onScreen.add(lastSeq);
      report();
      return () => doc.removeEventListener('visibilitychange', report);
    }
    const observer = new View(
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
  }, [lastSeq]);
}

/** The current time, again every `ms` while mounted (relative timestamps move on by themselves). */
export function useNow(ms = 30_000): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(timer);
  }, [ms]);
  return now;
}
