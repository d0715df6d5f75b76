/**
 * Markdown for bot and agent bodies. Two layers: marked renders raw HTML as text and emits only allow-listed
 * links (new tab, no opener, no referrer, nofollow); DOMPurify then sanitises the result in the browser.
 * Visitor bodies never come here; they are rendered as text.
 */
import { MARKDOWN_POLICY } from '@frontdesk/shared';
import DOMPurify from 'dompurify';
import { Marked, type Tokens } from 'marked';

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

const SAFE_URL = new RegExp(`^(?:${MARKDOWN_POLICY.linkSchemes.join('|')}):`, 'i');
export const LINK_REL = MARKDOWN_POLICY.linkRel;

const marked = new Marked({
  gfm: true,
  breaks: true,
  async: false,
  renderer: {
    html(token: Tokens.HTML | Tokens.Tag): string {
      return escapeHtml(token.text);
    },
    link(token: Tokens.Link): string {
      const text = this.parser.parseInline(token.tokens);
      const href = token.href.trim();
      if (!SAFE_URL.test(href)) return text;
      const title = token.title ? ` title="${escapeHtml(token.title)}"` : '';
      return `<a href="${escapeHtml(href)}"${title} target="_blank" rel="${LINK_REL}">${text}</a>`;
    },
    image(token: Tokens.Image): string {
      // No images in chat bodies: show the alt text, linked when the address is safe.
      const text = escapeHtml(token.text || token.href);
      const href = token.href.trim();
      return SAFE_URL.test(href)
        ? `<a href="${escapeHtml(href)}" target="_blank" rel="${LINK_REL}">${text}</a>`
        : text;
    },
  },
});

type Purifier = ReturnType<typeof DOMPurify>;
let purifier: Purifier | null = null;

function getPurifier(): Purifier {
  if (purifier) return purifier;
  const instance = DOMPurify(window);
  instance.addHook('afterSanitizeAttributes', (node) => {
    if (node.nodeName === 'A') {
      node.setAttribute('target', '_blank');
      node.setAttribute('rel', LINK_REL);
    }
  });
  purifier = instance;
  return instance;
}

/** Safe HTML for a Markdown body: no images, scripts, styles or handlers; http(s), mailto and tel links only. */
export function renderMarkdown(body: string): string {
  const html = marked.parse(body) as string;
  return getPurifier().sanitize(html, {
    ALLOWED_TAGS: [...MARKDOWN_POLICY.allowedTags],
    ALLOWED_ATTR: ['href', 'title', 'target', 'rel'],
    ALLOWED_URI_REGEXP: SAFE_URL,
  });
}
