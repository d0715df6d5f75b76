/**
 * The durable queues (`durable-queue.ts`) through both of their stores — the mail outbox and the
 * webhook deliveries — on every engine: what is due, one winner among racing claims, the lease.
 */
import { expect, it } from 'vitest';
import { DEFAULT_SITE_SETTINGS } from '../sites/settings.ts';
import type { Storage } from './types.ts';

/** Far in the past, so no other case's rows are due at these times. */
const at = (second: number) => new Date(Date.UTC(2001, 0, 1, 0, 0, second)).toISOString();

type Queue = {
  add(storage: Storage, dueAt: string): Promise<string>;
  due(storage: Storage, now: string): Promise<{ id: string; attempts: number }[]>;
  claim(storage: Storage, id: string, attempts: number, leaseUntil: string): Promise<boolean>;
  finish(storage: Storage, id: string): Promise<void>;
};

const QUEUES: Record<string, Queue> = {
  'mail outbox': {
    async add(storage, dueAt) {
      const mail = await storage.insertMail({
        conversationId: null,
        kind: 'agent_notice',
        recipient: 'agent@example.com',
        recipientName: 'Agent',
        fromName: 'Frontdesk',
        subject: 'Hi',
        text: 'Hi',
        html: '<p>Hi</p>',
        replyTo: null,
        createdAt: dueAt,
        status: 'pending',
        nextAttemptAt: dueAt,
      });
      return mail.id;
    },
    due: (storage, now) => storage.listDueMail(now, 1000),
    claim: (storage, id, attempts, lease) => storage.claimMail(id, attempts, lease),
    finish: (storage, id) => storage.markMailSent(id, at(59)),
  },
  'webhook deliveries': {
    async add(storage, dueAt) {
      const site = await storage.createSite({
        key: `q-${Math.random().toString(36).slice(2)}`,
        name: 'Queue',
        allowedOrigins: [],
        settings: DEFAULT_SITE_SETTINGS,
      });
      const hook = {
        id: `w-${Math.random().toString(36).slice(2)}`,
        siteId: site.id,
        url: 'https://hooks.example/x',
        events: ['message.created' as const],
        secret: 'whsec_x',
        createdAt: dueAt,
      };
      await storage.insertWebhook(hook);
      const delivery = await storage.insertDelivery({
        webhookId: hook.id,
        event: 'message.created',
        body: '{}',
        at: dueAt,
      });
      return delivery.id;
    },
    due: (storage, now) => storage.listDueDeliveries(now, 1000),
    claim: (storage, id, attempts, lease) => storage.claimDelivery(id, attempts, lease),
    finish: (storage, id) =>
      storage.recordAttempt(id, {
        delivered: true,
        status: 200,
        durationMs: 1,
        response: 'ok',
        error: null,
        at: at(59),
        nextAttemptAt: null,
      }),
  },
};

export function queuesContract(open: () => Promise<Storage>) {
  for (const [name, queue] of Object.entries(QUEUES)) {
    it(`durable queue (${name}): due by time, one claim wins a race, the lease hides it until it ends`, async () => {
      const storage = await open();
      await storage.migrate();
      const early = await queue.add(storage, at(10));
      const late = await queue.add(storage, at(20));
      const ids = async (now: string) =>
        (await queue.due(storage, now)).map((r) => r.id).filter((id) => id === early || id === late);
      expect(await ids(at(9))).toEqual([]);
      expect(await ids(at(10))).toEqual([early]);
      expect(await ids(at(30))).toEqual([early, late]);

      // Several nodes claim the same row at once: exactly one wins.
      const wins = await Promise.all([1, 2, 3, 4].map(() => queue.claim(storage, early, 0, at(40))));
      expect(wins.filter(Boolean)).toHaveLength(1);
      // A claim with a stale attempt count loses too.
      expect(await queue.claim(storage, early, 0, at(40))).toBe(false);
      // Leased: not due until the lease ends; then due again with the attempt counted.
      expect(await ids(at(30))).toEqual([late]);
      const again = (await queue.due(storage, at(40))).find((r) => r.id === early);
      expect(again?.attempts).toBe(1);
      expect(await queue.claim(storage, early, 1, at(50))).toBe(true);
      // Done: never due again, and no claim takes it.
      await queue.finish(storage, early);
      expect(await ids(at(58))).toEqual([late]);
      expect(await queue.claim(storage, early, 2, at(58))).toBe(false);
      // Nothing left pending for the other cases of a shared database.
      await queue.finish(storage, late);
      expect(await ids(at(58))).toEqual([]);
      await storage.close();
    });
  }
}
