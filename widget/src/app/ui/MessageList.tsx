/**
 * The timeline (`role="log"`): the greeting while the conversation is empty, messages in `seq`
 * order, unacknowledged ones at the end, and the extras under the last bot answer.
 */
import type { Message, VisitorConversation, WidgetSite } from '@frontdesk/shared';
import { useLayoutEffect, useRef } from 'preact/hooks';
import type { OutboxItem } from '../store/index.ts';
import { BotFace } from './Avatar.tsx';
import { useWidget } from './context.ts';
import { MessageBoundary } from './MessageBoundary.tsx';
import { MessageItem, startsRun } from './MessageItem.tsx';
import { OutboxItemView } from './OutboxItemView.tsx';
import { QuickReplies } from './QuickReplies.tsx';
import { useNow, useReadMarks } from './read-marks.ts';

type Props = {
  site: WidgetSite | null;
  conversation: VisitorConversation | null;
  messages: readonly Message[];
  outbox: readonly OutboxItem[];
  notHelpful: readonly string[];
  /** Issue 13: how far an agent has read (the visitor's last message shows "Seen" once it is reached). */
  agentRead?: number;
};

function LastBotExtras({
  message,
  conversation,
  flagged,
}: {
  message: Message;
  conversation: VisitorConversation | null;
  flagged: boolean;
}) {
  const { t, chat } = useWidget();
  const replies = message.meta?.quickReplies ?? [];
  const canFlag = message.meta?.faqId !== undefined && conversation?.state === 'bot' && !flagged;
  return (
    <>
      <QuickReplies replies={replies} />
      {canFlag && (
        <button type="button" class="link not-helpful" onClick={() => void chat.notHelpful(message.id)}>
          {t('notHelpful')}
        </button>
      )}
    </>
  );
}

export function MessageList({ site, conversation, messages, outbox, notHelpful, agentRead = 0 }: Props) {
  const { t, chat } = useWidget();
  const now = useNow();
  const log = useRef<HTMLDivElement>(null);
  const last = messages.at(-1);
  const delivered = new Set(messages.map((m) => m.clientId));
  const pending = outbox.filter((item) => !delivered.has(item.clientId));
  const empty = messages.length === 0 && pending.length === 0;
  const lastMine = messages.findLast((m) => m.author === 'visitor');
  useReadMarks(log, last?.seq ?? 0, chat.markRead);

  useLayoutEffect(() => {
    const el = log.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [messages.length, pending.length, last?.id]);

  return (
    <div class="log" role="log" aria-live="polite" aria-label={t('messagesLabel')} ref={log}>
      {empty && (
        <div class="row theirs bot greeting">
          <span class="who">
            <BotFace logoUrl={site?.logoUrl} />
            {t('bot')}
          </span>
          <div class="bubble">
            <p class="text">{site?.greeting ?? t('greeting')}</p>
          </div>
          <QuickReplies replies={site?.quickReplies ?? []} />
        </div>
      )}
      {messages.map((message, i) => (
        <MessageBoundary key={message.id} message={message}>
          <MessageItem
            message={message}
            now={now}
            seen={message === lastMine && agentRead >= message.seq}
            first={startsRun(message, messages[i - 1])}
            logoUrl={site?.logoUrl ?? null}
          />
        </MessageBoundary>
      ))}
      {last?.author === 'bot' && pending.length === 0 && (
        <LastBotExtras message={last} conversation={conversation} flagged={notHelpful.includes(last.id)} />
      )}
      {pending.map((item) => (
        <OutboxItemView key={item.clientId} item={item} />
      ))}
    </div>
  );
}
