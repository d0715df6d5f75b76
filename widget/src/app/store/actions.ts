/** Every change the widget's state can undergo, as one discriminated union. */
import type {
  ErrorCode,
  Message,
  ReadSummary,
  TypingNotice,
  VisitorConversation,
  WidgetSite,
} from '@frontdesk/shared';
import type { WidgetKey } from '@frontdesk/shared/i18n';
import type { TransportStatus } from '../../transport/index.ts';
import type { OutboxItem, OutboxStatus } from './outbox-item.ts';
import type { SeenMark } from './unread.ts';

export type Action =
  | { type: 'connection/status'; status: TransportStatus }
  /** `session:init` answered: site settings and the visitor's open conversation. */
  | {
      type: 'session/ready';
      site: WidgetSite;
      conversation: VisitorConversation | null;
      messages: Message[];
      /** Issue 13: the conversation's read positions. */
      reads?: ReadSummary;
    }
  /** `conversation:open` answered (get-or-create, or a fresh one). */
  | { type: 'conversation/opened'; conversation: VisitorConversation; messages: Message[] }
  | { type: 'conversation/updated'; conversation: VisitorConversation }
  /** Issue 10 (presence): the site's available agents changed. */
  | { type: 'site/availability'; agentsOnline: number }
  /**
   * Messages from a sync page (complete up to their highest `seq`) or live (an event or a send ack,
   * which may arrive after a gap).
   */
  | { type: 'messages/received'; messages: Message[]; source: 'sync' | 'live' }
  | { type: 'outbox/queued'; item: OutboxItem }
  /** On its way, waiting to be sent (again), or refused for good with `code`. */
  | { type: 'outbox/status'; clientId: string; status: OutboxStatus; code?: ErrorCode | null }
  /** `restored`: reopened on a new page because it was open on the last one. */
  | { type: 'ui/open'; restored?: boolean }
  /** An agent or bot message arrived live (counted only while the panel is closed). */
  /** The seen mark the previous page of this site left. */
  | { type: 'ui/seen'; seen: SeenMark | null }
  | { type: 'ui/draft'; text: string }
  | { type: 'ui/close' }
  | { type: 'ui/notice'; notice: WidgetKey | null }
  | { type: 'ui/rated' }
  | { type: 'ui/not-helpful'; messageId: string }
  /** Issue 10: the leave-a-message form shown (asked for a person while nobody can answer) or put away. */
  | { type: 'ui/offline-form'; open: boolean }
  | { type: 'ui/sound'; on: boolean }
  /** Issue 10: the site's settings asked again (who is online now), nothing else changes. */
  | { type: 'site/refreshed'; site: WidgetSite }
  // Issue 13 (typing, read receipts):
  /** Read positions of a conversation from a sync, an ack or a `read:changed` (never moved back). */
  | { type: 'live/reads'; conversationId: string; reads: ReadSummary }
  /** `typing:changed`; `at`: when it arrived (the indicator lapses `LIMITS.typingExpiryMs` later). */
  | { type: 'live/typing'; notice: TypingNotice; at: number }
  /** The clock passed `now`: a lapsed indicator is cleared. */
  | { type: 'live/expire'; now: number }
  /**
   * Issue 12: this device's history is gone (logout on a shared computer, "delete my chat history"):
   * no conversation, no messages, nothing queued or drafted; the site's settings and the panel stay.
   */
  | { type: 'session/cleared' };
