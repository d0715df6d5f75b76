/** The centre column: who and what state, take over / return / resolve, action errors, timeline, composer. */
import type { AgentConversation, ErrorBody, ErrorCode, Message } from '@frontdesk/shared';
import type { ConsoleKey } from '@frontdesk/shared/i18n';
import { useState } from 'preact/hooks';
import { useI18n } from '../app/i18n.ts';
import type { CannedSource } from '../canned/use-canned-picker.ts';
import { TransferButton } from '../routing/TransferButton.tsx';
import { Avatar } from '../shared/Avatar.tsx';
import { visitorLabel } from '../shared/format.ts';
import { UploadList } from './attachments/UploadList.tsx';
import { useUploads } from './attachments/use-uploads.ts';
import { Composer } from './Composer.tsx';
import { stateText } from './labels.ts';
import { Timeline } from './Timeline.tsx';
import type { Outgoing, OutgoingKind } from './workspace-state.ts';
import type { ConversationAction } from './workspace-store.ts';

type Props = {
  conversation: AgentConversation;
  meId: string;
  messages: readonly Message[];
  /** Sends of this conversation the server has not acknowledged yet. */
  pending: readonly Outgoing[];
  loading: boolean;
  now: number;
  actionError: ErrorBody | null;
  onAct(action: ConversationAction): void;
  /** Issue 14: the canned responses the reply box offers; a new `cannedRequest` opens them. */
  canned?: CannedSource;
  cannedRequest?: number;
  onDismissError(): void;
  onSend(body: string, kind: OutgoingKind): void;
  onRetry(clientId: string): void;
  onBack(): void;
  /** Issue 14: show the visitor details (a button shown where they are a step of their own). */
  onDetails?(): void;
  /** Issue 13: the visitor types (with their draft when the site allows the peek); how far they have read. */
  visitorTyping?: { draft: string | null } | null;
  visitorRead?: number;
  onTyping?(draft: string, sent?: boolean): void;
  onRead?(seq: number): void;
};

const ERROR_KEYS: Partial<Record<ErrorCode, ConsoleKey>> = {
  conflict: 'errorConflict',
  invalid_state: 'errorInvalidState',
  forbidden: 'errorForbidden',
  not_found: 'errorNotFound',
  rate_limited: 'errorRateLimited',
  unavailable: 'errorUnavailable',
  too_large: 'errorTooLong',
};

export const errorText = (error: ErrorBody, t: (key: ConsoleKey) => string): string =>
  t(ERROR_KEYS[error.code] ?? 'errorGeneric');

/**
 * Issue 13: under the timeline, whether the visitor has seen the last reply, and "Visitor is typing…"
 * (a polite live region; the sneak-peek draft sits outside it, so it is not read out keystroke by keystroke).
 */
function LiveLine({
  messages,
  visitorRead,
  typing,
}: {
  messages: readonly Message[];
  visitorRead: number;
  typing: { draft: string | null } | null;
}) {
  const { t } = useI18n();
  const lastReply = messages.findLast((m) => m.author === 'agent' && m.kind === 'text');
  return (
    <div class="pane__live">
      {lastReply && (
        <p class={`pane__seen${visitorRead >= lastReply.seq ? ' pane__seen--yes' : ''}`}>
          {visitorRead >= lastReply.seq ? t('seenByVisitor') : t('notSeenByVisitor')}
        </p>
      )}
      <p class="pane__typing" aria-live="polite">
        {typing ? t('typingVisitor') : ''}
      </p>
      {typing?.draft && (
        <p class="pane__peek">
          <span class="pane__peek-label">{t('sneakPeekLabel')}</span> {typing.draft}
        </p>
      )}
    </div>
  );
}

export function ConversationPane(props: Props) {
  const { conversation: c, meId, now, actionError } = props;
  const { t } = useI18n();
  const name = visitorLabel(c, (id) => t('visitorFallback', { id }));
  const mine = c.state === 'assigned' && c.agentId === meId;
  // Issue 13: the agent's files, by picker, paste, or dropped on the pane.
  const uploads = useUploads(c.id);
  const [dragging, setDragging] = useState(false);
  const carriesFiles = (e: DragEvent) => mine && e.dataTransfer?.types.includes('Files') === true;
  return (
    <section
      class={dragging ? 'pane pane--dragging' : 'pane'}
      aria-labelledby="pane-title"
      onDragOver={(e) => {
        if (!carriesFiles(e)) return;
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={(e) => {
        if (e.target === e.currentTarget) setDragging(false);
      }}
      onDrop={(e) => {
        setDragging(false);
        if (!carriesFiles(e)) return;
        e.preventDefault();
        uploads.add([...(e.dataTransfer?.files ?? [])]);
      }}
    >
      <div class="pane__head">
        <button type="button" class="button pane__back" onClick={props.onBack}>
          {t('backToList')}
        </button>
        <Avatar name={c.visitor.name} seed={c.visitor.id} />
        <div class="pane__who">
          <h1 id="pane-title">{name}</h1>
          <span class={`state state--${c.state}`}>{stateText(c, meId, t)}</span>
        </div>
        {props.onDetails && (
          <button type="button" class="button pane__details" onClick={props.onDetails}>
            {t('showDetails')}
          </button>
        )}
        <fieldset class="pane__actions">
          <legend class="visually-hidden">{t('actionsLabel')}</legend>
          {(c.state === 'bot' || c.state === 'queued' || c.state === 'abandoned') && (
            <button type="button" class="button button--primary" onClick={() => props.onAct('take')}>
              {t('actionTake')}
            </button>
          )}
          {c.state === 'assigned' && (
            <button type="button" class="button" onClick={() => props.onAct('return')}>
              {t('actionReturn')}
            </button>
          )}
          {/* Issue 14 (routing): to another agent or a team, with a note. */}
          <TransferButton conversation={c} meId={meId} />
          {c.state !== 'resolved' && (
            <button type="button" class="button" onClick={() => props.onAct('resolve')}>
              {t('actionResolve')}
            </button>
          )}
        </fieldset>
      </div>
      {actionError && (
        <div class="alert" role="alert">
          <span>{errorText(actionError, t)}</span>
          <button type="button" class="link-button" onClick={props.onDismissError}>
            {t('dismiss')}
          </button>
        </div>
      )}
      <Timeline
        label={t('timelineLabel', { name })}
        visitor={{ id: c.visitor.id, name: c.visitor.name }}
        messages={props.messages}
        pending={props.pending}
        loading={props.loading}
        now={now}
        onRetry={props.onRetry}
        {...(props.onRead ? { onRead: props.onRead } : {})}
      />
      <LiveLine
        messages={props.messages}
        visitorRead={props.visitorRead ?? 0}
        typing={props.visitorTyping ?? null}
      />
      <UploadList items={uploads.items} onCancel={uploads.cancel} onDismiss={uploads.dismiss} />
      <Composer
        key={c.id}
        canReply={mine}
        onSend={props.onSend}
        onFiles={uploads.add}
        {...(props.onTyping ? { onTyping: props.onTyping } : {})}
        {...(props.canned ? { canned: props.canned } : {})}
        {...(props.cannedRequest ? { cannedRequest: props.cannedRequest } : {})}
      />
    </section>
  );
}
