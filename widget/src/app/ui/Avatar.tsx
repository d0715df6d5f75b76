/**
 * Issue 13: who wrote a reply, at a glance. An agent's avatar is their uploaded picture (a public,
 * re-encoded image from the chat server) or their initials on the colour they chose (the site's
 * accent when they chose none), in whichever of white or near-black reads better on it; the bot's is
 * the site's logo or a neutral robot. Decorative (`aria-hidden`): the name is always written beside
 * it. The initials are drawn from a `data-` attribute by CSS, so they are neither text to copy nor
 * read twice; the colours are set through CSSOM (allowed under `style-src 'self'`).
 */
import { type AgentAvatar, initials, isImagePath } from '@frontdesk/shared';
import { useState } from 'preact/hooks';
import { isHexColor, readableOn } from '../../accent.ts';
import { useWidget } from './context.ts';

type Props = { name: string | null; avatar: AgentAvatar | null | undefined; size?: 'sm' | 'md' };

export function AgentFace({ name, avatar, size = 'sm' }: Props) {
  const { base = '' } = useWidget();
  const [broken, setBroken] = useState<string | null>(null);
  const url = avatar?.url;
  const color = avatar?.color;
  if (isImagePath(url) && broken !== url) {
    return (
      <img
        class={`face face--${size}`}
        src={base + url}
        alt=""
        aria-hidden="true"
        width={size === 'sm' ? 24 : 28}
        height={size === 'sm' ? 24 : 28}
        // A removed picture (changed since this page loaded): initials instead of a broken image.
        onError={() => setBroken(url)}
      />
    );
  }
  const style = isHexColor(color) ? { '--fd-face-bg': color, '--fd-face-fg': readableOn(color) } : undefined;
  return (
    <span
      class={`face face--${size} face--initials`}
      aria-hidden="true"
      data-initials={initials(name) ?? ''}
      style={style}
    />
  );
}

/** The bot's mark: the site's logo, or a neutral robot. */
export function BotFace({ logoUrl }: { logoUrl: string | null | undefined }) {
  const { base = '' } = useWidget();
  if (isImagePath(logoUrl)) {
    return (
      <img
        class="face face--sm face--logo"
        src={base + logoUrl}
        alt=""
        aria-hidden="true"
        width={24}
        height={24}
      />
    );
  }
  return (
    <span class="face face--sm face--bot" aria-hidden="true">
      <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <path d="M11 2h2v2.1A7 7 0 0 1 19 11v6a3 3 0 0 1-3 3H8a3 3 0 0 1-3-3v-6a7 7 0 0 1 6-6.9zm-2.5 10a1.5 1.5 0 1 0 0-3 1.5 1.5 0 0 0 0 3m7 0a1.5 1.5 0 1 0 0-3 1.5 1.5 0 0 0 0 3M9 15v1.5h6V15zM2 11h2v5H2zm18 0h2v5h-2z" />
      </svg>
    </span>
  );
}
