/** The conversation slice: the site's widget settings and the visitor's current conversation. */
import type { VisitorConversation, WidgetSite } from '@frontdesk/shared';
import type { Action } from './actions.ts';

export type ConversationSlice = {
  site: WidgetSite | null;
  current: VisitorConversation | null;
};

export const initialConversation: ConversationSlice = { site: null, current: null };

export function conversationReducer(state: ConversationSlice, action: Action): ConversationSlice {
  switch (action.type) {
    case 'session/ready':
      return { site: action.site, current: action.conversation };
    case 'conversation/opened':
      return { ...state, current: action.conversation };
    case 'session/cleared':
      return state.current ? { ...state, current: null } : state;
    case 'site/availability':
      return state.site ? { ...state, site: { ...state.site, agentsOnline: action.agentsOnline } } : state;
    case 'site/refreshed':
      return { ...state, site: action.site };
    case 'conversation/updated':
      // Another conversation's state is news only after a resync adopts that conversation.
      if (!state.current || state.current.id !== action.conversation.id) return state;
      return { ...state, current: action.conversation };
    default:
      return state;
  }
}
