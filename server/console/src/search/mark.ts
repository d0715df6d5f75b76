/**
 * Issue 14: the searched words marked in an opened conversation. Works on the DOM the message list
 * rendered (text or sanitised Markdown): only text nodes are split, each hit wrapped in `<mark>`;
 * nothing is parsed as HTML, so a message's text stays text (R4).
 */
import { highlightParts } from '@frontdesk/shared';

/** Wraps every word of `root`'s text that starts with a term in `<mark>`; how many were marked. */
export function markTerms(root: Element, terms: readonly string[]): number {
  if (terms.length === 0) return 0;
  const doc = root.ownerDocument;
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const texts: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.parentElement?.closest('mark, time')) texts.push(node as Text);
  }
  let marked = 0;
  for (const text of texts) {
    const parts = highlightParts(text.data, terms);
    if (!parts.some((p) => p.hit)) continue;
    const fragment = doc.createDocumentFragment();
    for (const part of parts) {
      if (part.hit) {
        const mark = doc.createElement('mark');
        mark.className = 'search-hit';
        mark.textContent = part.text;
        fragment.append(mark);
        marked++;
      } else fragment.append(doc.createTextNode(part.text));
    }
    text.replaceWith(fragment);
  }
  return marked;
}
