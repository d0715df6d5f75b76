/**
 * The root component of one mounted widget: follows the store, renders the panel when open, and
 * moves focus into it on open and back to the launcher on close.
 */

import type { RenderMarkdown } from '@frontdesk/shared/markdown';
import { useEffect, useLayoutEffect, useReducer, useRef, useState } from 'preact/hooks';
import type { State, Store } from '../store/index.ts';
import { WidgetContext, type WidgetContextValue } from './context.ts';
import { Panel } from './Panel.tsx';

function useStoreState(store: Store): State {
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const state = store.getState();
  useLayoutEffect(() => {
    const unsubscribe = store.subscribe(() => rerender(0));
    // A change between this render and the subscription would otherwise be missed.
    if (store.getState() !== state) rerender(0);
    return unsubscribe;
  }, [store]);
  return state;
}

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
  const state = useStoreState(store);
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
