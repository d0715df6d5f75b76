/**
 * Bodies over `LIMITS.httpMaxBodyBytes` are refused as they stream in, never buffered whole (TESTPLAN L1).
 * Image uploads (a site's logo, an agent's avatar) may be up to `LIMITS.imageMaxBytes`, refused the
 * same way: by Content-Length before reading, or as the stream passes the limit.
 */
import { LIMITS, ROUTES } from '@frontdesk/shared';
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { AppError } from '../../kernel/errors.ts';

const limit = (maxSize: number) =>
  bodyLimit({
    maxSize,
    onError: () => {
      throw new AppError('too_large', `request body over ${maxSize} bytes`);
    },
  });

/** The route patterns that take an image as the raw body, as regular expressions. */
const IMAGE_UPLOADS = [ROUTES.siteLogo, ROUTES.meAvatar].map(
  (pattern) => new RegExp(`^${pattern.replace(/:\w+/g, '[^/]+')}$`),
);

export const isImageUpload = (method: string, path: string) =>
  method === 'PUT' && IMAGE_UPLOADS.some((re) => re.test(path));

/** Issue 13: attachment uploads (a site's own, lower limit is checked by the route before reading). */
const ATTACHMENT_UPLOADS = [ROUTES.visitorAttachments, ROUTES.agentAttachments].map(
  (pattern) => new RegExp(`^${pattern.replace(/:\w+/g, '[^/]+')}$`),
);

export const isAttachmentUpload = (method: string, path: string) =>
  method === 'POST' && ATTACHMENT_UPLOADS.some((re) => re.test(path));

export const apiBodyLimit = (): MiddlewareHandler => {
  const json = limit(LIMITS.httpMaxBodyBytes);
  const image = limit(LIMITS.imageMaxBytes);
  const attachment = limit(LIMITS.attachmentMaxBytesCeiling);
  return (c, next) => {
    if (isImageUpload(c.req.method, c.req.path)) return image(c, next);
    if (isAttachmentUpload(c.req.method, c.req.path)) return attachment(c, next);
    return json(c, next);
  };
};
