/**
 * A bot or agent body: HTML only ever from the shared sanitising renderer (plain text when the body
 * is too costly to format); plain text escaped by Preact while the renderer's chunk is loading.
 */
import { useMemo } from 'preact/hooks';
import { useWidget } from './context.ts';

export function Markdown({ source }: { source: string }) {
  const { markdown } = useWidget();
  const rendered = useMemo(() => markdown?.(source) ?? null, [markdown, source]);
  if (rendered === null) return <p class="text">{source}</p>;
  // `markdown` returns DOMPurify output only.
  return (
    <div
      class={rendered.fallback ? 'md md--plain' : 'md'}
      dangerouslySetInnerHTML={{ __html: rendered.html }}
    />
  );
}
