/**
 * Issue 14: the workspace's keyboard shortcuts (`app/shortcuts.ts`) while it is on screen: next and
 * previous conversation in list order, take over, resolve, the reply box, canned responses, `?`.
 */
import type { AgentConversation } from '@frontdesk/shared';
import { useEffect, useRef } from 'preact/hooks';
import { type ShortcutAction, shortcutFor, step } from '../app/shortcuts.ts';
import { SECTION_ORDER, type Sections } from './lists.ts';
import type { ConversationAction } from './workspace-store.ts';

type Options = {
  active: boolean;
  sections: Sections;
  selected: AgentConversation | null;
  onSelect(id: string): void;
  onAct(action: ConversationAction): void;
  onCanned(): void;
  onHelp(): void;
};

const canTake = (c: AgentConversation) =>
  c.state === 'bot' || c.state === 'queued' || c.state === 'abandoned';

export function useShortcuts(options: Options): void {
  const latest = useRef(options);
  latest.current = options;
  useEffect(() => {
    if (!options.active) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      const action = shortcutFor(event);
      if (!action) return;
      if (run(action, latest.current)) event.preventDefault();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [options.active]);
}

/** Does what the shortcut says, if it applies now; true when it did. */
function run(action: ShortcutAction, o: Options): boolean {
  const c = o.selected;
  switch (action) {
    case 'next':
    case 'previous': {
      const ids = SECTION_ORDER.flatMap((id) => o.sections[id].map((x) => x.id));
      const target = step(ids, c?.id ?? null, action === 'next' ? 1 : -1);
      if (target) o.onSelect(target);
      return target !== null;
    }
    case 'take':
      if (!c || !canTake(c)) return false;
      o.onAct('take');
      return true;
    case 'resolve':
      if (!c || c.state === 'resolved') return false;
      o.onAct('resolve');
      return true;
    case 'composer':
    case 'canned': {
      const box = document.getElementById('composer-input') as HTMLTextAreaElement | null;
      if (!box || box.disabled) return false;
      if (action === 'canned') o.onCanned();
      else box.focus();
      return true;
    }
    case 'help':
      o.onHelp();
      return true;
  }
}
