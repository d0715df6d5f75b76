/**
 * One FAQ entry's form: id (new entries), language, question, examples, Markdown answer with a live preview,
 * tags; save and delete (with an inline confirmation). Read-only for agents who are not admins.
 */
import {
  type AckResult,
  type FaqEntry,
  type FaqInput,
  isLocale,
  LIMITS,
  LOCALES,
  markdownProblem,
} from '@frontdesk/shared';
import { markdownProblemText } from '@frontdesk/shared/i18n';
import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { useI18n } from '../app/i18n.ts';
import { adminErrorText, localeText } from '../shared/labels.ts';
import { ExamplesField } from './ExamplesField.tsx';
import {
  draftId,
  draftProblems,
  draftToInput,
  FAQ_ID_MAX_LENGTH,
  type FaqDraft,
  slugify,
  uniqueId,
} from './faq-draft.ts';
import { MarkdownPreview } from './MarkdownPreview.tsx';

type Props = {
  initial: FaqDraft;
  /** Ids already used on the site (a new entry may not take one). */
  taken: ReadonlySet<string>;
  readOnly: boolean;
  onSave(faqId: string, input: FaqInput): Promise<AckResult<FaqEntry>>;
  onDelete?: () => Promise<AckResult<null>>;
  onClose(): void;
  /** Shown under the title: overlap warnings of this entry. */
  children?: ComponentChildren;
};

type Busy = 'idle' | 'saving' | 'deleting';

export function FaqEditor({ initial, taken, readOnly, onSave, onDelete, onClose, children }: Props) {
  const { t, locale } = useI18n();
  const [draft, setDraft] = useState(initial);
  const [busy, setBusy] = useState<Busy>('idle');
  const [error, setError] = useState<string | null>(null);
  const [tried, setTried] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const creating = draft.existingId === null;
  const problems = draftProblems(draft, taken);
  // Shown as soon as it is typed: the server refuses an answer its renderers would not format.
  const answerProblem = useMemo(() => markdownProblem(draft.answer.trim()), [draft.answer]);
  const edit = (patch: Partial<FaqDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const prefix = `faq-${draft.existingId ?? 'new'}`;
  const formRef = useRef<HTMLFormElement>(null);
  // Opened from a list or a link further up: bring the form into view (no-op where it already is).
  useEffect(() => formRef.current?.scrollIntoView?.({ block: 'nearest' }), []);

  const save = async (event: Event) => {
    event.preventDefault();
    if (readOnly || busy !== 'idle') return;
    setTried(true);
    if (problems.length > 0 || answerProblem) return;
    setBusy('saving');
    setError(null);
    const result = await onSave(draftId(draft, taken), draftToInput(draft));
    setBusy('idle');
    if (!result.ok) setError(adminErrorText(result.error, t));
  };

  const remove = async () => {
    if (!onDelete || busy !== 'idle') return;
    setBusy('deleting');
    setError(null);
    const result = await onDelete();
    setBusy('idle');
    setConfirming(false);
    if (!result.ok) setError(adminErrorText(result.error, t));
  };

  const title = creating ? t('faqNewTitle') : readOnly ? t('faqViewTitle') : t('faqEditTitle');
  return (
    <form ref={formRef} class="editor" onSubmit={save} aria-label={title} noValidate>
      <div class="editor__head">
        <h2>{title}</h2>
        {!creating && <code class="editor__id">{draft.existingId}</code>}
        <button type="button" class="button editor__close" onClick={onClose}>
          {t('close')}
        </button>
      </div>
      {children}
      {creating && (
        <div class="field">
          <label for={`${prefix}-id`}>{t('faqFieldId')}</label>
          <input
            id={`${prefix}-id`}
            type="text"
            value={draft.id}
            maxLength={FAQ_ID_MAX_LENGTH}
            spellcheck={false}
            onInput={(e) => edit({ id: e.currentTarget.value.toLowerCase() })}
          />
          <p class="field__hint">{t('faqFieldIdHint', { id: uniqueId(slugify(draft.question), taken) })}</p>
        </div>
      )}
      <div class="field field--row">
        <label for={`${prefix}-lang`}>{t('language')}</label>
        <select
          id={`${prefix}-lang`}
          value={draft.lang}
          disabled={readOnly}
          onChange={(e) => {
            const lang = e.currentTarget.value;
            if (isLocale(lang)) edit({ lang });
          }}
        >
          {LOCALES.map((l) => (
            <option key={l} value={l}>
              {localeText(l, t)}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for={`${prefix}-question`}>{t('faqFieldQuestion')}</label>
        <input
          id={`${prefix}-question`}
          type="text"
          value={draft.question}
          readOnly={readOnly}
          maxLength={LIMITS.faqQuestionMaxLength}
          onInput={(e) => edit({ question: e.currentTarget.value })}
        />
      </div>
      <ExamplesField
        examples={draft.examples}
        readOnly={readOnly}
        onChange={(examples) => edit({ examples })}
      />
      <div class="field answer">
        <label for={`${prefix}-answer`}>{t('faqFieldAnswer')}</label>
        <div class="answer__panes">
          <textarea
            id={`${prefix}-answer`}
            rows={8}
            value={draft.answer}
            readOnly={readOnly}
            maxLength={LIMITS.faqAnswerMaxLength}
            aria-invalid={answerProblem ? true : undefined}
            aria-describedby={answerProblem ? `${prefix}-answer-problem` : undefined}
            onInput={(e) => edit({ answer: e.currentTarget.value })}
          />
          <section class="answer__preview" aria-label={t('faqPreview')}>
            <h3>{t('faqPreview')}</h3>
            {draft.answer.trim() ? (
              <MarkdownPreview body={draft.answer} />
            ) : (
              <p class="field__hint">{t('faqPreviewEmpty')}</p>
            )}
          </section>
        </div>
        {answerProblem && (
          <p class="error" id={`${prefix}-answer-problem`} role="alert">
            {t('faqErrorAnswerMarkdown', { reason: markdownProblemText(answerProblem, locale) })}
          </p>
        )}
      </div>
      <div class="field">
        <label for={`${prefix}-tags`}>{t('faqFieldTags')}</label>
        <input
          id={`${prefix}-tags`}
          type="text"
          value={draft.tags}
          readOnly={readOnly}
          onInput={(e) => edit({ tags: e.currentTarget.value })}
        />
      </div>
      {tried && problems.length > 0 && (
        <ul class="error editor__problems" role="alert">
          {problems.map((key) => (
            <li key={key}>{t(key)}</li>
          ))}
        </ul>
      )}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {!readOnly && (
        <div class="editor__bar">
          <button type="submit" class="button button--primary" disabled={busy !== 'idle'}>
            {busy === 'saving' ? t('saving') : t('save')}
          </button>
          <button type="button" class="button" onClick={onClose}>
            {t('cancel')}
          </button>
          {onDelete && !confirming && (
            <button type="button" class="button button--danger" onClick={() => setConfirming(true)}>
              {t('faqDelete')}
            </button>
          )}
        </div>
      )}
      {confirming && onDelete && (
        <div class="confirm" role="alertdialog" aria-label={t('faqDelete')}>
          <p>{t('faqDeleteConfirm', { question: initial.question })}</p>
          <button
            type="button"
            class="button button--danger"
            disabled={busy !== 'idle'}
            onClick={() => void remove()}
          >
            {busy === 'deleting' ? t('faqDeleting') : t('faqDelete')}
          </button>
          <button type="button" class="button" onClick={() => setConfirming(false)}>
            {t('cancel')}
          </button>
        </div>
      )}
    </form>
  );
}
