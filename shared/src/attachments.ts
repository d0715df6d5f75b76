/**
 * Attachments (issue 13): what a file in a conversation is, the types a site may allow, and the
 * per-site limits with their defaults. The server decides the type from the file's content; these
 * names are the only ones it can come out as.
 */
import { LIMITS } from './limits.ts';

/**
 * Every type an attachment can have, by MIME type. Images are re-encoded by the server (EXIF gone)
 * and shown inline as thumbnails; everything else is only ever a download. SVG and HTML are not
 * here: they can carry script, so no site can allow them.
 */
export const ATTACHMENT_TYPES = {
  'image/jpeg': { kind: 'image', ext: 'jpg' },
  'image/png': { kind: 'image', ext: 'png' },
  'image/webp': { kind: 'image', ext: 'webp' },
  'image/gif': { kind: 'image', ext: 'gif' },
  'application/pdf': { kind: 'file', ext: 'pdf' },
  'application/zip': { kind: 'file', ext: 'zip' },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { kind: 'file', ext: 'docx' },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { kind: 'file', ext: 'xlsx' },
  'application/vnd.oasis.opendocument.text': { kind: 'file', ext: 'odt' },
  'audio/mpeg': { kind: 'file', ext: 'mp3' },
  'video/mp4': { kind: 'file', ext: 'mp4' },
} as const satisfies Record<string, { kind: AttachmentKind; ext: string }>;

export type AttachmentMime = keyof typeof ATTACHMENT_TYPES;
export const ATTACHMENT_MIMES = Object.keys(ATTACHMENT_TYPES) as AttachmentMime[];
export type AttachmentKind = 'image' | 'file';

export const isAttachmentMime = (value: string): value is AttachmentMime =>
  Object.hasOwn(ATTACHMENT_TYPES, value);

/** A stored attachment as both clients see it (on the message's `meta.attachment`). */
export type AttachmentRef = {
  /** Unguessable (128 random bits): with the visitor's token it is what reaches the file. */
  id: string;
  /** The name the uploader gave, cleaned; shown escaped, used only as the download's file name. */
  name: string;
  mime: AttachmentMime;
  kind: AttachmentKind;
  size: number;
  /** Images: the stored (re-encoded) picture's size in pixels; null for other files. */
  width: number | null;
  height: number | null;
};

/** A site's attachment limits (site settings). */
export type AttachmentSettings = {
  /** Off: neither side may attach files on this site. */
  enabled: boolean;
  /** Largest file, bytes (at most `LIMITS.attachmentMaxBytesCeiling`). */
  maxBytes: number;
  /** Files per conversation, both sides together. */
  maxPerConversation: number;
  /** The types this site accepts (a subset of `ATTACHMENT_MIMES`). */
  allowedTypes: AttachmentMime[];
};

export const DEFAULT_ATTACHMENT_SETTINGS: AttachmentSettings = {
  enabled: true,
  maxBytes: LIMITS.attachmentDefaultMaxBytes,
  maxPerConversation: LIMITS.attachmentsPerConversation,
  allowedTypes: ['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'application/pdf'],
};

/** What a download asks for: the stored file, or (images) its thumbnail. */
export const ATTACHMENT_VARIANTS = ['file', 'thumb'] as const;
export type AttachmentVariant = (typeof ATTACHMENT_VARIANTS)[number];

/** Upload query parameter names and the visitor's header, written once for both ends. */
export const ATTACHMENT_HTTP = {
  /** Visitor requests carry the site key here (the token goes in `Authorization: Bearer …`). */
  siteQuery: 'site',
  clientIdQuery: 'clientId',
  nameQuery: 'name',
  variantQuery: 'variant',
} as const;

/** What the widget is told of a site's attachment limits (null or absent: the site takes no files). */
export type WidgetAttachments = { maxBytes: number; allowedTypes: AttachmentMime[] };

/** A file size for people, in their language ("2.4 MB", "2,4 MB"). */
export function formatFileSize(bytes: number, locale: string): string {
  // Below a megabyte in kilobytes (a 452-byte file is "0.4 kB"), so only two units are ever shown.
  const [value, unit] =
    bytes >= 1024 * 1024 ? [bytes / (1024 * 1024), 'megabyte'] : [bytes / 1024, 'kilobyte'];
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit,
    unitDisplay: 'short',
    maximumFractionDigits: value < 10 ? 1 : 0,
  }).format(value);
}
