/** The mail outbox over HTTP, for admins: list it, send one mail again. Handlers only validate and call. */
import { ROUTES } from '@frontdesk/shared';
import { IdSchema } from '@frontdesk/shared/schemas';
import { Hono } from 'hono';
import { requireAdmin } from '../admin/sites.ts';
import type { AgentSessions } from '../identity/agent-sessions.ts';
import { type AgentEnv, requireAgent } from '../identity/require-agent.ts';
import { AppError } from '../kernel/errors.ts';
import { sameOriginGuard } from '../transport/http/same-origin.ts';
import { params } from '../transport/http/validation.ts';
import type { MailOutbox } from './outbox.ts';
import type { MailRecord } from './store.ts';

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
  sessions: AgentSessions;
  selfOrigins: readonly string[];
}) {
  const app = new Hono<AgentEnv>();
  const session = [sameOriginGuard(deps.selfOrigins), requireAgent(deps.sessions)] as const;

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
  return app;
}
