/**
 * The FAQ file format (YAML), pure: parse with errors that name the line, serialise so that
 * parse(serialize(x)) = x. Entries are validated with the same schema as the API's PUT body.
 *
 * @example
 * faqs:
 *   - id: returns_en
 *     lang: en
 *     question: How do I return an item?
 *     examples:
 *       - Can I send my order back?
 *     tags: [complaint]
 *     answer: |-
 *       You have **14 days**. …
 */
import type { FaqEntry } from '@frontdesk/shared';
import { FaqIdSchema, FaqInputSchema, v } from '@frontdesk/shared/schemas';
import { isMap, isNode, isSeq, LineCounter, parseDocument, stringify } from 'yaml';

/** One FAQ entry as the file holds it (no timestamps). */
export type FaqFileEntry = Omit<FaqEntry, 'updatedAt'>;

export class FaqFormatError extends Error {
  constructor(
    message: string,
    readonly line: number | null,
  ) {
    super(line === null ? message : `line ${line}: ${message}`);
    this.name = 'FaqFormatError';
  }
}

const EntrySchema = v.strictObject({
  id: FaqIdSchema,
  lang: FaqInputSchema.entries.lang,
  question: FaqInputSchema.entries.question,
  examples: v.optional(FaqInputSchema.entries.examples, []),
  answer: FaqInputSchema.entries.answer,
  tags: v.optional(FaqInputSchema.entries.tags, []),
});

const HEADER = [
  'Frontdesk FAQ. One item per entry: id (a-z, 0-9, "_", "-"), lang (en | pl), question,',
  'examples (other ways visitors ask it), tags (optional; "complaint" also offers a person), answer (Markdown).',
];

export function parseFaqYaml(text: string): FaqFileEntry[] {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const lineAt = (offset: number | undefined) => (offset === undefined ? null : lines.linePos(offset).line);
  const syntax = doc.errors[0];
  if (syntax)
    throw new FaqFormatError(syntax.message.split('\n')[0] ?? 'invalid YAML', lineAt(syntax.pos[0]));

  const root = doc.contents;
  const faqs = isMap(root) ? root.get('faqs', true) : undefined;
  if (!isSeq(faqs))
    throw new FaqFormatError('expected a top-level "faqs:" list', lineAt(root?.range?.[0]) ?? 1);
  const extra = isMap(root)
    ? root.items.find((pair) => !(isNode(pair.key) && pair.key.toJSON() === 'faqs'))
    : null;
  if (extra) {
    const key = isNode(extra.key) ? extra.key : null;
    throw new FaqFormatError(`unknown top-level key "${String(key?.toJSON())}"`, lineAt(key?.range?.[0]));
  }

  const seen = new Map<string, number | null>();
  return faqs.items.map((node, index) => {
    const where = isNode(node) ? lineAt(node.range?.[0]) : null;
    const result = v.safeParse(EntrySchema, isNode(node) ? node.toJSON() : node);
    if (!result.success) {
      const issue = result.issues[0];
      const key = issue.path?.[0]?.key;
      const keyNode = isMap(node) && typeof key === 'string' ? node.get(key, true) : undefined;
      const pair = isMap(node) ? node.items.find((p) => isNode(p.key) && p.key.toJSON() === key) : undefined;
      const line =
        lineAt(keyNode?.range?.[0] ?? (isNode(pair?.key) ? pair.key.range?.[0] : undefined)) ?? where;
      throw new FaqFormatError(`entry ${index + 1}: ${describe(issue, key)}`, line);
    }
    const entry = result.output;
    if (seen.has(entry.id)) {
      throw new FaqFormatError(
        `entry ${index + 1}: duplicate id "${entry.id}" (first at line ${seen.get(entry.id)})`,
        where,
      );
    }
    seen.set(entry.id, where);
    return entry;
  });
}

function describe(issue: v.BaseIssue<unknown>, key: unknown): string {
  if (typeof key !== 'string') return issue.message;
  if (issue.expected === 'never') return `unknown key "${key}"`;
  if (issue.input === undefined) return `"${key}" is missing`;
  return `${key}: ${issue.message}`;
}

export function serializeFaqYaml(entries: readonly FaqFileEntry[]): string {
  const faqs = entries.map((e) => ({
    id: e.id,
    lang: e.lang,
    question: e.question,
    examples: e.examples,
    ...(e.tags.length > 0 && { tags: e.tags }),
    answer: e.answer,
  }));
  const body = stringify({ faqs }, { lineWidth: 0, blockQuote: 'literal' });
  return `${HEADER.map((line) => `# ${line}`).join('\n')}\n${body}`;
}
