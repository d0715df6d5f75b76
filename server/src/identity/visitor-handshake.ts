/**
 * The `/visitor` handshake: counted against the address first, then `auth = { siteKey, token }` is
 * checked in the order its refusals are reported: a site key (`unauthorized` when missing), the site
 * and the page's origin (`not_found`, `origin_not_allowed`), then the token (`unauthorized`).
 */
import { SiteKeySchema, VisitorTokenSchema } from '@frontdesk/shared/schemas';
import * as v from 'valibot';
import { AppError } from '../kernel/errors.ts';
import type { Logger } from '../kernel/logger.ts';
import { type Budgets, rateLimited, type TrustProxy } from '../limits/index.ts';
import { type HandshakeMiddleware, handshakeError, socketAddress } from '../transport/realtime/handshake.ts';
import { handshakeOrigin } from '../transport/realtime/origin.ts';
import type { VisitorSocket } from './sockets.ts';
import type { VisitorSessions } from './visitor-sessions.ts';

type Deps = {
  /** Whether the server is reached over https (for the origin of same-origin handshakes). */
  secure: boolean;
  visitors: VisitorSessions;
  budgets: Budgets;
  trustProxy: TrustProxy;
  logger: Logger;
};

const ClaimedSite = v.object({ siteKey: v.string() });
const ClaimedToken = v.object({ token: VisitorTokenSchema });

/** The site key of a handshake; a key no site can have is an unknown site, found without a lookup. */
function siteKeyOf(auth: unknown): string {
  const claimed = v.safeParse(ClaimedSite, auth);
  if (!claimed.success) throw new AppError('unauthorized', 'missing site key');
  if (!v.is(SiteKeySchema, claimed.output.siteKey)) throw new AppError('not_found', 'unknown site');
  return claimed.output.siteKey;
}

function tokenOf(auth: unknown): string {
  const claimed = v.safeParse(ClaimedToken, auth);
  if (!claimed.success) throw new AppError('unauthorized', 'missing or malformed visitor token');
  return claimed.output.token;
}

export function visitorHandshake(deps: Deps): HandshakeMiddleware<VisitorSocket> {
  const { visitors, budgets, logger } = deps;
  const authenticate = async (socket: VisitorSocket) => {
    const { auth, headers } = socket.handshake;
    const site = await visitors.siteFor(siteKeyOf(auth), handshakeOrigin(headers, deps.secure));
    return visitors.identify(site, tokenOf(auth), headers['user-agent']);
  };
  return (socket, next) => {
    const address = socketAddress(socket.handshake, deps.trustProxy);
    // Counted before any database work: forged tokens cost a lookup each.
    const verdict = budgets.handshake('visitor', address);
    if (!verdict.ok) return next(handshakeError(rateLimited(verdict, 'connections')));
    authenticate(socket)
      .then((ctx) => {
        socket.data.ctx = ctx;
        socket.data.address = address;
        next();
      })
      .catch((error: unknown) => {
        if (!(error instanceof AppError)) logger.error({ err: error }, 'visitor handshake failed');
        next(handshakeError(error));
      });
  };
}
