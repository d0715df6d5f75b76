/**
 * Type-checked by `frontdesk-dts.test.ts` with `frontdesk.d.ts` alone (not the widget's own globals):
 * the declaration users copy names exactly the commands and events of shared, with payloads the
 * widget really sends.
 */
import type {
  IdentifyPayload,
  Locale,
  Message,
  PrefillInput,
  TrackPageInput,
  WidgetCommand,
  WidgetEvent,
} from '@frontdesk/shared';
import type { WidgetEventMap } from './src/loader-api.ts';

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;

export type Checks = [
  Assert<Same<Frontdesk.CommandName, WidgetCommand>>,
  Assert<Same<Frontdesk.EventName, WidgetEvent>>,
  Assert<Same<Frontdesk.Locale, Locale>>,
  Assert<Same<Frontdesk.Prefill, PrefillInput>>,
  Assert<Same<Frontdesk.Page, TrackPageInput>>,
  Assert<Same<Frontdesk.Identity, IdentifyPayload>>,
  Assert<Same<Omit<Frontdesk.EventMap, 'message'>, Omit<WidgetEventMap, 'message'>>>,
  Assert<Message extends Frontdesk.EventMap['message'] ? true : false>,
];

// Calls as a host page writes them.
Frontdesk('show');
Frontdesk('setLocale', 'pl');
Frontdesk('prefill', { name: 'Ada', email: 'ada@example.com', message: 'Hi' });
Frontdesk('trackPage');
Frontdesk('trackPage', { url: '/cart', title: 'Cart' });
Frontdesk('identify', { userId: 'u-1', userHash: 'ab' });
Frontdesk('on', 'unread', ({ count }) => count.toFixed());
Frontdesk('on', 'message', (message) => message.body.trim());
window.Frontdesk('on', 'conversation:resolved', ({ id }) => id.trim());
// @ts-expect-error: not a command
Frontdesk('explode');
// @ts-expect-error: not a locale
Frontdesk('setLocale', 'de');
// @ts-expect-error: not an event
Frontdesk('on', 'opened', () => undefined);
