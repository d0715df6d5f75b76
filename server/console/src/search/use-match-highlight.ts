/**
 * Issue 14: once the conversation opened from a search shows the matching message, that message is
 * scrolled into view, outlined, and its searched words marked. Runs again for every new request.
 */
import { useEffect, useRef } from 'preact/hooks';
import { markTerms } from './mark.ts';

export type MatchHighlight = { conversationId: string; seq: number; terms: readonly string[] };

export function useMatchHighlight(
  root: { current: HTMLElement | null },
  highlight: MatchHighlight | null | undefined,
  selectedId: string | null,
  messageCount: number,
): void {
  const done = useRef<MatchHighlight | null>(null);
  useEffect(() => {
    if (!highlight || done.current === highlight || highlight.conversationId !== selectedId) return;
    const item = root.current?.querySelector<HTMLElement>(`[data-seq="${highlight.seq}"]`);
    if (!item) return;
    done.current = highlight;
    item.classList.add('msg--match');
    markTerms(item, highlight.terms);
    item.scrollIntoView?.({ block: 'center' });
  }, [highlight, selectedId, messageCount]);
}
