/**
 * Issue 13: which host-page events (`Frontdesk('on', name, fn)`) a store change fires. Pure: the
 * widget feeds it each change and emits what it returns, in order.
 */

import type { WidgetEventMap, WidgetEventName } from '../loader-api.ts';
import type { State } from './store/index.ts';
import { unreadCount } from './store/index.ts';

export type HostEvent = { [E in WidgetEventName]: { event: E; payload: WidgetEventMap[E] } }[WidgetEventName];

export function hostEvents(state: State, previous: State): HostEvent[] {
  const out: HostEvent[] = [];
  if (state.ui.open !== previous.ui.open)
    out.push({ event: state.ui.open ? 'open' : 'close', payload: null });
  const current = state.conversation.current;
  const before = previous.conversation.current;
  // A conversation resumed at session start (a new page, a reconnect) is not a new one.
  if (current && current.id !== before?.id && previous.connection.ready)
    out.push({ event: 'conversation:started', payload: { id: current.id } });
  if (current?.state === 'resolved' && before?.id === current.id && before.state !== 'resolved')
    out.push({ event: 'conversation:resolved', payload: { id: current.id } });
  const count = unreadCount(state.ui, state.messages);
  if (count !== unreadCount(previous.ui, previous.messages))
    out.push({ event: 'unread', payload: { count } });
  return out;
}
