/** Whether a visitor has the widget open anywhere: their sockets' room, across nodes. */
import type { VisitorNamespace } from '../identity/sockets.ts';
import { ROOMS } from '../transport/realtime/rooms.ts';
import type { VisitorPresence } from './conversation-mail.ts';

export class SocketVisitorPresence implements VisitorPresence {
  constructor(private readonly nsp: VisitorNamespace) {}

  async isConnected(visitorId: string): Promise<boolean> {
    return (await this.nsp.in(ROOMS.visitor(visitorId)).fetchSockets()).length > 0;
  }
}
