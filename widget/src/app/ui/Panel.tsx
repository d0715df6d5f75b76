/** The chat panel (`role="dialog"`): header, notices, timeline, and what the visitor can do next. */
import { afterResolution } from '@frontdesk/shared';
import type { WidgetKey } from '@frontdesk/shared/i18n';
import { useEffect, useId, useState } from 'preact/hooks';
import { offlineNow } from '../chat/offline.ts';
import { type State, soundOn } from '../store/index.ts';
import { Composer } from './Composer.tsx';
import { useWidget } from './context.ts';
import { DeleteHistory } from './DeleteHistory.tsx';
import { Header } from './Header.tsx';
import { HoursLine } from './HoursLine.tsx';
import { LazyUploadList, useUploadCount } from './lazy-attachments.tsx';
import { MessageList } from './MessageList.tsx';
import { OfflineForm, OfflineSent } from './OfflineForm.tsx';
import { PanelMenu } from './PanelMenu.tsx';
import { Rating } from './Rating.tsx';
import { Waiting } from './Waiting.tsx';

/** The connection banner: nothing while the first connect is in progress. */
export function connectionNotice(state: State): WidgetKey | null {
  const { status, wasOnline } = state.connection;
  if (status === 'online') return null;
  if (status === 'offline') return 'offline';
  if (status === 'unavailable' || status === 'preview') return status;
  return wasOnline ? 'reconnecting' : null;
}

export function Panel({ state, onClose }: { state: State; onClose: () => void }) {
  const { t, chat, locale = 'en', prefill, onSound } = useWidget();
  const titleId = useId();
  const { site, current } = state.conversation;
  const connection = connectionNotice(state);
  const canAskForPerson = current === null || current.state === 'bot';
  // Refused for good (origin, archived) or a preview: nothing typed here could ever be sent.
  const unavailable = state.connection.status === 'unavailable' || state.connection.status === 'preview';
  // Issue 10: nobody can answer now: the form instead of the queue, never both. The form opens by
  // itself when the conversation is queued (the bot handed off, a reload) while nobody can answer;
  // if everyone steps away later, the waiting line says so and offers the form (the visitor keeps
  // their place unless they take it).
  const reason = offlineNow(site, current?.queue ?? null);
  const left = current?.state === 'queued' ? (current.offline ?? null) : null;
  const away = reason === 'long_wait' ? null : reason;
  const form = !unavailable && !left && reason !== null && state.ui.offlineForm ? reason : null;
  const queuedNow = current?.state === 'queued' && !left ? current.id : null;
  // Issue 13: files by picker, paste, or dropped anywhere on the panel.
  const attach = !unavailable && !form && Boolean(site?.attachments);
  const [dragging, setDragging] = useState(false);
  const uploading = useUploadCount(chat.uploads) > 0;
  const carriesFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') === true;
  // Issue 12: "Delete my chat history" asks first, then says how it went.
  const [erasing, setErasing] = useState(false);
  const [erased, setErased] = useState<boolean | null>(null);
  // Issue 13: the transcript from the menu, to the e-mail the visitor gave (form or host page).
  const email = current?.offline?.email ?? prefill?.email ?? null;
  const [mailed, setMailed] = useState<string | null>(null);
  const canMail = !unavailable && state.connection.ready && current !== null && email !== null;
  useEffect(() => {
    if (!queuedNow || !away) return;
    // The snapshot may be stale (an agent may have signed in since): ask, then offer the form.
    void chat.checkOffline().then((still) => {
      if (still && still !== 'long_wait') chat.showOfflineForm(true);
    });
  }, [queuedNow]);

  return (
    <div
      class={dragging ? 'panel dragging' : 'panel'}
      role="dialog"
      aria-labelledby={titleId}
      onDragOver={(event) => {
        if (!attach || !carriesFiles(event)) return;
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={(event) => {
        if (event.target === event.currentTarget) setDragging(false);
      }}
      onDrop={(event) => {
        setDragging(false);
        if (!attach || !carriesFiles(event)) return;
        event.preventDefault();
        chat.uploads.add([...(event.dataTransfer?.files ?? [])]);
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          onClose();
        }
      }}
    >
      <Header
        title={site?.title ?? site?.name ?? t('title')}
        subtitle={site?.subtitle ?? null}
        logoUrl={site?.logoUrl ?? null}
        conversation={current}
        titleId={titleId}
        onClose={onClose}
        menu={
          <PanelMenu
            disabled={unavailable}
            onTranscript={
              canMail
                ? () => {
                    setMailed(null);
                    void chat.transcript(email).then((sent) => sent && setMailed(email));
                  }
                : undefined
            }
            sound={soundOn(state.ui, site?.sound)}
            onSound={(on) => onSound?.(on)}
            onDeleteHistory={() => {
              setErased(null);
              setErasing(true);
            }}
          />
        }
      />
      <HoursLine hours={site?.hours ?? null} t={t} locale={locale} />
      {connection && (
        <p class="banner" role="status">
          {t(connection)}
        </p>
      )}
      {state.ui.notice && state.ui.notice !== connection && (
        <p class="banner error" role="alert">
          {t(state.ui.notice)}
        </p>
      )}
      {mailed && (
        <p class="notice-ok" role="status">
          {t('transcriptSent', { email: mailed })}
        </p>
      )}
      {erased !== null && (
        <p class={erased ? 'notice-ok' : 'banner error'} role={erased ? 'status' : 'alert'}>
          {t(erased ? 'deleteHistoryDone' : 'deleteHistoryFailed')}
        </p>
      )}
      <MessageList
        site={site}
        conversation={current}
        messages={state.messages.messages}
        outbox={state.outbox.items}
        notHelpful={state.ui.notHelpful}
        agentRead={state.live.reads.agent}
      />
      <p class="typing" aria-live="polite">
        {state.live.typing ? t('typingAgent', { name: state.live.typing.name || t('agent') }) : ''}
      </p>
      <div class="footer">
        {erasing && (
          <DeleteHistory
            onCancel={() => setErasing(false)}
            onDone={(deleted) => {
              setErasing(false);
              setErased(deleted);
            }}
          />
        )}
        {left && <OfflineSent email={left.email} />}
        {form && (
          <OfflineForm
            reason={form}
            fields={site?.offline?.fields ?? []}
            onBack={() => chat.showOfflineForm(false)}
          />
        )}
        {current?.state === 'queued' && !left && !form && (
          <Waiting
            queue={current.queue}
            away={away}
            {...(reason !== null && { onLeaveMessage: () => chat.showOfflineForm(true) })}
          />
        )}
        {current?.state === 'resolved' && <Rating conversation={current} rated={state.ui.rated} />}
        {canAskForPerson && !unavailable && !form && (
          <button type="button" class="secondary handoff" onClick={() => void chat.handoff()}>
            {t('talkToPerson')}
          </button>
        )}
        {dragging && (
          <p class="drop-hint" aria-hidden="true">
            {t('attachDrop')}
          </p>
        )}
        <LazyUploadList active={uploading} />
        {!form && (
          <Composer
            attach={attach}
            disabled={unavailable}
            preview={state.connection.status === 'preview'}
            draft={state.ui.draft}
            afterResolution={
              current?.state === 'resolved'
                ? afterResolution(state.ui.rated || current.rating !== null)
                : null
            }
          />
        )}
      </div>
    </div>
  );
}
