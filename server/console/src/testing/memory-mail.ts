/** An in-memory mail outbox for component tests (E-mail as a channel, issue 10): admins only, as on the server. */
import type { AckResult, AgentProfile, ErrorCode } from '@frontdesk/shared';
import type { MailOutboxEntry } from '@frontdesk/shared/responses';
import type { MailApi } from '../mail/api.ts';

export type MailSeed = { configured?: boolean; mail?: MailOutboxEntry[] };
export type MemoryMailApi = MailApi & { configured: boolean; mail: MailOutboxEntry[] };

const fail = <T>(code: ErrorCode): AckResult<T> => ({ ok: false, error: { code, message: code } });

export function outboxEntry(id: string, patch: Partial<MailOutboxEntry> = {}): MailOutboxEntry {
  return {
    id,
    conversationId: 'c1',
    kind: 'reply',
    recipient: 'olga@example.com',
    subject: 'New reply from Shop',
    text: 'Anna replied to your conversation with Shop:',
    status: 'unconfigured',
    attempts: 0,
    nextAttemptAt: '2025-03-01T10:01:30.000Z',
    lastError: null,
    createdAt: '2025-03-01T10:00:00.000Z',
    sentAt: null,
    ...patch,
  };
}

export function createMemoryMailApi(agent: AgentProfile, seed: MailSeed = {}): MemoryMailApi {
  const api: MemoryMailApi = {
    configured: seed.configured ?? false,
    mail: [...(seed.mail ?? [])],
    async listOutbox() {
      if (agent.role !== 'admin') return fail('forbidden');
      return { ok: true, data: { configured: api.configured, mail: api.mail.map((m) => ({ ...m })) } };
    },
    async resendMail(mailId) {
      if (agent.role !== 'admin') return fail('forbidden');
      if (!api.configured) return fail('unavailable');
      const index = api.mail.findIndex(
        (m) => m.id === mailId && (m.status === 'failed' || m.status === 'unconfigured'),
      );
      const found = api.mail[index];
      if (!found) return fail('not_found');
      const again: MailOutboxEntry = { ...found, status: 'pending', attempts: 0, lastError: null };
      api.mail[index] = again;
      return { ok: true, data: again };
    },
  };
  return api;
}
