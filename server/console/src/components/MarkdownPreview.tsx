/** A Markdown body rendered through the console's sanitising pipeline (the same as bot messages). */
import { useMemo } from 'preact/hooks';
import { renderMarkdown } from '../lib/markdown.ts';

export function MarkdownPreview({ body, class: className }: { body: string; class?: string }) {
  const html = useMemo(() => renderMarkdown(body), [body]);
  // Safe: marked escapes raw HTML and allow-lists links; DOMPurify sanitises the result.
  return <div class={`markdown ${className ?? ''}`} dangerouslySetInnerHTML={{ __html: html }} />;
}
