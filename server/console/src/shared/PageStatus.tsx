/** A page's loading line, or its load error with a retry button. */
import type { ErrorBody } from '@frontdesk/shared';
import { useI18n } from '../app/i18n.ts';
import { Loading } from './Loading.tsx';
import { siteLoadErrorText } from './labels.ts';
import type { Loaded } from './use-load.ts';

export function PageStatus<T>({ state, onRetry }: { state: Loaded<T>; onRetry(): void }) {
  if (state.status === 'loading' && state.data === null) return <Loading />;
  if (state.status !== 'error') return null;
  return <LoadError error={state.error} onRetry={onRetry} />;
}

function LoadError({ error, onRetry }: { error: ErrorBody; onRetry(): void }) {
  const { t } = useI18n();
  return (
    <p class="alert" role="alert">
      <span>
        {t('loadFailed')} {siteLoadErrorText(error, t)}
      </span>
      <button type="button" class="button" onClick={onRetry}>
        {t('retry')}
      </button>
    </p>
  );
}
