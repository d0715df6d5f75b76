/** A body as inert HTML text: the renderers' fallback when Markdown is too costly or fails. */

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

/** One paragraph of escaped text; line breaks stay line breaks. */
export const plainTextHtml = (source: string): string =>
  `<p>${escapeHtml(source).replace(/\r?\n/g, '<br>')}</p>`;
