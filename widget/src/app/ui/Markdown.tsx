/**
 * A bot or agent body: HTML only ever from the sanitising renderer; plain text (escaped by Preact)
 * while the renderer's chunk is still loading.
 */
import { useMemo } from 'preact/hooks';
import { useWidget } from './context.ts';

export function Markdown({ source }: { source: string }) {
  const { markdown } = useWidget();
  const html = useMemo(() => markdown?.(source) ?? null, [markdown, source]);
  if (html === null) return <p class="text">{source}</p>;
  // `markdown` returns DOMPurify output only.
  return <div class="md" dangerouslySetInnerHTML={{ __html: html }} />;
}
