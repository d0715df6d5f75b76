/** A Markdown body through the console's sanitising renderer (as bot and agent messages are shown). */
import { useMemo } from 'preact/hooks';
import { useMarkdown } from '../app/markdown.ts';

export function MarkdownPreview({ body }: { body: string }) {
  const render = useMarkdown();
  const rendered = useMemo(() => render(body), [render, body]);
  // Safe: the shared renderer returns DOMPurify output only.
  return (
    <div
      class={rendered.fallback ? 'markdown markdown--plain' : 'markdown'}
      dangerouslySetInnerHTML={{ __html: rendered.html }}
    />
  );
}
