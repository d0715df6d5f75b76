/**
 * Bot and agent bodies: Markdown → HTML (marked, raw HTML escaped) → DOMPurify with a small
 * allow-list. Links keep only http(s)/mailto/tel or relative targets and open in a new tab.
 * One renderer per mount, bound to the window it renders into.
 */
import { LIMITS, MARKDOWN_POLICY } from '@frontdesk/shared';
import createDOMPurify, { type Config } from 'dompurify';
import { Marked } from 'marked';

export type RenderMarkdown = (source: string) => string;
export type PurifyWindow = Parameters<typeof createDOMPurify>[0];

/** DOMPurify's default URI rule minus the schemes a chat has no use for. */
const ALLOWED_URI = new RegExp(
  `^(?:(?:${MARKDOWN_POLICY.linkSchemes.join('|')}):|[^a-z]|[a-z+.-]+(?:[^a-z+.\\-:]|$))`,
  'i',
);
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
const SAFE_SCHEMES: ReadonlySet<string> = new Set(MARKDOWN_POLICY.linkSchemes);
/** What URL parsers ignore (controls, whitespace), removed before looking at the scheme. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point.
const IGNORED_IN_URL = /[\u0000-\u0020\u007f-\u009f]/g;

const CONFIG: Config = {
  ALLOWED_TAGS: [...MARKDOWN_POLICY.allowedTags],
  ALLOWED_ATTR: ['href', 'title'],
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  ALLOWED_URI_REGEXP: ALLOWED_URI,
};

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

/** Links a visitor may follow; anything with another scheme (`javascript:`, `data:`, …) is not one. */
export function isSafeHref(href: string): boolean {
  const scheme = SCHEME.exec(href.replace(IGNORED_IN_URL, ''))?.[1];
  return scheme === undefined || SAFE_SCHEMES.has(scheme.toLowerCase());
}

/** HTML → safe HTML for this window: the allow-list plus the link rules. */
export function createSanitizer(win: PurifyWindow): (html: string) => string {
  const purify = createDOMPurify(win);
  purify.addHook('afterSanitizeAttributes', (node) => {
    if (node.nodeName !== 'A') return;
    const href = node.getAttribute('href');
    if (href === null || !isSafeHref(href)) {
      node.removeAttribute('href');
      return;
    }
    node.setAttribute('target', '_blank');
    node.setAttribute('rel', MARKDOWN_POLICY.linkRel);
  });
  return (html) => purify.sanitize(html, CONFIG);
}

export function createMarkdown(win: PurifyWindow): RenderMarkdown {
  const sanitize = createSanitizer(win);

  // Raw HTML in Markdown is shown as text: nobody writes chat replies in HTML on purpose.
  const marked = new Marked({
    gfm: true,
    breaks: true,
    async: false,
    renderer: { html: ({ text }) => escapeHtml(text) },
  });

  return (source) => {
    let html: string;
    if (source.length > LIMITS.messageMaxLength * 2) {
      html = `<p>${escapeHtml(source)}</p>`;
    } else {
      try {
        html = marked.parse(source, { async: false });
      } catch (error) {
        console.warn('[frontdesk] Markdown failed; showing plain text', error);
        html = `<p>${escapeHtml(source)}</p>`;
      }
    }
    return sanitize(html);
  };
}
