/** One timeline entry: a visitor bubble (plain text), a bot/agent bubble (Markdown) or a system note. */
import type { Message } from '@frontdesk/shared';
import { type Translate, useWidget } from './context.ts';
import { LazyAttachment as AttachmentView } from './lazy-attachments.tsx';
import { Markdown } from './Markdown.tsx';

export function eventText(message: Message, t: Translate): string {
  const event = message.meta?.event;
  switch (event?.name) {
    case 'queued':
      // Why a person was called in: the visitor asked (or an older event says nothing), or the bot
      // could not answer, an escalation phrase (a complaint, say), or an answer that did not help.
      return t(
        event.reason === 'bot_misses'
          ? 'queuedBotMisses'
          : event.reason === 'escalation'
            ? 'queuedEscalation'
            : event.reason === 'not_helpful'
              ? 'queuedNotHelpful'
              : 'queued',
      );
    case 'assigned':
      return t('agentJoined', { name: event.agentName ?? t('agent') });
    case 'returned_to_bot':
      return t('returnedToBot');
    case 'resolved':
      return t('resolved');
    case 'reopened':
      return t('reopened');
    // Issue 10 (presence)
    case 'abandoned':
      return t('abandoned');
    case 'requeued':
      return t('requeued');
    // Issue 10.
    case 'offline_message':
      return t(`offlineLeft_${event.offlineReason ?? 'nobody_online'}`);
    default:
      return message.body;
  }
}

export function MessageItem({ message }: { message: Message }) {
  const { t } = useWidget();
  if (message.kind === 'event' || message.author === 'system') {
    return <p class="note">{eventText(message, t)}</p>;
  }
  const attachment = message.kind === 'attachment' ? message.meta?.attachment : undefined;
  if (message.author === 'visitor') {
    return (
      <div class="row mine">
        <div class={attachment ? 'bubble attachment' : 'bubble'}>
          <span class="sr-only">{t('you')}: </span>
          {attachment ? <AttachmentView attachment={attachment} /> : <p class="text">{message.body}</p>}
        </div>
      </div>
    );
  }
  const name = message.author === 'bot' ? t('bot') : (message.authorName ?? t('agent'));
  // Issue 13: a file from the agent (its name is shown as text, never as Markdown).
  if (attachment) {
    return (
      <div class={`row theirs ${message.author}`}>
        <span class="who">{name}</span>
        <div class="bubble attachment">
          <AttachmentView attachment={attachment} />
        </div>
      </div>
    );
  }
  return (
    <div class={`row theirs ${message.author}`}>
      <span class="who">{name}</span>
      <div class="bubble">
        <Markdown source={message.body} />
      </div>
    </div>
  );
}
