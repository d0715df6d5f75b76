/**
 * What a rendered chat body may contain, written once for every Markdown renderer (the widget's and
 * the console's): the HTML tags kept after sanitising, the link schemes a reader may follow, and
 * the `rel` every kept link gets. Anything else is removed or shown as text.
 */
export const MARKDOWN_POLICY = {
  allowedTags: [
    'a',
    'b',
    'strong',
    'i',
    'em',
    'del',
    's',
    'code',
    'pre',
    'p',
    'br',
    'hr',
    'ul',
    'ol',
    'li',
    'blockquote',
    'h1',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
  ],
  linkSchemes: ['http', 'https', 'mailto', 'tel'],
  linkRel: 'noopener noreferrer nofollow',
} as const;
