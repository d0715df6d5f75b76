/**
 * The appearance form: editable text from a site's appearance, back to the PATCH body checked with the
 * server's schema (`SiteAppearanceSchema`), and the message the live preview frame is sent.
 */
import {
  LOCALES,
  type Locale,
  PREVIEW_MESSAGE,
  type QuickReply,
  type SiteAppearance,
  type SiteDetail,
  type WidgetPosition,
} from '@frontdesk/shared';
import {
  BrandColorSchema,
  type SiteAppearanceInput,
  SiteAppearanceSchema,
  v,
} from '@frontdesk/shared/schemas';

export type QuickReplyRow = { type: QuickReply['type']; label: string; faqId: string };
export type LocaleTexts = {
  launcherLabel: string;
  title: string;
  subtitle: string;
  greeting: string;
  quickReplies: QuickReplyRow[];
};
export type AppearanceForm = {
  color: string;
  position: WidgetPosition;
  /** Flash the host page's title while new messages wait unread. */
  titleFlash: boolean;
  sound: boolean;
  /** Issue 13: agents see the visitor's draft while they type. */
  sneakPeek: boolean;
  texts: Record<Locale, LocaleTexts>;
};
export type TextField = Exclude<keyof LocaleTexts, 'quickReplies'>;
export const TEXT_FIELDS: readonly TextField[] = ['launcherLabel', 'title', 'subtitle', 'greeting'];

const rowOf = (reply: QuickReply): QuickReplyRow => ({
  type: reply.type,
  label: reply.label,
  faqId: reply.type === 'faq' ? reply.faqId : '',
});

export function formFromAppearance(appearance: SiteAppearance): AppearanceForm {
  const texts = Object.fromEntries(
    LOCALES.map((locale) => [
      locale,
      {
        launcherLabel: appearance.launcherLabel[locale] ?? '',
        title: appearance.title[locale] ?? '',
        subtitle: appearance.subtitle[locale] ?? '',
        greeting: appearance.greeting[locale] ?? '',
        quickReplies: (appearance.quickReplies[locale] ?? []).map(rowOf),
      },
    ]),
  ) as Record<Locale, LocaleTexts>;
  return {
    color: appearance.color,
    position: appearance.position,
    titleFlash: appearance.titleFlash === true,
    sound: appearance.sound === true,
    sneakPeek: appearance.sneakPeek === true,
    texts,
  };
}

const replyOf = (row: QuickReplyRow): QuickReply =>
  row.type === 'faq'
    ? { type: 'faq', label: row.label.trim(), faqId: row.faqId.trim() }
    : { type: row.type, label: row.label.trim() };

/** The body as typed: empty texts and empty quick-reply rows left out (the catalog text applies). */
export function appearanceInput(form: AppearanceForm): Record<string, unknown> {
  const per = <T>(pick: (texts: LocaleTexts) => T | null) =>
    Object.fromEntries(
      LOCALES.flatMap((locale) => {
        const value = pick(form.texts[locale]);
        return value === null ? [] : [[locale, value]];
      }),
    );
  const text = (field: TextField) => per((texts) => (texts[field].trim() ? texts[field] : null));
  return {
    color: form.color,
    position: form.position,
    titleFlash: form.titleFlash,
    sound: form.sound,
    sneakPeek: form.sneakPeek,
    launcherLabel: text('launcherLabel'),
    title: text('title'),
    subtitle: text('subtitle'),
    greeting: text('greeting'),
    quickReplies: per((texts) => {
      const rows = texts.quickReplies.filter((r) => r.label.trim() || r.faqId.trim());
      return rows.length > 0 ? rows.map(replyOf) : null;
    }),
  };
}

/** Where a problem is: the colour, a text of one language, or the quick replies of one language. */
export type ProblemPlace = 'color' | 'position' | `${TextField}.${Locale}` | `quickReplies.${Locale}`;

export type AppearanceCheck =
  | { ok: true; appearance: SiteAppearanceInput }
  | { ok: false; problems: Partial<Record<ProblemPlace, string>> };

export function checkAppearance(form: AppearanceForm): AppearanceCheck {
  const parsed = v.safeParse(SiteAppearanceSchema, appearanceInput(form));
  if (parsed.success) return { ok: true, appearance: parsed.output };
  const problems: Partial<Record<ProblemPlace, string>> = {};
  for (const issue of parsed.issues) {
    const [field, locale] = (issue.path ?? []).map((p) => String(p.key));
    const place = (field === 'color' || field === 'position' ? field : `${field}.${locale}`) as ProblemPlace;
    problems[place] ??= issue.message;
  }
  return { ok: false, problems };
}

function usableColor(color: string): string | null {
  const parsed = v.safeParse(BrandColorSchema, color);
  return parsed.success ? parsed.output : null;
}

/** The site as the widget gets it, for one language: what the preview frame shows. */
export type PreviewSite = {
  name: string;
  color: string;
  locale: Locale;
  greeting: string | null;
  quickReplies: QuickReply[];
  agentsOnline: number;
  position: WidgetPosition;
  launcherLabel: string | null;
  title: string | null;
  subtitle: string | null;
  logoUrl: string | null;
};

export type PreviewMessage = { type: typeof PREVIEW_MESSAGE; site: PreviewSite; locale: Locale };

/** The preview of the form as it stands; a colour the server would refuse shows as the saved one. */
export function previewMessage(form: AppearanceForm, site: SiteDetail, locale: Locale): PreviewMessage {
  const texts = form.texts[locale];
  const orNull = (value: string) => (value.trim() ? value.trim() : null);
  return {
    type: PREVIEW_MESSAGE,
    locale,
    site: {
      name: site.name,
      color: usableColor(form.color) ?? site.appearance.color,
      locale,
      greeting: orNull(texts.greeting),
      quickReplies: texts.quickReplies.filter((r) => r.label.trim()).map(replyOf),
      agentsOnline: 1,
      position: form.position,
      launcherLabel: orNull(texts.launcherLabel),
      title: orNull(texts.title),
      subtitle: orNull(texts.subtitle),
      logoUrl: site.appearance.logoUrl,
    },
  };
}
