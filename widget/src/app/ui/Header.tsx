/** Panel header: site name, where the conversation stands, and the close button. */
import type { VisitorConversation } from '@frontdesk/shared';
import type { ComponentChildren } from 'preact';
import { AgentFace } from './Avatar.tsx';
import { type Translate, useWidget } from './context.ts';

export function subtitle(conversation: VisitorConversation | null, t: Translate): string {
  // Issue 10: a message left for the team, not a wait in the queue.
  if (conversation?.state === 'queued' && conversation.offline) return t('subtitleOffline');
  switch (conversation?.state) {
    case 'queued':
    case 'abandoned': // Issue 10: shown only until the visitor's return puts it back in the queue.
      return t('subtitleQueued');
    case 'assigned':
      return t('subtitleAssigned', { name: conversation.agentName ?? t('agent') });
    case 'resolved':
      return t('subtitleResolved');
    default:
      return t('subtitleBot');
  }
}

type Props = {
  title: string;
  /** The site's own subtitle; none: where the conversation stands. */
  subtitle?: string | null;
  logoUrl?: string | null;
  conversation: VisitorConversation | null;
  titleId: string;
  onClose: () => void;
  /** Issue 12: the options menu, before the close button. */
  menu?: ComponentChildren;
};

export function Header({ title, subtitle: own, logoUrl, conversation, titleId, onClose, menu }: Props) {
  const { t, base = '' } = useWidget();
  const state = conversation && conversation.state !== 'bot' ? subtitle(conversation, t) : null;
  return (
    <header class="header">
      {logoUrl && <img class="logo" src={base + logoUrl} alt="" width={32} height={32} />}
      <div class="heading">
        <h2 id={titleId}>{title}</h2>
        <p class="subtitle">
          {/* Issue 13: "Anna is helping you" with Anna's avatar. */}
          {conversation?.state === 'assigned' && (
            <AgentFace name={conversation.agentName} avatar={conversation.agentAvatar} />
          )}
          {state ?? own ?? subtitle(conversation, t)}
        </p>
      </div>
      {menu}
      <button type="button" class="icon-button" aria-label={t('close')} onClick={onClose}>
        <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <path d="M6.4 5 12 10.6 17.6 5 19 6.4 13.4 12l5.6 5.6-1.4 1.4-5.6-5.6L6.4 19 5 17.6l5.6-5.6L5 6.4z" />
        </svg>
      </button>
    </header>
  );
}
