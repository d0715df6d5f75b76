/**
 * Keeps one message that fails to render from taking the timeline down: the failing entry shows a
 * short notice and its text (escaped by Preact); every other entry renders as usual.
 */
import type { Message } from '@frontdesk/shared';
import { Component, type ComponentChildren } from 'preact';
import { useI18n } from '../app/i18n.ts';

type Props = { message: Message; children: ComponentChildren };

function Unshown({ message }: { message: Message }) {
  const { t } = useI18n();
  return (
    <li class={`msg msg--${message.author} msg--unshown`}>
      <p class="msg__status msg__status--failed">{t('messageNotShown')}</p>
      {typeof message.body === 'string' && <p class="msg__body msg__body--text">{message.body}</p>}
    </li>
  );
}

export class MessageBoundary extends Component<Props, { failed?: boolean }> {
  static override getDerivedStateFromError() {
    return { failed: true };
  }

  override componentDidCatch(error: unknown) {
    console.error(`[console] message ${this.props.message.id} could not be shown`, error);
  }

  override render() {
    return this.state.failed ? <Unshown message={this.props.message} /> : this.props.children;
  }
}
