/**
 * The layout the API-access pages share (API tokens, webhooks): the title and intro, a form card that
 * adds one, the outcome notice, the list's loading state, "none yet", then the list itself.
 */
import type { SiteSummary } from '@frontdesk/shared';
import type { ComponentChildren } from 'preact';
import { Notice, type NoticeState } from '../shared/Notice.tsx';
import { PageStatus } from '../shared/PageStatus.tsx';
import type { Loaded } from '../shared/use-load.ts';

type Props<T> = {
  /** The page's id; its title's is `${name}-title`. */
  name: string;
  title: string;
  /** The intro paragraph's content. */
  intro: ComponentChildren;
  fields: ComponentChildren;
  submitLabel: string;
  submitDisabled: boolean;
  onSubmit(event: Event): void;
  /** What stands between the form and the notice (the new token, shown once). */
  afterForm?: ComponentChildren;
  notice: NoticeState;
  /** A heading over the list, when its items do not carry the page's second level. */
  listTitle?: string;
  state: Loaded<T>;
  onRetry(): void;
  /** Whether the loaded list has nothing in it. */
  empty: boolean;
  emptyText: string;
  /** The list. */
  children: ComponentChildren;
};

export function ListAndFormPage<T>(props: Props<T>) {
  const titleId = `${props.name}-title`;
  return (
    <main class="page" aria-labelledby={titleId}>
      <h1 id={titleId}>{props.title}</h1>
      <p>{props.intro}</p>
      <form class="card form" onSubmit={props.onSubmit}>
        {props.fields}
        <button type="submit" class="button button--primary" disabled={props.submitDisabled}>
          {props.submitLabel}
        </button>
      </form>
      {props.afterForm}
      <Notice notice={props.notice} />
      {props.listTitle && <h2>{props.listTitle}</h2>}
      <PageStatus state={props.state} onRetry={props.onRetry} />
      {props.empty && <p class="placeholder">{props.emptyText}</p>}
      {props.children}
    </main>
  );
}

type SiteFieldProps = {
  id: string;
  label: string;
  sites: readonly SiteSummary[];
  value: string;
  onChange(siteId: string): void;
};

/** The form's site picker. */
export function SiteField({ id, label, sites, value, onChange }: SiteFieldProps) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.currentTarget.value)}>
        {sites.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
      </select>
    </div>
  );
}

type ItemProps = {
  id: string;
  /** The item's heading level: under the page title (2) or under a list title (3). */
  level: 2 | 3;
  title: ComponentChildren;
  titleClass?: string;
  children: ComponentChildren;
};

/** One card of the list, named by its heading. */
export function ListItem({ id, level, title, titleClass, children }: ItemProps) {
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <li class="card api-list__item" aria-labelledby={id}>
      <Heading id={id} class={titleClass ? `api-list__title ${titleClass}` : 'api-list__title'}>
        {title}
      </Heading>
      {children}
    </li>
  );
}
