/**
 * The page a visitor is on: stored on the visitor, shown in the agents' lists. Coalesced per visitor
 * (at most one write and one list update per interval, the latest page wins), so neither a visitor
 * clicking through pages nor a script sending thousands of page views turns them into a stream of
 * writes broadcast to every agent of the site.
 */
import type { PageViewInput } from '@frontdesk/shared/schemas';
import type { VisitorsStore } from '../identity/store.ts';
import type { Logger } from '../kernel/logger.ts';
import { Coalescer } from '../limits/index.ts';
import type { Broadcaster } from './ports.ts';
import type { ConversationsStore } from './store.ts';

export class PageViewRecorder {
  private readonly coalescer: Coalescer<PageViewInput>;

  constructor(
    private readonly storage: Pick<VisitorsStore, 'updateVisitor'> &
      Pick<ConversationsStore, 'getLatestConversation'>,
    private readonly broadcaster: Pick<Broadcaster, 'previewChanged'>,
    private readonly logger: Logger,
    options: { intervalMs: number; maxKeys: number },
    /** Issue 12: the contact's page trail. */
    private readonly trail?: (visitorId: string, page: PageViewInput) => Promise<void>,
  ) {
    this.coalescer = new Coalescer<PageViewInput>(
      options.intervalMs,
      (visitorId, page) => void this.write(visitorId, page),
      { maxKeys: options.maxKeys },
    );
  }

  /** Accepts a page view: stored now, or at the end of the visitor's interval if a newer one does not replace it. */
  record(visitorId: string, page: PageViewInput): void {
    this.coalescer.submit(visitorId, page);
  }

  private async write(visitorId: string, page: PageViewInput) {
    try {
      await this.storage.updateVisitor(visitorId, { pageUrl: page.url, pageTitle: page.title });
      await this.trail?.(visitorId, page);
      const latest = await this.storage.getLatestConversation(visitorId);
      if (latest && latest.state !== 'resolved') this.broadcaster.previewChanged(latest);
    } catch (error) {
      this.logger.error({ err: error, visitorId }, 'page view not stored');
    }
  }
}
