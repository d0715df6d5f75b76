/** The `/visitor` namespace's contact events (issue 12): validate → use case → ack, then end sockets. */

import type { RateLimits } from '@frontdesk/shared';
import { EVENTS, type VisitorClientEvents } from '@frontdesk/shared';
import { EmptySchema, IdentifySchema } from '@frontdesk/shared/contacts-schemas';
import type { VisitorSocket } from '../identity/sockets.ts';
import { hashToken } from '../identity/tokens.ts';
import type { Handle } from '../transport/realtime/handler.ts';
import type { VisitorContacts } from './visitor-contacts.ts';
import type { VisitorSockets } from './visitor-sockets.ts';

export type ContactEventsDeps = { contacts: VisitorContacts; sockets: VisitorSockets };

/** After the ack is written: socket.io keeps a connection's packets in order, so the ack arrives first. */
const afterAck = (run: () => void) => setImmediate(run);

export function contactVisitorEvents(
  socket: VisitorSocket,
  handle: Handle<VisitorClientEvents, RateLimits['visitor']>,
  deps: ContactEventsDeps,
): void {
  const { ctx } = socket.data;
  const token = (socket.handshake.auth as { token: string }).token;

  handle(EVENTS.contactIdentify, IdentifySchema, async (input) => {
    const result = await deps.contacts.identify(ctx, input);
    if (result.reconnect) afterAck(() => deps.sockets.reconnect(ctx.visitor.id));
    return result;
  });
  handle(EVENTS.contactLogout, EmptySchema, async () => {
    const tokenHash = hashToken(token);
    await deps.contacts.logout(ctx, tokenHash);
    afterAck(() => void deps.sockets.end(ctx.visitor.id, tokenHash));
    return null;
  });
  handle(EVENTS.contactDeleteHistory, EmptySchema, () => deps.contacts.deleteHistory(ctx));
}
