/**
 * The root component of one mounted widget: follows the store, renders the panel when open, and
 * moves focus into it on open and back to the launcher on close.
 */

import type { RenderMarkdown } from '@frontdesk/shared/markdown';
import { useStore } from '@frontdesk/shared/preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { State, Store } from '../store/index.ts';
import { WidgetContext, type WidgetContextValue } from './context.ts';
import { Panel } from './Panel.tsx';

type Props = Omit<WidgetContextValue, 'markdown'> & {
  store: Store;
  /** Loads the Markdown renderer (a separate chunk), first needed when a bot or agent message shows. */
  loadMarkdown: () => Promise<RenderMarkdown>;
  /** Called after the panel closed, to hand focus back (the launcher). */
  onClosed: () => void;
  /** The composer's text changed (kept in the store, which saves it for the next page). */
  onDraft?: (text: string) => void;
};

const needsMarkdown = (state: State) =>
  state.messages.messages.some((m) => m.author === 'bot' || m.author === 'agent');

export function Widget({ store, onClosed, onDraft, loadMarkdown, ...context }: Props) {
  const state = useStore(store);
  const [markdown, setMarkdown] = useState<RenderMarkdown | null>(null);
  const wanted = needsMarkdown(state);
  const root = useRef<HTMLDivElement>(null);
  const wasOpen = useRef(false);
  const open = state.ui.open;

  useEffect(() => {
    // Reopened on a new page: the page keeps its focus; the visitor did not just click.
    if (open && !store.getState().ui.restored)
      root.current?.querySelector<HTMLTextAreaElement>('.composer textarea')?.focus();
    else if (wasOpen.current) onClosed();
    wasOpen.current = open;
  }, [open, onClosed]);

  useEffect(() => {
    if (!wanted || markdown) return;
    let live = true;
    loadMarkdown().then(
      (render) => live && setMarkdown(() => render),
      (error: unknown) =>
        console.error('[frontdesk] Markdown renderer failed to load; showing plain text', error),
    );
    return () => {
      live = false;
    };
  }, [wanted, markdown, loadMarkdown]);

  return (
    <WidgetContext.Provider value={{ ...context, markdown, ...(onDraft ? { onDraft } : {}) }}>
      <div class={state.conversation.site?.position === 'left' ? 'frontdesk left' : 'frontdesk'} ref={root}>
        {open && <Panel state={state} onClose={() => store.dispatch({ type: 'ui/close' })} />}
      </div>
    </WidgetContext.Provider>
  );
}
