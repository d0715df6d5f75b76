/**
 * The Markdown renderer of both clients (the widget's lazily loaded chunk and the console), one per
 * window: marked (raw HTML shown as text, unsafe links as text, images as their alt text) → DOMPurify
 * with `MARKDOWN_POLICY`. Bodies the pre-scan finds too costly, that make marked throw, or that once
 * rendered slower than the budget are shown as plain text; results are kept in a bounded cache so a
 * timeline re-renders nothing when it is shown again.
 */
import { Marked, type Tokens } from 'marked';
import { LIMITS } from '../../limits.ts';
import { markdownProblem } from '../../markdown-complexity.ts';
import { createHrefCheck } from './links.ts';
import { createLru } from './lru.ts';
import { escapeHtml, plainTextHtml } from './plain-text.ts';
import { createSanitizer, type PurifyWindow } from './sanitize.ts';

/** Why a body is shown as plain text: over a limit, marked threw, or it rendered over the budget. */
export type MarkdownFallback = 'limit' | 'error' | 'budget';

/** Sanitised HTML, and whether it is the plain-text fallback. */
export type RenderedMarkdown = { html: string; fallback: MarkdownFallback | null };

export type RenderMarkdown = (source: string) => RenderedMarkdown;

export type MarkdownOptions = {
  /**
   * Keep relative links (`/returns`, `#size-guide`). The widget does: they resolve against the shop's
   * own page, where the FAQ author meant them, and cannot carry a script scheme. The console does
   * not: there they would point into the console's origin, with the agent's session.
   */
  relativeLinks: boolean;
  /** Milliseconds one render may take; default `LIMITS.markdownRenderBudgetMs`. */
  budgetMs?: number;
  /** Clock for the budget; default `performance.now`. */
  now?: () => number;
};

function createParser(isSafe: (href: string) => boolean): Marked {
  const linkTo = (href: string, title: string | null | undefined, text: string) => {
    const target = href.trim();
    if (!isSafe(target)) return text;
    const titled = title ? ` title="${escapeHtml(title)}"` : '';
    return `<a href="${escapeHtml(target)}"${titled}>${text}</a>`;
  };
  return new Marked({
    gfm: true,
    breaks: true,
    async: false,
    renderer: {
      // Raw HTML in a chat body is text: nobody writes replies in HTML on purpose. A block of it is
      // a paragraph, so every output is markup that DOMPurify parses and serialises (no text-only fast path).
      html: (token: Tokens.HTML | Tokens.Tag) =>
        'block' in token && token.block ? plainTextHtml(token.text.trim()) : escapeHtml(token.text),
      link(token: Tokens.Link) {
        return linkTo(token.href, token.title, this.parser.parseInline(token.tokens));
      },
      // No images in chat bodies: the alt text (or the address), linked when the address is safe.
      image: (token: Tokens.Image) => linkTo(token.href, null, escapeHtml(token.text || token.href)),
    },
  });
}

export function createMarkdown(win: PurifyWindow, options: MarkdownOptions): RenderMarkdown {
  const sanitize = createSanitizer(win, options.relativeLinks);
  const marked = createParser(createHrefCheck(win.document, options.relativeLinks));
  const budgetMs = options.budgetMs ?? LIMITS.markdownRenderBudgetMs;
  const now = options.now ?? (() => performance.now());
  const cache = createLru<string, RenderedMarkdown>(LIMITS.markdownCacheEntries);
  // Bodies that once went over the budget stay plain text even after the cache forgot them.
  const slow = createLru<string, true>(LIMITS.markdownCacheEntries);
  let warmedUp = false;

  const plain = (source: string, fallback: MarkdownFallback): RenderedMarkdown => ({
    html: sanitize(plainTextHtml(source)),
    fallback,
  });

  const render = (source: string): RenderedMarkdown => {
    if (slow.get(source)) return plain(source, 'budget');
    const problem = markdownProblem(source);
    if (problem) return plain(source, 'limit');
    const started = now();
    let html: string;
    try {
      html = sanitize(marked.parse(source, { async: false }));
    } catch (error) {
      console.warn('[markdown] rendering failed; showing the body as plain text', error);
      return plain(source, 'error');
    }
    const took = now() - started;
    // The first render also pays the parser's warm-up (regex compilation, JIT): on a slow phone or a busy
    // machine that alone can exceed the budget, and the greeting would stay plain text for good. Bodies
    // over the size and complexity limits never reach the parser, so the first one is let through.
    const warmUp = !warmedUp;
    warmedUp = true;
    if (took > budgetMs && !warmUp) {
      slow.set(source, true);
      console.warn(
        `[markdown] a ${source.length}-character body took ${Math.round(took)} ms (budget ${budgetMs} ms); showing it as plain text from now on`,
      );
      return plain(source, 'budget');
    }
    return { html, fallback: null };
  };

  return (source) => {
    const cached = cache.get(source);
    if (cached) return cached;
    const rendered = render(source);
    cache.set(source, rendered);
    return rendered;
  };
}
