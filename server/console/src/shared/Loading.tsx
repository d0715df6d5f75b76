/**
 * A loading state (issue 14): a spinner and the words, announced politely; `aria-busy` marks it so a
 * test (or an assistive technology) can tell a page still loading from a loaded one. Keeps the
 * `placeholder` class other suites wait on.
 */
import { useI18n } from '../app/i18n.ts';

export function Loading({ text, inline = false }: { text?: string; inline?: boolean }) {
  const { t } = useI18n();
  return (
    <p class={`placeholder loading${inline ? ' loading--inline' : ''}`} role="status" aria-busy="true">
      <span class="spinner" aria-hidden="true" />
      {text ?? t('loading')}
    </p>
  );
}
