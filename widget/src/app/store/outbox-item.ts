/** What the visitor's outbox holds: the client core's item with the visitor's quick-reply choice. */
import type { SendVisitorMessageInput } from '@frontdesk/shared';
import type { OutboxItem as CoreItem } from '@frontdesk/shared/client';

export type QuickReplyChoice = NonNullable<SendVisitorMessageInput['quickReply']>;

export type OutboxItem = CoreItem<{ quickReply?: QuickReplyChoice }>;
export type { OutboxStatus } from '@frontdesk/shared/client';
