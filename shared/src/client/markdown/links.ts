/**
 * Which link targets a reader may follow: web, mail and phone links, plus relative ones where the
 * renderer allows them. Anything with another scheme (`javascript:`, `data:`, `vbscript:`, …) is not
 * a link. Decided once for both layers: marked's renderer and the sanitiser's hook.
 */
import { MARKDOWN_POLICY } from '../../markdown-policy.ts';

const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
const SAFE_SCHEMES: ReadonlySet<string> = new Set(MARKDOWN_POLICY.linkSchemes);
/** What URL parsers ignore (controls, whitespace), removed before looking at the scheme. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point.
const IGNORED_IN_URL = /[\u0000-\u0020\u007f-\u009f]/g;

export function isSafeHref(href: string, relativeLinks: boolean): boolean {
  const scheme = SCHEME.exec(href.replace(IGNORED_IN_URL, ''))?.[1];
  return scheme === undefined ? relativeLinks : SAFE_SCHEMES.has(scheme.toLowerCase());
}

/**
 * `isSafeHref`, also after decoding character references the way an HTML parser would: a scheme
 * disguised as `&#106;avascript:` or `javascript&colon;` is found out whichever layer decodes it.
 * A detached textarea decodes without creating elements (its content is text).
 */
export function createHrefCheck(doc: Document, relativeLinks: boolean): (href: string) => boolean {
  const decoder = doc.createElement('textarea');
  return (href) => {
    if (!isSafeHref(href, relativeLinks)) return false;
    if (!href.includes('&')) return true;
    decoder.innerHTML = href;
    return isSafeHref(decoder.value, relativeLinks);
  };
}

/**
 * DOMPurify's `ALLOWED_URI_REGEXP`: its default rule minus the schemes a chat has no use for, or,
 * without relative links, an explicit safe scheme only.
 */
export function allowedUriPattern(relativeLinks: boolean): RegExp {
  const schemes = `(?:${MARKDOWN_POLICY.linkSchemes.join('|')}):`;
  return relativeLinks
    ? new RegExp(`^(?:${schemes}|[^a-z]|[a-z+.-]+(?:[^a-z+.\\-:]|$))`, 'i')
    : new RegExp(`^${schemes}`, 'i');
}
