/** What every component of one mounted widget shares: the actions, the strings, the renderer. */
import type { Locale, PrefillInput } from '@frontdesk/shared';
import type { RenderMarkdown } from '@frontdesk/shared/markdown';
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { FileTransport } from '../../transport/index.ts';
import type { Chat } from '../chat/index.ts';
import type { Translate } from '../translate.ts';

export type { Translate } from '../translate.ts';

export type WidgetContextValue = {
  chat: Chat;
  t: Translate;
  /** The server's origin, for images it serves (the site's logo). */
  base?: string;
  /** Null until the Markdown chunk has loaded; bodies show as plain text meanwhile. */
  markdown: RenderMarkdown | null;
  /** The composer's text changed; none in the preview. */
  onDraft?: (text: string) => void;
  /** Issue 10: the visitor's language, for plural forms (default English). */
  locale?: Locale;
  /** Issue 13: attachments' bytes (absent in the preview and in tests without a server). */
  files?: FileTransport;
  /** Issue 13: name and e-mail the host page passed with `Frontdesk('prefill', …)`, for the forms. */
  prefill?: PrefillInput;
  /** Issue 13: the visitor switched the notification sound in the menu (remembered where storage allows). */
  onSound?: (on: boolean) => void;
};

export const WidgetContext = createContext<WidgetContextValue | null>(null);

export function useWidget(): WidgetContextValue {
  const value = useContext(WidgetContext);
  if (!value) throw new Error('widget components need a WidgetContext provider');
  return value;
}
