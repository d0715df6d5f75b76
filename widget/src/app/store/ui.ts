/** The UI slice: panel open, the current notice, and what the visitor already did (rated, flagged). */
import type { WidgetKey } from '@frontdesk/shared/i18n';
import type { Action } from './actions.ts';
import type { SeenMark } from './unread.ts';

export type UiState = {
  open: boolean;
  /** Opened because it was open on the previous page: the panel shows without taking focus. */
  restored: boolean;
  /** The last message the visitor had on screen (unread messages come after it; see `unread.ts`). */
  seen: SeenMark | null;
  /** What the visitor has typed and not sent yet. */
  draft: string;
  notice: WidgetKey | null;
  /** The current conversation was rated in this page view. */
  rated: boolean;
  /** Bot answers the visitor marked "not helpful". */
  notHelpful: readonly string[];
  /** Issue 10: the visitor asked for a person while nobody can answer: the form shows. */
  offlineForm: boolean;
  /** Issue 13: the visitor's choice of the notification sound (menu); null: the site's default. */
  sound: boolean | null;
};

/** Whether a message the visitor cannot see plays the chime: their choice, else the site's. */
export const soundOn = (ui: UiState, siteSound: boolean | undefined): boolean =>
  ui.sound ?? siteSound === true;

export const initialUi: UiState = {
  open: false,
  restored: false,
  seen: null,
  draft: '',
  notice: null,
  rated: false,
  notHelpful: [],
  offlineForm: false,
  sound: null,
};

export function uiReducer(state: UiState, action: Action): UiState {
  switch (action.type) {
    case 'ui/open':
      return state.open ? state : { ...state, open: true, restored: action.restored === true };
    case 'ui/seen':
      return { ...state, seen: action.seen };
    case 'ui/draft':
      return state.draft === action.text ? state : { ...state, draft: action.text };
    case 'ui/close':
      return state.open ? { ...state, open: false } : state;
    case 'ui/notice':
      return state.notice === action.notice ? state : { ...state, notice: action.notice };
    case 'ui/rated':
      return { ...state, rated: true };
    case 'ui/not-helpful':
      return { ...state, notHelpful: [...state.notHelpful, action.messageId] };
    case 'ui/sound':
      return state.sound === action.on ? state : { ...state, sound: action.on };
    case 'ui/offline-form':
      return state.offlineForm === action.open ? state : { ...state, offlineForm: action.open };
    case 'conversation/opened':
      return { ...state, rated: false, notHelpful: [] };
    case 'session/cleared':
      return { ...initialUi, open: state.open, restored: state.restored, sound: state.sound };
    default:
      return state;
  }
}
