/**
 * Issue 10: the leave-a-message form's request. The `clientId` is the caller's, kept across retries
 * of one form, so a retry after a lost ack stores nothing twice.
 */
import {
  EVENTS,
  type Message,
  type OfflineReason,
  offlineReason,
  type QueueInfo,
  type WidgetSite,
} from '@frontdesk/shared';
import { NO_REPLY } from '@frontdesk/shared/client';
import { hoursStatus } from '../hours.ts';
import type { ChatContext } from './context.ts';
import type { Opener } from './conversation.ts';

/**
 * Why nobody can answer now, from what the widget knows: who is online (kept live by the server),
 * the business hours at `now` (null: no schedule, or past what the server told), and — while the
 * visitor waits — the measured wait estimate against the site's long-wait threshold.
 */
export function offlineNow(
  site: WidgetSite | null,
  queue: QueueInfo | null = null,
  now: number = Date.now(),
): OfflineReason | null {
  if (!site) return null;
  const hours = site.hours ? hoursStatus(site.hours, now) : null;
  return offlineReason({
    agentsOnline: site.agentsOnline,
    openNow: hours ? hours.open : null,
    estimateMaxMinutes: queue?.estimate?.maxMinutes ?? null,
    longWaitMinutes: site.offline?.longWaitMinutes ?? null,
  });
}

export type OfflineForm = {
  clientId: string;
  name: string;
  email: string;
  body: string;
  reason: OfflineReason;
  answers: Record<string, string>;
};

export type OfflineActions = {
  /** True once the server has stored the message; otherwise the visitor is told why (notice). */
  leaveMessage(form: OfflineForm): Promise<boolean>;
  /** Shows the form (the waiting view's "Leave a message instead") or puts it away ("Back to the chat"). */
  showOfflineForm(open: boolean): void;
  /**
   * Why nobody can answer, asked of the server now: the site's `agentsOnline` is a snapshot from the
   * last connect, and an agent may have signed in since. Falls back to the snapshot when offline.
   */
  checkOffline(): Promise<OfflineReason | null>;
};

export function createOfflineActions(
  ctx: ChatContext,
  opener: Opener,
  accept: (message: Message) => void,
): OfflineActions {
  return {
    async checkOffline() {
      if (ctx.ready()) {
        const reply = await ctx.transport.request(EVENTS.sessionInit, { locale: ctx.locale });
        if (reply.ok) ctx.store.dispatch({ type: 'site/refreshed', site: reply.data.site });
      }
      return offlineNow(ctx.state().conversation.site);
    },
    showOfflineForm(open) {
      ctx.store.dispatch({ type: 'ui/offline-form', open });
    },
    async leaveMessage(form) {
      ctx.notice(null);
      const opened = (await ctx.whenReady()) ? await opener.ensure() : NO_REPLY;
      const reply = opened.ok
        ? await ctx.transport.request(EVENTS.offlineMessage, { conversationId: opened.data.id, ...form })
        : opened;
      if (!reply.ok) {
        ctx.notice(reply);
        return false;
      }
      ctx.store.dispatch({ type: 'conversation/updated', conversation: reply.data.conversation });
      accept(reply.data.message);
      return true;
    },
  };
}
