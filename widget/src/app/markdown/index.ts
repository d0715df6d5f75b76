/** @module markdown — sanitised Markdown for bot and agent messages. */
export {
  createMarkdown,
  createSanitizer,
  escapeHtml,
  isSafeHref,
  type PurifyWindow,
  type RenderMarkdown,
} from './render.ts';
