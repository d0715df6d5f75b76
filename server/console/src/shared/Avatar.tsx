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

/** A head and shoulders, for someone without a name. */
const PERSON = 'M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8z M4.5 20c.8-3.4 3.9-5.5 7.5-5.5s6.7 2.1 7.5 5.5';

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
          {letters ?? (
            <svg class="avatar__person" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
              <path d={PERSON} />
            </svg>
          )}
        </span>
      )}
      {presence && <PresenceDot status={presence} />}
    </span>
  );
}
