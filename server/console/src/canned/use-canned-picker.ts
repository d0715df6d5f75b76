/**
 * Issue 14: the reply box's canned-response picker — its state (`picker-state.ts`), the matches for
 * the query, the keys it takes from the reply box or its search field, and inserting a filled response.
 */
import {
  type CannedResponse,
  type CannedValues,
  fillCanned,
  type Locale,
  matchCanned,
  slashQuery,
} from '@frontdesk/shared';
import { useMemo, useReducer, useState } from 'preact/hooks';
import { useI18n } from '../app/i18n.ts';
import { CLOSED, insertAt, pickerReducer } from './picker-state.ts';

export type CannedSource = {
  responses: readonly CannedResponse[];
  /** The conversation's language: its responses come first. */
  lang: Locale;
  values: CannedValues;
};

type Options = {
  source: CannedSource | undefined;
  body: string;
  /** Puts the new reply in the box and the caret at `caret`. */
  replace(body: string, caret: number): void;
};

export function useCannedPicker({ source, body, replace }: Options) {
  const { t } = useI18n();
  const [state, dispatch] = useReducer(pickerReducer, CLOSED);
  const [note, setNote] = useState<string | null>(null);
  const responses = source?.responses ?? [];
  const matches = useMemo(
    () => (state.open ? matchCanned(responses, state.query, source?.lang ?? null) : []),
    [state, responses, source?.lang],
  );

  const pick = (response: CannedResponse) => {
    if (!state.open || !source) return;
    const filled = fillCanned(response.body, source.values);
    const next = insertAt(body, state, filled.text);
    dispatch({ type: 'close' });
    dispatch({ type: 'typed', slash: null, caret: next.caret });
    replace(next.body, next.caret);
    setNote(
      filled.unknown.length
        ? t('cannedInsertedUnknown', { names: filled.unknown.map((n) => `{{${n}}}`).join(', ') })
        : filled.empty.length
          ? t('cannedInsertedEmpty', { names: filled.empty.map((n) => `{{${n}}}`).join(', ') })
          : null,
    );
  };

  /** Keys while the picker is open; true when the key was the picker's (the box must not act on it). */
  const onKey = (event: KeyboardEvent): boolean => {
    if (!state.open || event.isComposing) return false;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      dispatch({ type: 'move', by: event.key === 'ArrowDown' ? 1 : -1, count: matches.length });
      return true;
    }
    if (event.key === 'Enter' && !event.shiftKey) {
      const chosen = matches[state.active];
      if (!chosen && state.mode === 'inline') return false;
      event.preventDefault();
      if (chosen) pick(chosen);
      return true;
    }
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      dispatch({ type: 'close' });
      if (state.mode === 'search') document.getElementById('composer-input')?.focus();
      return true;
    }
    return false;
  };

  return {
    state,
    matches,
    none: responses.length === 0,
    note,
    enabled: source !== undefined,
    /** The reply box changed (text or caret). */
    typed(text: string, caret: number) {
      setNote(null);
      if (source) dispatch({ type: 'typed', slash: slashQuery(text, caret), caret });
    },
    openSearch(caret: number) {
      if (source) dispatch({ type: 'search', caret });
    },
    query: (query: string) => dispatch({ type: 'query', query }),
    hover: (index: number) => dispatch({ type: 'hover', index }),
    close: () => dispatch({ type: 'close' }),
    onKey,
    pick,
  };
}
