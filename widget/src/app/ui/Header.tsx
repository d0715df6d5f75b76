/** Panel header: site name, where the conversation stands, and the close button. */
import type { VisitorConversation } from '@frontdesk/shared';
import { type Translate, useWidget } from './context.ts';

export function subtitle(conversation: VisitorConversation | null, t: Translate): string {
  switch (conversation?.state) {
    case 'queued':
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
  conversation: VisitorConversation | null;
  titleId: string;
  onClose: () => void;
};

export function Header({ title, conversation, titleId, onClose }: Props) {
  const { t } = useWidget();
  return (
    <header class="header">
      <div class="heading">
        <h2 id={titleId}>{title}</h2>
        <p class="subtitle">{subtitle(conversation, t)}</p>
      </div>
      <button type="button" class="icon-button" aria-label={t('close')} onClick={onClose}>
        <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <path d="M6.4 5 12 10.6 17.6 5 19 6.4 13.4 12l5.6 5.6-1.4 1.4-5.6-5.6L6.4 19 5 17.6l5.6-5.6L5 6.4z" />
        </svg>
      </button>
    </header>
  );
}
