/**
 * Issue 14: the console's keyboard shortcuts, written once (the `?` dialog lists this table) and the
 * pure match from a key press to an action. Nothing fires while the agent types in a field, with a
 * modifier held (browser and system shortcuts), or during IME composition.
 */
import type { ConsoleKey } from '@frontdesk/shared/i18n';

export type ShortcutAction = 'next' | 'previous' | 'take' | 'resolve' | 'composer' | 'canned' | 'help';

export type Shortcut = { action: ShortcutAction; keys: readonly string[]; label: ConsoleKey };

export const SHORTCUTS: readonly Shortcut[] = [
  { action: 'next', keys: ['j'], label: 'shortcutNext' },
  { action: 'previous', keys: ['k'], label: 'shortcutPrevious' },
  { action: 'take', keys: ['t'], label: 'shortcutTake' },
  { action: 'resolve', keys: ['Shift+E'], label: 'shortcutResolve' },
  { action: 'composer', keys: ['r'], label: 'shortcutComposer' },
  { action: 'canned', keys: ['/'], label: 'shortcutCanned' },
  { action: 'help', keys: ['?'], label: 'shortcutHelp' },
];

export type KeyPress = {
  key: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  altKey: boolean;
  metaKey: boolean;
  isComposing?: boolean;
  /** The element the key went to. */
  target: EventTarget | null;
};

/** A field that takes text: typing there is never a shortcut. */
export function isTyping(target: EventTarget | null): boolean {
  if (!target || typeof (target as Partial<Element>).closest !== 'function') return false;
  const el = target as HTMLElement;
  if (el.isContentEditable) return true;
  if (el.closest('textarea, select, [contenteditable=""], [contenteditable="true"], [role="combobox"]'))
    return true;
  const input = el.closest('input');
  return input !== null && !['checkbox', 'radio', 'button', 'submit', 'reset'].includes(input.type);
}

/** How a key press is written in `SHORTCUTS`: letters as typed, `Shift+` before a shifted letter. */
const spelled = (press: KeyPress): string =>
  /^[A-Z]$/.test(press.key) && press.shiftKey ? `Shift+${press.key}` : press.key;

export function shortcutFor(press: KeyPress): ShortcutAction | null {
  if (press.ctrlKey || press.altKey || press.metaKey || press.isComposing) return null;
  if (isTyping(press.target)) return null;
  const key = spelled(press);
  return SHORTCUTS.find((s) => s.keys.includes(key))?.action ?? null;
}

/** The id after (or before) `current` in the list order, wrapping; the first (last) when none is open. */
export function step(ids: readonly string[], current: string | null, by: 1 | -1): string | null {
  if (ids.length === 0) return null;
  const at = current === null ? -1 : ids.indexOf(current);
  if (at === -1) return by === 1 ? ids[0]! : ids[ids.length - 1]!;
  return ids[(at + by + ids.length) % ids.length]!;
}
