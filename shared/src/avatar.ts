/**
 * Issue 13: agents' avatars as visitors see them. The only picture a visitor is ever sent for an
 * agent is a public, re-encoded upload served at `ROUTES.image`; anything else is refused here, so a
 * widget never loads another path from the chat server because a payload said so.
 */
import { fillRoute, ROUTES } from './routes.ts';
import type { AgentAvatar } from './types.ts';

/** The public path of an uploaded image (`/images/<id>`). */
export const imagePath = (imageId: string): string => fillRoute(ROUTES.image, { imageId });

const IMAGE_PATH = /^\/images\/[A-Za-z0-9_-]{1,64}$/;
const HEX_COLOR = /^#[0-9a-f]{6}$/i;

/** Whether a path is an uploaded image's and nothing else (no query, no `..`, no other route). */
export const isImagePath = (path: unknown): path is string =>
  typeof path === 'string' && IMAGE_PATH.test(path);

/** An agent's avatar from their stored colour and image id; null when they have neither. */
export function agentAvatar(
  color: string | null | undefined,
  imageId: string | null | undefined,
): AgentAvatar {
  return {
    color: color && HEX_COLOR.test(color) ? color.toLowerCase() : null,
    url: imageId ? imagePath(imageId) : null,
  };
}

/** One or two letters: the first of the first and of the last word ("Ada Nowak" → "AN"); null for none. */
export function initials(name: string | null | undefined): string | null {
  const words = (name ?? '').match(/[\p{L}\p{N}]+/gu) ?? [];
  const first = words[0];
  if (!first) return null;
  const last = words.length > 1 ? words[words.length - 1] : undefined;
  const letters = [...first][0]! + (last ? [...last][0]! : '');
  return letters.toLocaleUpperCase();
}
