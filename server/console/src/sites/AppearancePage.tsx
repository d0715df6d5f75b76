/**
 * A site's widget appearance (admins) with a live preview: the real widget in preview mode in a frame
 * (same origin), sent the form as it stands on every change; the logo; and the code to embed the widget.
 */
import {
  API,
  afterLoadEmbed,
  LIMITS,
  LOCALES,
  type Locale,
  normalizeHexColor,
  PATHS,
  plainEmbed,
  type SiteDetail,
  WIDGET_POSITIONS,
} from '@frontdesk/shared';
import type { ConsoleKey } from '@frontdesk/shared/i18n';
import { BrandColorSchema, v } from '@frontdesk/shared/schemas';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { type Translate, useI18n } from '../app/i18n.ts';
import { CopyField } from '../shared/CopyField.tsx';
import { ImageUpload } from '../shared/ImageUpload.tsx';
import { detailedErrorText, localeText } from '../shared/labels.ts';
import { Notice, type NoticeState } from '../shared/Notice.tsx';
import { PageStatus } from '../shared/PageStatus.tsx';
import { useLoad } from '../shared/use-load.ts';
import type { SitesApi } from './api.ts';
import {
  type AppearanceForm,
  checkAppearance,
  formFromAppearance,
  type LocaleTexts,
  type ProblemPlace,
  previewMessage,
  type QuickReplyRow,
  TEXT_FIELDS,
  type TextField,
} from './appearance-form.ts';

type Props = { client: SitesApi; siteId: string; onSessionEnded(): void };

export function AppearancePage({ client, siteId, onSessionEnded }: Props) {
  const { t } = useI18n();
  const { state, reload } = useLoad(siteId, () => client.getSite(siteId), onSessionEnded);
  return (
    <main class="page appearance">
      <div class="page__body">
        <h1 class="page__title">{t('appearanceTitle')}</h1>
        <PageStatus state={state} onRetry={() => void reload()} />
        {state.status === 'ready' && (
          <AppearanceEditor key={state.data.id} initial={state.data} client={client} />
        )}
      </div>
    </main>
  );
}

/**
 * The embed snippets for a site (issue 17): the after-load embed with its own loader (recommended:
 * it never delays the page's `load`), and the plain tags, its own loader and the generic one.
 */
export function embedCodes(
  origin: string,
  key: string,
): { afterLoad: string; site: string; generic: string } {
  const own = { src: `${origin}${API.siteLoader(key)}` };
  return {
    afterLoad: afterLoadEmbed(own),
    site: plainEmbed(own),
    generic: plainEmbed({ src: `${origin}${PATHS.loader}`, site: key }),
  };
}

const FIELD_KEYS: Record<TextField, ConsoleKey> = {
  launcherLabel: 'appearanceLauncherLabel',
  title: 'appearanceHeaderTitle',
  subtitle: 'appearanceHeaderSubtitle',
  greeting: 'appearanceGreeting',
};
const FIELD_MAX: Record<TextField, number> = {
  launcherLabel: LIMITS.launcherLabelMaxLength,
  title: LIMITS.headerTitleMaxLength,
  subtitle: LIMITS.headerSubtitleMaxLength,
  greeting: LIMITS.greetingMaxLength,
};
const POSITION_KEYS = { right: 'appearancePositionRight', left: 'appearancePositionLeft' } as const;
const REPLY_TYPE_KEYS = {
  text: 'quickReplyTypeText',
  handoff: 'quickReplyTypeHandoff',
  faq: 'quickReplyTypeFaq',
} as const;

/** The server's verdict on the colour (`BrandColorSchema`), in the agent's language. */
function colorProblem(color: string, t: Translate): string | null {
  if (v.safeParse(BrandColorSchema, color).success) return null;
  return normalizeHexColor(color) ? t('appearanceColorContrast') : t('colorInvalid');
}

