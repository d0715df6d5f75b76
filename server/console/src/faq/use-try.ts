/** "Try a question": asks the server what the bot would do, debounced while typing, the latest reply wins. */
import type { AckResult, Locale, TryResult } from '@frontdesk/shared';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { debounceLatest } from '../shared/latest.ts';
import type { FaqApi } from './api.ts';

export const TRY_DEBOUNCE_MS = 250;

export type TryState =
  | { status: 'idle' }
  | { status: 'checking'; last: AckResult<TryResult> | null }
  | { status: 'done'; result: AckResult<TryResult> };

type Query = { text: string; lang: Locale | null };

export function useTry(api: Pick<FaqApi, 'tryQuestion'>, siteId: string, text: string, lang: Locale | null) {
  const [state, setState] = useState<TryState>({ status: 'idle' });
  const last = useRef<AckResult<TryResult> | null>(null);
  const runner = useMemo(
    () =>
      debounceLatest(
        (q: Query) => api.tryQuestion(siteId, q.text, q.lang),
        (result: AckResult<TryResult>) => {
          last.current = result;
          setState({ status: 'done', result });
        },
        TRY_DEBOUNCE_MS,
      ),
    [api, siteId],
  );
  useEffect(() => () => runner.cancel(), [runner]);
  useEffect(() => {
    const trimmed = text.trim();
    if (!trimmed) {
      runner.cancel();
      last.current = null;
      setState({ status: 'idle' });
      return;
    }
    setState({ status: 'checking', last: last.current });
    runner.push({ text: trimmed, lang });
  }, [runner, text, lang]);
  return state;
}
