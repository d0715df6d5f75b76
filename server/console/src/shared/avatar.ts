/**
 * Avatars with initials (issue 14): the letters shown for a name and the palette slot its colour comes
 * from. The palette (`--avatar-0` … in app/theme.css) is checked for AA contrast with white initials
 * by app/theme.test.ts; a colour the agent chose gets white or near-black initials, whichever reads better.
 */
import { initials, textColorOn } from '@frontdesk/shared';

/** How many colours the avatar palette has (`--avatar-0` … `--avatar-7` in theme.css). */
export const AVATAR_COLORS = 8;

/** One or two letters for a name (shared with the widget's avatars). */
export { initials };

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
