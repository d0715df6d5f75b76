/** One timeline entry: a visitor bubble (plain text), a bot/agent bubble (Markdown) or a system note. */
import type { Message } from '@frontdesk/shared';
import { exactTime, relativeTime } from '../time.ts';
import { AgentFace, BotFace } from './Avatar.tsx';
import { type Translate, useWidget } from './context.ts';
import { LazyAttachment as AttachmentView } from './lazy-attachments.tsx';
import { Markdown } from './Markdown.tsx';

/** Issue 13: when it was written, relative; the exact time on hover and on keyboard focus. */
export function Stamp({ iso, now }: { iso: string; now: number }) {
  const { t, locale = 'en' } = useWidget();
  const exact = exactTime(iso, locale);
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: focus shows the exact time to keyboard users.
    <time class="stamp" dateTime={iso} title={exact} tabIndex={0}>
      <span aria-hidden="true">{relativeTime(iso, now, locale, t('timeJustNow'))}</span>
      <span class="stamp__exact">{exact}</span>
    </time>
  );
}

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
    // Issue 14 (routing).
    case 'transferred':
      return event.agentName ? t('transferredToAgent', { name: event.agentName }) : t('transferredToTeam');
    case 'released':
      return t('released');
    // Issue 10.
    case 'offline_message':
      return t(`offlineLeft_${event.offlineReason ?? 'nobody_online'}`);
    default:
      return message.body;
  }
}

/**
 * Issue 13: whether a message starts a run of replies from one author (the bot, or one agent by
 * name); only the first of a run shows the author's avatar and name, the rest say the name to screen
 * readers only. A system note or the visitor's own message ends a run.
 */
export function startsRun(message: Message, previous: Message | undefined): boolean {
  if (!previous || previous.kind === 'event' || previous.author === 'system') return true;
  return previous.author !== message.author || previous.authorName !== message.authorName;
}

/** Who wrote a reply: the avatar and the name on the first of a run, the name for screen readers after. */
function Who({
  message,
  name,
  first,
  logoUrl,
}: {
  message: Message;
  name: string;
  first: boolean;
  logoUrl?: string | null;
}) {
  if (!first) return <span class="sr-only">{name}: </span>;
  return (
    <span class="who">
      {message.author === 'bot' ? (
        <BotFace logoUrl={logoUrl} />
      ) : (
        <AgentFace name={message.authorName} avatar={message.avatar} />
      )}
      {name}
    </span>
  );
}

/**
 * `now`: for the relative time; `seen`: issue 13, an agent has read this (the visitor's last)
 * message; `first`: it starts a run of replies from its author (see `startsRun`); `logoUrl`: the
 * site's logo, the bot's avatar.
 */
export function MessageItem({
  message,
  now,
  seen = false,
  first = true,
  logoUrl = null,
}: {
  message: Message;
  now: number;
  seen?: boolean;
  first?: boolean;
  logoUrl?: string | null;
}) {
  const { t } = useWidget();
  if (message.kind === 'event' || message.author === 'system') {
    return (
      <p class="note" data-seq={message.seq}>
        {eventText(message, t)}
      </p>
    );
  }
  const attachment = message.kind === 'attachment' ? message.meta?.attachment : undefined;
  if (message.author === 'visitor') {
    return (
      <div class="row mine" data-seq={message.seq}>
        <div class={attachment ? 'bubble attachment' : 'bubble'}>
          <span class="sr-only">{t('you')}: </span>
          {attachment ? <AttachmentView attachment={attachment} /> : <p class="text">{message.body}</p>}
        </div>
        <Stamp iso={message.createdAt} now={now} />
        {seen && <span class="seen">{t('seen')}</span>}
      </div>
    );
  }
  const name = message.author === 'bot' ? t('bot') : (message.authorName ?? t('agent'));
  const rowClass = `row theirs ${message.author}${first ? '' : ' cont'}`;
  // Issue 13: a file from the agent (its name is shown as text, never as Markdown).
  if (attachment) {
    return (
      <div class={rowClass} data-seq={message.seq}>
        <Who message={message} name={name} first={first} logoUrl={logoUrl} />
        <div class="bubble attachment">
          <AttachmentView attachment={attachment} />
        </div>
      </div>
    );
  }
  return (
    <div class={rowClass} data-seq={message.seq}>
      <Who message={message} name={name} first={first} logoUrl={logoUrl} />
      <div class="bubble">
        <Markdown source={message.body} />
      </div>
      <Stamp iso={message.createdAt} now={now} />
    </div>
  );
}
