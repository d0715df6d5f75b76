/**
 * Keeps one message that fails to render from taking the timeline down: the failing entry shows a
 * short notice and its text (escaped by Preact); every other entry renders as usual.
 */
import type { Message } from '@frontdesk/shared';
import { Component, type ComponentChildren } from 'preact';
import { useWidget } from './context.ts';

type Props = { message: Message; children: ComponentChildren };

function Unshown({ message }: { message: Message }) {
  const { t } = useWidget();
  return (
    <div class="row theirs unshown">
      <p class="note">{t('messageNotShown')}</p>
      {typeof message.body === 'string' && <p class="text">{message.body}</p>}
    </div>
  );
}

// No class fields: the build lowers them to a helper the app chunk does not otherwise need.
export class MessageBoundary extends Component<Props, { failed?: boolean }> {
  static override getDerivedStateFromError() {
    return { failed: true };
  }

  override componentDidCatch(error: unknown) {
    console.error(`[frontdesk] message ${this.props.message.id} could not be shown`, error);
  }

  override render() {
    return this.state.failed ? <Unshown message={this.props.message} /> : this.props.children;
  }
}
