/**
 * A round avatar (issue 14): the agent's image, or initials on a colour from the name (or the colour
 * the agent chose), with an optional presence dot. Decorative: the name is always written beside it.
 */
import type { PresenceStatus } from '@frontdesk/shared';
import { avatarSlot, initials, initialsColorOn } from './avatar.ts';
import { PresenceDot } from './PresenceDot.tsx';

type Props = {
  name: string | null | undefined;
  size?: 'xs' | 'sm' | 'md' | 'lg';
  /** A colour the agent chose (`#rrggbb`); default: one from the palette picked by the name. */
  color?: string | null;
  url?: string | null;
  presence?: PresenceStatus | undefined;
  /** Who it is: agents' avatars are round squares, visitors' round. */
  kind?: 'agent' | 'visitor';
  /** What picks the colour when there is no name (a visitor's id); default: the name. */
  seed?: string;
};

export function Avatar({ name, size = 'md', color, url, presence, kind = 'visitor', seed }: Props) {
  const slot = avatarSlot(name?.trim() ? name : (seed ?? ''));
  const letters = initials(name);
  const style = color ? { '--avatar-bg': color, '--avatar-fg': initialsColorOn(color) } : undefined;
  return (
    <span class={`avatar avatar--${size} avatar--${kind}${color ? '' : ` avatar--c${slot}`}`} style={style}>
      {url ? (
        <img class="avatar__img" src={url} alt="" />
      ) : (
        <span class="avatar__initials" aria-hidden="true">
          {letters ?? <span class="avatar__person" />}
        </span>
      )}
      {presence && <PresenceDot status={presence} />}
    </span>
  );
}
