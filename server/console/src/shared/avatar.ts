/**
 * Avatars with initials (issue 14): the letters shown for a name and the palette slot its colour comes
 * from. The palette (`--avatar-0` … in app/theme.css) is checked for AA contrast with white initials
 * by app/theme.test.ts; a colour the agent chose gets white or near-black initials, whichever reads better.
 */
import { textColorOn } from '@frontdesk/shared';

/** How many colours the avatar palette has (`--avatar-0` … `--avatar-7` in theme.css). */
export const AVATAR_COLORS = 8;

/** One or two letters: the first of the first and of the last word ("Ada Nowak" → "AN"); null for none. */
export function initials(name: string | null | undefined): string | null {
  const words = (name ?? '').match(/[\p{L}\p{N}]+/gu) ?? [];
  const first = words[0];
  if (!first) return null;
  const last = words.length > 1 ? words[words.length - 1] : undefined;
  const letters = [...first][0]! + (last ? [...last][0]! : '');
  return letters.toLocaleUpperCase();
}

/** The palette slot for a name: the same name always gets the same colour. */
export function avatarSlot(name: string | null | undefined): number {
  let hash = 2166136261;
  for (const ch of (name ?? '').trim().toLowerCase()) {
    hash ^= ch.codePointAt(0)!;
    hash = Math.imul(hash, 16777619);
  }
  return (hash >>> 0) % AVATAR_COLORS;
}

/** The initials' colour on a colour the agent chose (white or near-black, whichever has more contrast). */
export const initialsColorOn = (background: string): string => textColorOn(background).color;
