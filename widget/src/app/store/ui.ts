/** The UI slice: panel open, the current notice, and what the visitor already did (rated, flagged). */
import type { WidgetKey } from '@frontdesk/shared/i18n';
import type { Action } from './actions.ts';

export type UiState = {
  open: boolean;
  notice: WidgetKey | null;
  /** The current conversation was rated in this page view. */
  rated: boolean;
  /** Bot answers the visitor marked "not helpful". */
  notHelpful: readonly string[];
};

export const initialUi: UiState = { open: false, notice: null, rated: false, notHelpful: [] };

export function uiReducer(state: UiState, action: Action): UiState {
  switch (action.type) {
    case 'ui/open':
      return state.open ? state : { ...state, open: true };
    case 'ui/close':
      return state.open ? { ...state, open: false } : state;
    case 'ui/notice':
      return state.notice === action.notice ? state : { ...state, notice: action.notice };
    case 'ui/rated':
      return { ...state, rated: true };
    case 'ui/not-helpful':
      return { ...state, notHelpful: [...state.notHelpful, action.messageId] };
    case 'conversation/opened':
      return { ...state, rated: false, notHelpful: [] };
    default:
      return state;
  }
}