function AppearanceEditor({ initial, client }: { initial: SiteDetail; client: SitesApi }) {
  const { t, locale: consoleLocale } = useI18n();
  const [site, setSite] = useState(initial);
  const [form, setForm] = useState<AppearanceForm>(() => formFromAppearance(initial.appearance));
  const [tab, setTab] = useState<Locale>(initial.defaultLocale ?? consoleLocale);
  const [problems, setProblems] = useState<Partial<Record<ProblemPlace, string>>>({});
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<NoticeState>(null);

  const edit = (patch: Partial<AppearanceForm>) => {
    setNotice(null);
    setForm((f) => ({ ...f, ...patch }));
  };
  const editTexts = (locale: Locale, patch: Partial<LocaleTexts>) => {
    setNotice(null);
    setForm((f) => ({ ...f, texts: { ...f.texts, [locale]: { ...f.texts[locale], ...patch } } }));
  };

  const save = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    const checked = checkAppearance(form);
    if (!checked.ok) {
      setProblems(checked.problems);
      setNotice({ error: true, text: t('appearanceFix') });
      const place = Object.keys(checked.problems)[0] ?? '';
      const locale = LOCALES.find((l) => place.endsWith(`.${l}`));
      if (locale) setTab(locale);
      return;
    }
    setProblems({});
    setBusy(true);
    setNotice(null);
    const result = await client.patchSite(site.id, { appearance: checked.appearance });
    setBusy(false);
    if (!result.ok) {
      setNotice({ error: true, text: detailedErrorText(result.error, t) });
      return;
    }
    setSite(result.data);
    setForm(formFromAppearance(result.data.appearance));
    setNotice({ error: false, text: t('saved') });
  };

  const liveColorProblem = colorProblem(form.color, t);
  const hex = normalizeHexColor(form.color);
  const message = useMemo(() => previewMessage(form, site, tab), [form, site, tab]);
  const codes = embedCodes(location.origin, site.key);

  return (
    <div class="appearance__layout">
      <form class="form appearance__form" onSubmit={save} noValidate aria-labelledby="appearance-form-title">
        <h2 id="appearance-form-title">{t('appearanceFormTitle', { name: site.name })}</h2>
        <fieldset class="field">
          <legend>{t('appearanceColor')}</legend>
          <div class="color-field">
            <input
              type="color"
              aria-label={t('colorPicker')}
              value={hex ?? site.appearance.color}
              onInput={(e) => edit({ color: e.currentTarget.value })}
            />
            <label for="appearance-color">{t('colorHex')}</label>
            <input
              id="appearance-color"
              class="input--short"
              value={form.color}
              spellcheck={false}
              aria-invalid={liveColorProblem ? true : undefined}
              aria-describedby="appearance-color-error"
              onInput={(e) => edit({ color: e.currentTarget.value })}
            />
          </div>
          <p id="appearance-color-error" class="error" aria-live="polite">
            {liveColorProblem ?? ''}
          </p>
        </fieldset>
        <fieldset class="field">
          <legend>{t('appearancePosition')}</legend>
          {WIDGET_POSITIONS.map((position) => (
            <label key={position} class="check">
              <input
                type="radio"
                name="appearance-position"
                value={position}
                checked={form.position === position}
                onChange={() => edit({ position })}
              />
              {t(POSITION_KEYS[position])}
            </label>
          ))}
        </fieldset>
        <label class="check field">
          <input
            type="checkbox"
            checked={form.titleFlash}
            onChange={(e) => edit({ titleFlash: e.currentTarget.checked })}
          />
          {t('appearanceTitleFlash')}
        </label>
        <label class="check field">
          <input
            type="checkbox"
            checked={form.sound}
            onChange={(e) => edit({ sound: e.currentTarget.checked })}
          />
          {t('appearanceSound')}
        </label>
        <label class="check field">
          <input
            type="checkbox"
            checked={form.sneakPeek}
            onChange={(e) => edit({ sneakPeek: e.currentTarget.checked })}
          />
          {t('appearanceSneakPeek')}
        </label>
        <div class="tabs" role="tablist" aria-label={t('appearanceLanguages')}>
          {LOCALES.map((locale) => (
            <button
              key={locale}
              type="button"
              role="tab"
              id={`appearance-tab-${locale}`}
              aria-selected={tab === locale}
              aria-controls="appearance-texts"
              tabIndex={tab === locale ? 0 : -1}
              class={`tabs__tab${tab === locale ? ' tabs__tab--current' : ''}`}
              onClick={() => setTab(locale)}
              onKeyDown={(e) => {
                if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
                const step = e.key === 'ArrowRight' ? 1 : -1;
                const next = LOCALES[(LOCALES.indexOf(tab) + step + LOCALES.length) % LOCALES.length]!;
                setTab(next);
                document.getElementById(`appearance-tab-${next}`)?.focus();
              }}
            >
              {localeText(locale, t)}
            </button>
          ))}
        </div>
        <div id="appearance-texts" role="tabpanel" aria-labelledby={`appearance-tab-${tab}`}>
          <p class="field__hint">{t('appearanceTextsHint')}</p>
          {TEXT_FIELDS.map((field) => {
            const id = `appearance-${field}-${tab}`;
            const problem = problems[`${field}.${tab}`];
            const props = {
              id,
              maxLength: FIELD_MAX[field],
              value: form.texts[tab][field],
              'aria-invalid': problem ? true : undefined,
              onInput: (e: { currentTarget: HTMLInputElement | HTMLTextAreaElement }) =>
                editTexts(tab, { [field]: e.currentTarget.value }),
            };
            return (
              <div class="field" key={id}>
                <label for={id}>{t(FIELD_KEYS[field])}</label>
                {field === 'greeting' ? <textarea rows={3} {...props} /> : <input {...props} />}
                {problem && <p class="error">{problem}</p>}
              </div>
            );
          })}
          <QuickRepliesField
            locale={tab}
            rows={form.texts[tab].quickReplies}
            problem={problems[`quickReplies.${tab}`] ?? null}
            onChange={(quickReplies) => editTexts(tab, { quickReplies })}
          />
        </div>
        <Notice notice={notice} />
        <div class="editor__bar">
          <button type="submit" class="button button--primary" disabled={busy}>
            {busy ? t('saving') : t('save')}
          </button>
        </div>
        <ImageUpload
          id="appearance-logo"
          label={t('appearanceLogo')}
          url={site.appearance.logoUrl}
          alt={t('appearanceLogoAlt', { name: site.name })}
          onUpload={async (file) => {
            const result = await client.uploadLogo(site.id, file);
            if (result.ok) setSite(result.data);
            return result;
          }}
          onRemove={async () => {
            const result = await client.deleteLogo(site.id);
            if (result.ok) setSite(result.data);
            return result;
          }}
        />
      </form>
      <div class="appearance__side">
        <section aria-labelledby="appearance-preview-title">
          <h2 id="appearance-preview-title">{t('appearancePreview', { language: localeText(tab, t) })}</h2>
          <PreviewFrame message={message} title={t('appearancePreviewFrame')} />
        </section>
        <section aria-labelledby="appearance-embed-title">
          <h2 id="appearance-embed-title">{t('embedTitle')}</h2>
          <p class="field__hint">{t('embedHint')}</p>
          <CopyField
            id="embed-after-load"
            label={t('embedAfterLoad')}
            hint={t('embedAfterLoadHint')}
            value={codes.afterLoad}
            multiline
            rows={6}
          />
          <p class="field__hint">{t('embedPlainHint')}</p>
          <CopyField id="embed-site" label={t('embedSite')} value={codes.site} multiline />
          <CopyField id="embed-generic" label={t('embedGeneric')} value={codes.generic} multiline />
        </section>
      </div>
    </div>
  );
}

