/**
 * The upload decision (issue 13, TESTPLAN L4), pure: from the size, the type sniffed from the bytes
 * (never the name or the declared type), the files already in the conversation and the site's
 * limits. `sniff.ts` supplies the type; this decides.
 */
import {
  ATTACHMENT_TYPES,
  type AttachmentKind,
  type AttachmentMime,
  type AttachmentSettings,
  type ErrorCode,
  isAttachmentMime,
  LIMITS,
} from '@frontdesk/shared';

export type UploadFacts = {
  size: number;
  /** What the content is, by its bytes; null when the sniffer recognised nothing (text, SVG, HTML…). */
  sniffed: string | null;
  /** Files already carried by messages of the conversation. */
  existing: number;
};

export type UploadDecision =
  | { ok: true; mime: AttachmentMime; kind: AttachmentKind }
  | { ok: false; code: ErrorCode; reason: string };

/** The largest file a site really accepts (its setting, under the hard ceiling). */
export const maxBytesOf = (settings: AttachmentSettings) =>
  Math.min(settings.maxBytes, LIMITS.attachmentMaxBytesCeiling);

export function decideUpload(facts: UploadFacts, settings: AttachmentSettings): UploadDecision {
  if (!settings.enabled) return { ok: false, code: 'forbidden', reason: 'this site does not take files' };
  if (facts.size === 0) return { ok: false, code: 'bad_request', reason: 'the file is empty' };
  const max = maxBytesOf(settings);
  if (facts.size > max) return { ok: false, code: 'too_large', reason: `a file may be at most ${max} bytes` };
  if (facts.existing >= settings.maxPerConversation)
    return {
      ok: false,
      code: 'limit_reached',
      reason: `a conversation may hold at most ${settings.maxPerConversation} files`,
    };
  const mime = facts.sniffed;
  if (mime === null || !isAttachmentMime(mime) || !settings.allowedTypes.includes(mime))
    return { ok: false, code: 'unsupported_type', reason: 'this type of file is not accepted' };
  return { ok: true, mime, kind: ATTACHMENT_TYPES[mime].kind };
}

/**
 * A file name fit to show and to offer as the download's name: no path, no control or bidi
 * characters, no leading dots, bounded; the extension is the one of the sniffed type.
 */
export function cleanFileName(raw: string | undefined, mime: AttachmentMime): string {
  const ext = ATTACHMENT_TYPES[mime].ext;
  const base = (raw ?? '')
    .split(/[\\/]/)
    .pop()!
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
    .replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069"]/g, '')
    .replace(/\.[^.]*$/, '')
    .replace(/^[.\s]+/, '')
    .trim()
    .slice(0, LIMITS.attachmentNameMaxLength - ext.length - 1)
    .trim();
  return `${base || 'file'}.${ext}`;
}
