/**
 * Issue 14: the canned-response list under the reply box (the listbox of the combobox pattern). In
 * search mode it carries its own search field, the combobox; inline, the reply box is the field and
 * this list only shows what it drives. Options insert on click (focus stays where it was).
 */
import type { CannedResponse } from '@frontdesk/shared';
import { useEffect, useRef } from 'preact/hooks';
import { useI18n } from '../app/i18n.ts';
import './canned.css';

export const LISTBOX_ID = 'canned-listbox';
export const optionId = (index: number) => `canned-option-${index}`;

type Props = {
  mode: 'inline' | 'search';
  query: string;
  matches: readonly CannedResponse[];
  /** The site has none at all (not merely none matching). */
  none: boolean;
  active: number;
  onQuery(query: string): void;
  onKey(event: KeyboardEvent): void;
  onPick(response: CannedResponse): void;
  onHover(index: number): void;
};

export function CannedPicker(props: Props) {
  const { t } = useI18n();
  const search = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (props.mode === 'search') search.current?.focus();
  }, [props.mode]);
  useEffect(() => {
    list.current?.querySelector(`#${optionId(props.active)}`)?.scrollIntoView?.({ block: 'nearest' });
  }, [props.active]);
  const hasOptions = props.matches.length > 0;
  return (
    <div class="canned-picker">
      {props.mode === 'search' && (
        <input
          ref={search}
          type="search"
          class="canned-picker__search"
          role="combobox"
          aria-label={t('cannedSearch')}
          aria-expanded="true"
          aria-controls={LISTBOX_ID}
          aria-autocomplete="list"
          aria-activedescendant={hasOptions ? optionId(props.active) : undefined}
          value={props.query}
          onInput={(e) => props.onQuery(e.currentTarget.value)}
          onKeyDown={props.onKey}
        />
      )}
      <div
        ref={list}
        id={LISTBOX_ID}
        role="listbox"
        class="canned-picker__list"
        aria-label={t('cannedPickerLabel')}
      >
        {props.matches.map((r, i) => (
          // The combobox pattern: options are not focused (the field keeps focus and points at the
          // active one with aria-activedescendant); the keys live on the field, the click is for mice.
          // biome-ignore lint/a11y/useKeyWithClickEvents: keyboard selection is the combobox field's (arrows, Enter)
          <div
            key={r.id}
            tabIndex={-1}
            id={optionId(i)}
            role="option"
            aria-selected={i === props.active}
            class={`canned-picker__option${i === props.active ? ' canned-picker__option--active' : ''}`}
            onMouseDown={(e) => e.preventDefault()}
            onMouseEnter={() => props.onHover(i)}
            onClick={() => props.onPick(r)}
          >
            <span class="canned-picker__title">{r.title}</span>
            <span class="canned-picker__meta">
              /{r.shortcut} · {r.lang.toUpperCase()}
              {r.scope === 'personal' ? ` · ${t('cannedPersonal')}` : ''}
            </span>
          </div>
        ))}
      </div>
      {!hasOptions && (
        <p class="canned-picker__empty" role="status">
          {props.none ? t('cannedPickerNone') : t('cannedPickerEmpty')}
        </p>
      )}
      <p class="canned-picker__hint" aria-hidden="true">
        {t('cannedPickerHint')}
      </p>
    </div>
  );
}
