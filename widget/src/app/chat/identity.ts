/**
 * Issue 12: who the visitor is on the host page. `Frontdesk('identify', …)` is kept and sent after
 * every session start (a new token, a reconnect), so the server always knows this device's customer;
 * after a merge into the customer's verified contact the server closes the socket, and the transport
 * reconnects with the same token, which now opens that contact (nothing to do here).
 * `logout` ends the session on a shared computer; "delete my chat history" erases the visitor's own
 * conversations. The host page's values are checked by the server (`IdentifySchema`): the widget only
 * refuses what cannot be an identity, so the validator stays out of its bundle.
 */
import { EVENTS, type IdentifyPayload } from '@frontdesk/shared';
import type { ChatContext } from './context.ts';

export type IdentityActions = {
  /** The host page's identify command (any value: it comes from `window.Frontdesk`). */
  identify(input: unknown): void;
  logout(): Promise<void>;
  deleteHistory(): Promise<boolean>;
};

export type Identity = IdentityActions & {
  /**
   * Called by the session after `session:init`: sends the identity, if any. False when the server
   * merged this device into the customer's contact and the socket now rejoins (skip the rest).
   */
  afterInit(): Promise<boolean>;
};

const isPayload = (input: unknown): input is IdentifyPayload =>
  typeof input === 'object' &&
  input !== null &&
  !Array.isArray(input) &&
  typeof (input as { userId?: unknown }).userId === 'string';

export function createIdentity(ctx: ChatContext): Identity {
  const { transport, store } = ctx;
  let wanted: IdentifyPayload | null = null;

  /** Sends the identity on this connection; true when the session goes on as it is. */
  async function send(payload: IdentifyPayload): Promise<boolean> {
    const reply = await transport.request(EVENTS.contactIdentify, payload);
    if (!reply.ok) {
      // A refused hash (TESTPLAN A5) leaves the visitor anonymous; the host page's developer needs to know.
      if (reply.error) console.warn('[frontdesk] identify refused', reply.error);
      return true;
    }
    // The server closes this socket right after the ack; the reconnect starts the session again.
    return !reply.data.reconnect;
  }

  /** Forgets this device's conversation on screen and in storage. */
  const clear = () => store.dispatch({ type: 'session/cleared' });

  return {
    identify(input) {
      if (!isPayload(input)) {
        console.warn('[frontdesk] identify needs an object with a string userId', input);
        return;
      }
      wanted = input;
      // Not connected yet: sent right after the session starts.
      if (ctx.ready()) void send(input);
    },
    async logout() {
      wanted = null;
      clear();
      const reply = ctx.ready() ? await transport.request(EVENTS.contactLogout, {}) : null;
      // The server ends the session and the transport mints a new one; without an answer (offline),
      // this device forgets its token itself.
      if (!reply?.ok) {
        if (reply?.error) console.warn('[frontdesk] logout failed', reply.error);
        transport.forget();
      }
    },
    async deleteHistory() {
      const reply = ctx.ready() ? await transport.request(EVENTS.contactDeleteHistory, {}) : null;
      if (!reply?.ok) {
        if (reply?.error) console.warn('[frontdesk] delete history failed', reply.error);
        return false;
      }
      clear();
      return true;
    },
    afterInit: () => (wanted ? send(wanted) : Promise.resolve(true)),
  };
}
