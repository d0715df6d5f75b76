/**
 * The daily retention run (issue 12): for every site with a period, deletes conversations without
 * activity since the cutoff, in batches, and logs and audits what went. Each node may run it: the
 * deletes are idempotent (a conversation deleted by one node is simply not found by another).
 */
import type { Logger } from '../kernel/logger.ts';
import type { SitesStore } from '../sites/store.ts';
import { retentionPlan } from './retention.ts';
import type { ContactsStore } from './store.ts';

const BATCH = 500;

export class RetentionJob {
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly deps: {
      store: ContactsStore & Pick<SitesStore, 'listSites'>;
      logger: Logger;
      clock: () => Date;
      /** Issue 13: removes the files of deleted attachments (after the rows went). */
      removeFiles: (keys: readonly string[]) => Promise<void>;
    },
  ) {}

  /** One run over every site; returns what was deleted per site. */
  async run(): Promise<{ siteId: string; conversations: number; messages: number }[]> {
    const { store, logger } = this.deps;
    const now = this.deps.clock();
    const sites = await store.listSites();
    const plan = retentionPlan(
      sites.map((s) => ({ id: s.id, retentionMonths: s.settings.retentionMonths, archived: s.archived })),
      now,
    );
    const results = [];
    for (const { siteId, before } of plan) {
      let conversations = 0;
      let messages = 0;
      for (;;) {
        const batch = await store.deleteConversationsBefore(siteId, before, BATCH);
        await this.deps.removeFiles(batch.files);
        conversations += batch.conversations;
        messages += batch.messages;
        if (batch.conversations < BATCH) break;
      }
      if (conversations > 0)
        await store.addPrivacyAudit({
          siteId,
          kind: 'retention',
          visitorId: null,
          agentId: null,
          conversations,
          messages,
          at: now.toISOString(),
        });
      logger.info({ siteId, before, conversations, messages }, 'retention run');
      results.push({ siteId, conversations, messages });
    }
    return results;
  }

  /** Runs now and then every `intervalMs`; failures are logged and the next run tries again. */
  start(intervalMs: number): void {
    const tick = () =>
      void this.run().catch((error: unknown) =>
        this.deps.logger.error({ err: error }, 'retention run failed'),
      );
    tick();
    this.timer = setInterval(tick, intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
