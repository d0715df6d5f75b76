/**
 * @module @frontdesk/shared/markdown — the Markdown renderer factory of both clients (policy + marked +
 * DOMPurify, given a window). Framework-free; the widget imports it in a lazily loaded chunk.
 */
export { policyViolations } from './inert.ts';
export { isSafeHref } from './links.ts';
export { escapeHtml, plainTextHtml } from './plain-text.ts';
export {
  createMarkdown,
  type MarkdownFallback,
  type MarkdownOptions,
  type RenderedMarkdown,
  type RenderMarkdown,
} from './render.ts';
export { createSanitizer, type PurifyWindow } from './sanitize.ts';