/** The widget in preview mode; the message is posted once the frame has loaded, then on every change. */
function PreviewFrame({ message, title }: { message: unknown; title: string }) {
  const frame = useRef<HTMLIFrameElement>(null);
  const [loaded, setLoaded] = useState(false);
  useEffect(() => {
    if (!loaded) return;
    frame.current?.contentWindow?.postMessage(message, location.origin);
  }, [loaded, message]);
  return (
    <iframe
      ref={frame}
      class="appearance__preview"
      title={title}
      src={API.widgetPreview}
      onLoad={() => {
        setLoaded(true);
        // A reload of the frame (it navigated, or was restarted) needs the current state again.
        frame.current?.contentWindow?.postMessage(message, location.origin);
      }}
    />
  );
}

type RepliesProps = {
  locale: Locale;
  rows: QuickReplyRow[];
  problem: string | null;
  onChange(rows: QuickReplyRow[]): void;
};

function QuickRepliesField({ locale, rows, problem, onChange }: RepliesProps) {
  const { t } = useI18n();
  const set = (index: number, patch: Partial<QuickReplyRow>) =>
    onChange(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  return (
    <fieldset class="field quick-replies">
      <legend>{t('appearanceQuickReplies')}</legend>
      {rows.length === 0 && <p class="field__hint">{t('appearanceQuickRepliesNone')}</p>}
      {rows.map((row, index) => {
        const n = index + 1;
        const id = `qr-${locale}-${index}`;
        return (
          <fieldset class="quick-replies__row" key={id}>
            <legend>{t('quickReplyNumber', { n })}</legend>
            <label for={`${id}-type`}>{t('quickReplyType')}</label>
            <select
              id={`${id}-type`}
              value={row.type}
              onChange={(e) => set(index, { type: e.currentTarget.value as QuickReplyRow['type'] })}
            >
              {(['text', 'handoff', 'faq'] as const).map((type) => (
                <option key={type} value={type}>
                  {t(REPLY_TYPE_KEYS[type])}
                </option>
              ))}
            </select>
            <label for={`${id}-label`}>{t('quickReplyLabel')}</label>
            <input
              id={`${id}-label`}
              maxLength={LIMITS.quickReplyLabelMaxLength}
              value={row.label}
              onInput={(e) => set(index, { label: e.currentTarget.value })}
            />
            {row.type === 'faq' && (
              <>
                <label for={`${id}-faq`}>{t('quickReplyFaqId')}</label>
                <input
                  id={`${id}-faq`}
                  value={row.faqId}
                  onInput={(e) => set(index, { faqId: e.currentTarget.value })}
                />
              </>
            )}
            <button
              type="button"
              class="button"
              aria-label={t('quickReplyRemoveNumber', { n })}
              onClick={() => onChange(rows.filter((_, i) => i !== index))}
            >
              {t('remove')}
            </button>
          </fieldset>
        );
      })}
      {rows.length < LIMITS.quickRepliesMax && (
        <button
          type="button"
          class="button"
          onClick={() => onChange([...rows, { type: 'text', label: '', faqId: '' }])}
        >
          {t('quickReplyAdd')}
        </button>
      )}
      {problem && <p class="error">{problem}</p>}
    </fieldset>
  );
}
