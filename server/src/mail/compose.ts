/**
 * The content of outgoing e-mail: plain text and HTML, in the conversation's language. Pure. Every
 * value that came from a person (names, messages, site names) is escaped in the HTML part; agents'
 * Markdown is sent as the text they wrote (no rendering: the e-mail shows exactly what was typed).
 */
import type { Author, Locale, Message } from '@frontdesk/shared';
import { SERVER_CATALOGS, type ServerKey, translator } from '@frontdesk/shared/i18n';
import { headerText } from './headers.ts';
import type { MailContent } from './store.ts';

export type MailLine = Pick<Message, 'author' | 'authorName' | 'body' | 'createdAt'>;

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
export const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

/** Only what a visitor may read goes into their mail: messages of people and the bot, no notes. */
export const isMailable = (m: Pick<Message, 'kind' | 'author'>) =>
  (m.kind === 'text' || m.kind === 'attachment') && m.author !== 'system';

type T = (key: ServerKey, params?: Record<string, string>) => string;
const tr = (locale: Locale): T => translator(SERVER_CATALOGS[locale]);

/** The visitor is "you"; the bot and agents by name, else by the site's name. */
function who(line: MailLine, t: T, site: string): string {
  if (line.author === 'visitor') return t('mailYou');
  return line.authorName ?? site;
}

const stamp = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;

function linesText(lines: readonly MailLine[], t: T, site: string): string {
  return lines.map((l) => `${who(l, t, site)} (${stamp(l.createdAt)}):\n${l.body}`).join('\n\n');
}

function linesHtml(lines: readonly MailLine[], t: T, site: string): string {
  const colour = (author: Author) => (author === 'visitor' ? '#f1f3f5' : '#e8f1ef');
  return lines
    .map(
      (l) =>
        `<div style="margin:0 0 12px;padding:8px 12px;border-radius:8px;background:${colour(l.author)}">` +
        `<div style="font-size:12px;color:#555">${escapeHtml(who(l, t, site))} · ${escapeHtml(stamp(l.createdAt))}</div>` +
        `<div style="white-space:pre-wrap">${escapeHtml(l.body)}</div></div>`,
    )
    .join('');
}

function page(body: string): string {
  return (
    '<!doctype html><html><body style="font:15px/1.5 system-ui,sans-serif;color:#222;max-width:600px">' +
    `${body}</body></html>`
  );
}

const paragraph = (text: string) => `<p>${escapeHtml(text)}</p>`;
const button = (href: string, label: string) =>
  `<p><a href="${escapeHtml(href)}" style="display:inline-block;padding:10px 16px;border-radius:6px;background:#2d5f55;color:#fff;text-decoration:none">${escapeHtml(label)}</a></p>`;

export type ReplyMailInput = {
  locale: Locale;
  siteName: string;
  agentName: string;
  /** The agent's new messages and what came before, oldest first (notes already left out). */
  lines: readonly MailLine[];
  link: string;
  /** Whether replies to this e-mail come back into the conversation (inbound SMTP is on). */
  replyable: boolean;
};

export function replyMail(input: ReplyMailInput): MailContent {
  const t = tr(input.locale);
  const site = headerText(input.siteName, 80);
  const intro = t('mailReplyIntro', { agent: headerText(input.agentName, 80), site });
  const footer = [t('mailLinkExpiry'), ...(input.replyable ? [t('mailReplyHint')] : [])];
  return {
    subject: headerText(t('mailReplySubject', { site })),
    text: [
      intro,
      '',
      linesText(input.lines, t, site),
      '',
      `${t('mailOpenLink')}: ${input.link}`,
      ...footer,
    ].join('\n'),
    html: page(
      paragraph(intro) +
        linesHtml(input.lines, t, site) +
        button(input.link, t('mailOpenLink')) +
        footer.map(paragraph).join(''),
    ),
  };
}

export function transcriptMail(input: {
  locale: Locale;
  siteName: string;
  lines: readonly MailLine[];
}): MailContent {
  const t = tr(input.locale);
  const site = headerText(input.siteName, 80);
  const intro = t('mailTranscriptIntro', { site });
  return {
    subject: headerText(t('mailTranscriptSubject', { site })),
    text: [intro, '', linesText(input.lines, t, site)].join('\n'),
    html: page(paragraph(intro) + linesHtml(input.lines, t, site)),
  };
}

export function agentNoticeMail(input: {
  locale: Locale;
  siteName: string;
  visitorName: string | null;
  lines: readonly MailLine[];
  consoleLink: string;
}): MailContent {
  const t = tr(input.locale);
  const site = headerText(input.siteName, 80);
  const intro = t('mailNoticeIntro', {
    visitor: headerText(input.visitorName ?? t('mailVisitor'), 80),
    site,
  });
  return {
    subject: headerText(t('mailNoticeSubject', { site })),
    text: [
      intro,
      '',
      linesText(input.lines, t, site),
      '',
      `${t('mailNoticeOpen')}: ${input.consoleLink}`,
    ].join('\n'),
    html: page(
      paragraph(intro) + linesHtml(input.lines, t, site) + button(input.consoleLink, t('mailNoticeOpen')),
    ),
  };
}
