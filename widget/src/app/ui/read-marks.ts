/** Issue 13: the visitor's read marks (rows on screen in the open panel) and a ticking clock. */
import { watchRowsOnScreen } from '@frontdesk/shared/client';
import { useEffect, useState } from 'preact/hooks';

export function useReadMarks(
  log: { current: HTMLElement | null },
  lastSeq: number,
  markRead: (seq: number) => void,
): void {
  useEffect(() => {
    const root = log.current;
    if (!root || lastSeq === 0) return;
    return watchRowsOnScreen(root, lastSeq, markRead);
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
