/**
 * Ending visitor sockets after identity changes (issue 12), on every node (the adapter's
 * `fetchSockets`/`disconnectSockets` reach them all): after a merge the device's sockets reconnect
 * and open the customer's contact; after a logout or an erasure they are told the session ended.
 */
import { EVENTS, LOGGED_OUT } from '@frontdesk/shared';
import type { VisitorNamespace } from '../identity/sockets.ts';
import { hashToken } from '../identity/tokens.ts';
import type { Logger } from '../kernel/logger.ts';
import { ROOMS } from '../transport/realtime/rooms.ts';

const tokenOf = (auth: unknown): string | null => {
  const token = (auth as { token?: unknown } | null)?.token;
  return typeof token === 'string' ? token : null;
};

export class VisitorSockets {
  constructor(
    private readonly namespace: VisitorNamespace,
    private readonly logger: Logger,
  ) {}

  /** Closes every socket of a contact (they reconnect with their tokens, which now open another contact). */
  reconnect(visitorId: string): void {
    this.namespace.in(ROOMS.visitor(visitorId)).disconnectSockets(true);
  }

  /** Tells the sockets of a contact that hold this token (or all: `null`) that the session ended, and closes them. */
  async end(visitorId: string, tokenHash: string | null): Promise<void> {
    try {
      const sockets = await this.namespace.in(ROOMS.visitor(visitorId)).fetchSockets();
      for (const socket of sockets) {
        const token = tokenOf(socket.handshake.auth);
        if (tokenHash !== null && (token === null || hashToken(token) !== tokenHash)) continue;
        socket.emit(EVENTS.sessionEnded, { code: LOGGED_OUT });
        socket.disconnect(true);
      }
    } catch (error) {
      this.logger.error({ err: error, visitorId }, 'visitor sockets not ended');
    }
  }
}
