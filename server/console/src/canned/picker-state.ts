/**
 * Issue 14: the `/` picker's state as a pure reducer — opened by typing `/word` in the reply box
 * (inline) or by the button and the `/` shortcut (search), the active option moved by the arrow keys
 * (wrapping), closed by Escape until the `/word` changes.
 */
export type PickerMode = 'inline' | 'search';

export type PickerState =
  | { open: false; dismissed: { start: number; query: string } | null }
  | { open: true; mode: PickerMode; query: string; active: number; start: number; caret: number };

export type PickerAction =
  /** The reply box changed: the `/query` at the caret, if any. */
  | { type: 'typed'; slash: { start: number; query: string } | null; caret: number }
  | { type: 'search'; caret: number }
  | { type: 'query'; query: string }
  | { type: 'move'; by: 1 | -1; count: number }
  | { type: 'hover'; index: number }
  | { type: 'close' };

export const CLOSED: PickerState = { open: false, dismissed: null };

export function pickerReducer(state: PickerState, action: PickerAction): PickerState {
  switch (action.type) {
    case 'typed': {
      if (state.open && state.mode === 'search') return state;
      const { slash } = action;
      if (!slash) return CLOSED;
      const dismissed = state.open ? null : state.dismissed;
      if (dismissed && dismissed.start === slash.start && dismissed.query === slash.query) return state;
      const sameQuery = state.open && state.query === slash.query;
      return {
        open: true,
        mode: 'inline',
        query: slash.query,
        active: sameQuery ? state.active : 0,
        start: slash.start,
        caret: action.caret,
      };
    }
    case 'search':
      return { open: true, mode: 'search', query: '', active: 0, start: action.caret, caret: action.caret };
    case 'query':
      return state.open ? { ...state, query: action.query, active: 0 } : state;
    case 'move':
      if (!state.open || action.count === 0) return state;
      return { ...state, active: (state.active + action.by + action.count) % action.count };
    case 'hover':
      return state.open ? { ...state, active: action.index } : state;
    case 'close':
      return state.open && state.mode === 'inline'
        ? { open: false, dismissed: { start: state.start, query: state.query } }
        : CLOSED;
  }
}

/** The reply with the chosen text in place of the `/query` (inline) or at the caret (search); the new caret. */
export function insertAt(
  body: string,
  state: Extract<PickerState, { open: true }>,
  text: string,
): { body: string; caret: number } {
  const from = state.mode === 'inline' ? state.start : Math.min(state.caret, body.length);
  const to = state.mode === 'inline' ? state.caret : from;
  const before = body.slice(0, from);
  const spaced = state.mode === 'search' && before !== '' && !/\s$/.test(before) ? ' ' : '';
  const next = before + spaced + text + body.slice(to);
  return { body: next, caret: (before + spaced + text).length };
}
