/**
 * One timeline entry. Visitor bodies are plain text (JSX escapes them); bot and agent bodies (notes too) are
 * sanitised Markdown; system events are a centred line; notes are marked private; bot messages show their match.
 */
import type { Message } from '@frontdesk/shared';
import { useMemo } from 'preact/hooks';
import { useI18n } from '../app/i18n.ts';
import { useMarkdown } from '../app/markdown.ts';
import { Avatar } from '../shared/Avatar.tsx';
import { formatClock } from '../shared/format.ts';
import { AttachmentView } from './attachments/AttachmentView.tsx';
import { authorText, botMatchText, eventText } from './labels.ts';

type Props = {
  message: Message;
  now: number;
  /** Issue 14: the visitor, for their avatar (initials and colour as in the list). */
  visitor?: { id: string; name: string | null };
};

export function MessageItem({ message, now, visitor }: Props) {
  const { t, locale } = useI18n();
  const time = (
    <time class="msg__time" dateTime={message.createdAt}>
      {formatClock(message.createdAt, locale, now)}
    </time>
  );

  if (message.kind === 'event' || message.author === 'system') {
    const event = message.meta?.event;
    return (
      <li class="msg msg--system" data-seq={message.seq}>
        <span>{event ? eventText(event, t) : message.body}</span> {time}
      </li>
    );
  }

  const note = message.kind === 'note';
  const who = message.authorName ?? authorText(message.author, t);
  const bot = message.meta?.bot;
  const quickReplies = message.meta?.quickReplies ?? [];
  return (
    <li class={`msg msg--${message.author}${note ? ' msg--note' : ''}`} data-seq={message.seq}>
      <div class="msg__head">
        {message.author === 'visitor' ? (
          <Avatar name={visitor?.name ?? null} seed={visitor?.id ?? ''} size="xs" />
        ) : (
          <Avatar name={who} size="xs" kind="agent" />
        )}
        <span class="msg__author">{who}</span>
        {note && <span class="badge badge--note">{t('noteBadge')}</span>}
        {time}
      </div>
      {message.kind === 'attachment' && message.meta?.attachment ? (
        <div class="msg__body">
          <AttachmentView attachment={message.meta.attachment} />
        </div>
      ) : message.author === 'visitor' ? (
        <p class="msg__body msg__body--text">{message.body}</p>
      ) : (
        <Markdown body={message.body} />
      )}
      {quickReplies.length > 0 && (
        <ul class="chips" aria-label={t('quickRepliesLabel')}>
          {quickReplies.map((reply) => (
            <li key={`${reply.type}:${reply.label}`} class="chip">
              {reply.label}
            </li>
          ))}
        </ul>
      )}
      {bot && (
        <p class="msg__bot" title={t('botInfoLabel')}>
          {botMatchText(bot, t)}
        </p>
      )}
    </li>
  );
}

function Markdown({ body }: { body: string }) {
  const render = useMarkdown();
  const rendered = useMemo(() => render(body), [render, body]);
  // Safe: the shared renderer returns DOMPurify output only (plain text when too costly to format).
  return (
    <div
      class={`msg__body msg__body--md${rendered.fallback ? ' msg__body--plain' : ''}`}
      dangerouslySetInnerHTML={{ __html: rendered.html }}
    />
  );
}
