/**
 * The page a visitor is on: stored on the visitor, shown in the agents' lists. Coalesced per visitor
 * (at most one write and one list update per interval, the latest page wins), so neither a visitor
 * clicking through pages nor a script sending thousands of page views turns them into a stream of
 * writes broadcast to every agent of the site.
 */
import type { PageViewInput } from '@frontdesk/shared/schemas';
import { Coalescer } from '../limits/index.ts';
import type { Logger } from '../logger.ts';
import type { Storage } from '../storage/index.ts';
import type { Notifier } from './notifier.ts';

export class PageViewRecorder {
  private readonly coalescer: Coalescer<PageViewInput>;

  constructor(
    private readonly storage: Pick<Storage, 'updateVisitor' | 'getLatestConversation'>,
    private readonly notifier: Pick<Notifier, 'previewChanged'>,
    private readonly logger: Logger,
    options: { intervalMs: number; maxKeys: number },
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
      const latest = await this.storage.getLatestConversation(visitorId);
      if (latest && latest.state !== 'resolved') this.notifier.previewChanged(latest);
    } catch (error) {
      this.logger.error({ err: error, visitorId }, 'page view not stored');
    }
  }
}
