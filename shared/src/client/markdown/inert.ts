/**
 * What "safe output" means, checked on a parsed fragment: only tags of `MARKDOWN_POLICY`, only
 * `href`/`title`/`target`/`rel` (and DOMPurify's inert empty `is`), no event handler, links only to safe targets with the policy's `rel`
 * and a new tab. Used by the tests of the renderer, the fuzzing pass and the clients' DOM tests.
 */
import { MARKDOWN_POLICY } from '../../markdown-policy.ts';
import { isSafeHref } from './links.ts';

const ALLOWED_TAGS: ReadonlySet<string> = new Set(MARKDOWN_POLICY.allowedTags);
const ALLOWED_ATTRIBUTES: ReadonlySet<string> = new Set(['href', 'title', 'target', 'rel']);

/** Everything in `root` that breaks the policy, described; empty when the fragment is inert. */
export function policyViolations(root: Element, relativeLinks: boolean): string[] {
  const found: string[] = [];
  for (const el of root.querySelectorAll('*')) {
    const tag = el.localName;
    if (!ALLOWED_TAGS.has(tag)) found.push(`tag <${tag}>`);
    for (const attr of el.attributes) {
      // DOMPurify neutralises `is` by emptying it: removed, the serialiser would write the element's
      // original `is` value back; empty, it names no custom element.
      if (attr.name === 'is' && attr.value === '') continue;
      if (!ALLOWED_ATTRIBUTES.has(attr.name))
        found.push(`attribute ${attr.name}="${attr.value}" on <${tag}>`);
    }
    if (tag !== 'a') continue;
    const href = el.getAttribute('href');
    if (href === null) continue;
    if (!isSafeHref(href, relativeLinks)) found.push(`href ${JSON.stringify(href)}`);
    if (el.getAttribute('target') !== '_blank') found.push(`link without target=_blank: ${href}`);
    if (el.getAttribute('rel') !== MARKDOWN_POLICY.linkRel) found.push(`link without rel: ${href}`);
  }
  return found;
}
