/** Issue 12: the retention run on real storage — old conversations of sites with a period go, logged and audited. */
import { describe, expect, it } from 'vitest';
import { createLogger } from '../kernel/logger.ts';
import { DEFAULT_SITE_SETTINGS } from '../sites/settings.ts';
import { openSqliteStorage } from '../storage/sqlite.ts';
import { RetentionJob } from './retention-job.ts';

describe('retention job', () => {
  it('deletes conversations without activity for the period on sites that set one; others keep theirs', async () => {
    const storage = openSqliteStorage(':memory:');
    await storage.migrate();
    const site = (months: number | null) =>
      storage.createSite({
        key: `r-${Math.random().toString(36).slice(2)}`,
        name: 'R',
        allowedOrigins: [],
        settings: { ...DEFAULT_SITE_SETTINGS, retentionMonths: months },
      });
    const keeping = await site(6);
    const forever = await site(null);
    const conversation = async (siteId: string) => {
      const visitor = await storage.createVisitor({ siteId, tokenHash: `t-${Math.random()}` });
      return storage.createConversation({ siteId, visitorId: visitor.id, locale: 'en' });
    };
    const a = await conversation(keeping.id);
    const b = await conversation(forever.id);
    // Seven months from now, both conversations are past six months without activity.
    const later = new Date(Date.now() + 7 * 31 * 86_400_000);
    const removed: string[] = [];
    const removeFiles = async (keys: readonly string[]) => void removed.push(...keys);
    const job = new RetentionJob({
      store: storage,
      logger: createLogger('silent'),
      clock: () => later,
      removeFiles,
    });
    expect(await job.run()).toEqual([{ siteId: keeping.id, conversations: 1, messages: 0 }]);
    expect(await storage.getConversation(a.id)).toBeNull();
    expect(await storage.getConversation(b.id)).not.toBeNull();
    expect(removed).toEqual([]); // no files in these conversations (erasure.test.ts covers files)
    expect(await storage.listPrivacyAudit(keeping.id, 5)).toEqual([
      expect.objectContaining({ kind: 'retention', conversations: 1, visitorId: null }),
    ]);
    // Today nothing is old enough.
    const fresh = await conversation(keeping.id);
    const now = new RetentionJob({
      store: storage,
      logger: createLogger('silent'),
      clock: () => new Date(),
      removeFiles,
    });
    expect(await now.run()).toEqual([{ siteId: keeping.id, conversations: 0, messages: 0 }]);
    expect(await storage.getConversation(fresh.id)).not.toBeNull();
    await storage.close();
  });
});
