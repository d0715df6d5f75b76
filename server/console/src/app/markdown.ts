/**
 * The console's Markdown renderer, given to components through context: one per mounted App (its
 * cache too), the shared renderer for the page's window in the browser, one bound to jsdom in tests.
 */
import { createMarkdown, type RenderMarkdown } from '@frontdesk/shared/markdown';
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';

/**
 * Relative links are shown as text here: written for the shop's pages, in the console they would
 * point into the console's own origin, where the agent is signed in.
 */
export const createConsoleMarkdown = (win: Window & typeof globalThis): RenderMarkdown =>
  createMarkdown(win, { relativeLinks: false });

export const MarkdownContext = createContext<RenderMarkdown | null>(null);

export function useMarkdown(): RenderMarkdown {
  const render = useContext(MarkdownContext);
  if (!render) throw new Error('console components need a MarkdownContext provider');
  return render;
}
