/**
 * HTML → safe HTML for one window: DOMPurify with the tags of `MARKDOWN_POLICY`, `href` and `title`
 * only, and a hook that keeps a link's `href` only when a reader may follow it and then opens it in a
 * new tab without opener, referrer or endorsement.
 */
import createDOMPurify, { type Config } from 'dompurify';
import { MARKDOWN_POLICY } from '../../markdown-policy.ts';
import { allowedUriPattern, createHrefCheck } from './links.ts';

/** What the renderer needs of a window (the real one, or jsdom's in tests): DOMPurify's part and a document. */
export type PurifyWindow = Parameters<typeof createDOMPurify>[0] & { document: Document };

export function createSanitizer(win: PurifyWindow, relativeLinks: boolean): (html: string) => string {
  const purify = createDOMPurify(win);
  const isSafe = createHrefCheck(win.document, relativeLinks);
  const config: Config = {
    ALLOWED_TAGS: [...MARKDOWN_POLICY.allowedTags],
    ALLOWED_ATTR: ['href', 'title'],
    ALLOW_DATA_ATTR: false,
    ALLOW_ARIA_ATTR: false,
    ALLOWED_URI_REGEXP: allowedUriPattern(relativeLinks),
  };
  purify.addHook('afterSanitizeAttributes', (node) => {
    if (node.nodeName !== 'A') return;
    const href = node.getAttribute('href');
    if (href === null || !isSafe(href)) {
      node.removeAttribute('href');
      return;
    }
    node.setAttribute('target', '_blank');
    node.setAttribute('rel', MARKDOWN_POLICY.linkRel);
  });
  return (html) => purify.sanitize(html, config);
}
