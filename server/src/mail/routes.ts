/**
 * Mail over HTTP: the outbox for admins (list, send again) and the visitor's transcript request.
 * Handlers only validate and call the use cases.
 */
import { ROUTES } from '@frontdesk/shared';
import { IdSchema, MailTranscriptSchema } from '@frontdesk/shared/schemas';
import { Hono } from 'hono';
import { cors } from 'hono/cors';
import { requireAdmin } from '../admin/sites.ts';
import type { AgentSessions } from '../identity/agent-sessions.ts';
import { type AgentEnv, requireAgent } from '../identity/require-agent.ts';
import { AppError } from '../kernel/errors.ts';
import type { TrustProxy } from '../limits/index.ts';
import { requestAddress } from '../transport/http/request-address.ts';
import { sameOriginGuard } from '../transport/http/same-origin.ts';
import { jsonBody, params } from '../transport/http/validation.ts';
import type { MailOutbox } from './outbox.ts';
import type { MailRecord } from './store.ts';
import type { TranscriptRequests } from './transcripts.ts';

/** What admins see of a mail: everything but the HTML (the text says the same). */
export const outboxEntry = (mail: MailRecord) => ({
  id: mail.id,
  conversationId: mail.conversationId,
  kind: mail.kind,
  recipient: mail.recipient,
  subject: mail.subject,
  text: mail.text,
  status: mail.status,
  attempts: mail.attempts,
  nextAttemptAt: mail.nextAttemptAt,
  lastError: mail.lastError,
  createdAt: mail.createdAt,
  sentAt: mail.sentAt,
});

export function mailRoutes(deps: {
  outbox: MailOutbox;
  transcripts: TranscriptRequests;
  sessions: AgentSessions;
  selfOrigins: readonly string[];
  trustProxy: TrustProxy;
}) {
  const app = new Hono<AgentEnv>();
  const session = [sameOriginGuard(deps.selfOrigins), requireAgent(deps.sessions)] as const;
  // The widget asks from the site's pages: any origin may call, the site's own origins are checked.
  app.use(
    ROUTES.mailTranscript,
    cors({ origin: '*', allowMethods: ['POST'], allowHeaders: ['Content-Type'] }),
  );

  app.get(ROUTES.mailOutbox, ...session, async (c) => {
    requireAdmin(c.get('agent'), 'see the mail outbox');
    const mail = await deps.outbox.list();
    return c.json({ configured: deps.outbox.configured, mail: mail.map(outboxEntry) });
  });

  app.post(ROUTES.mailResend, ...session, params({ mailId: IdSchema }), async (c) => {
    requireAdmin(c.get('agent'), 'send mail again');
    if (!deps.outbox.configured) throw new AppError('unavailable', 'SMTP is not configured (SMTP_URL)');
    const mail = await deps.outbox.retry(c.req.valid('param').mailId);
    if (!mail) throw new AppError('not_found', 'no failed or unsent mail with this id');
    return c.json({ mail: outboxEntry(mail) });
  });

  app.post(ROUTES.mailTranscript, jsonBody(MailTranscriptSchema), async (c) => {
    const mail = await deps.transcripts.request(
      c.req.valid('json'),
      c.req.header('origin'),
      requestAddress(c, deps.trustProxy),
    );
    return c.json({ ok: true, status: mail.status }, 202);
  });
  return app;
}
