/** A catalog string with elements (links) in some of its `{placeholders}`; text values fill the rest. */
import type { ComponentChildren } from 'preact';
import { splitTemplate } from './template.ts';

type Props = { template: string; values: Readonly<Record<string, ComponentChildren>> };

export function Template({ template, values }: Props) {
  return (
    <>
      {splitTemplate(template).map((part, i) =>
        'text' in part ? (
          part.text
        ) : (
          <span key={i}>{Object.hasOwn(values, part.name) ? values[part.name] : `{${part.name}}`}</span>
        ),
      )}
    </>
  );
}
