/** Editable lists of lines (FAQ examples, escalation phrases): pure edits and clean-up before saving. */
import { foldText } from './fold.ts';

export const setLine = (lines: readonly string[], index: number, value: string): string[] =>
  lines.map((line, i) => (i === index ? value : line));

export const addLine = (lines: readonly string[], value = ''): string[] => [...lines, value];

export const removeLine = (lines: readonly string[], index: number): string[] =>
  lines.filter((_, i) => i !== index);

/** Trimmed, without empty lines and without repeats (compared folded: "Zwrot" = "zwrot"), first kept. */
export function cleanLines(lines: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of lines) {
    const line = raw.trim().replace(/\s+/g, ' ');
    const key = foldText(line);
    if (!line || seen.has(key)) continue;
    seen.add(key);
    out.push(line);
  }
  return out;
}

/** `extra` appended to `lines`, skipping what is already there. */
export const appendLines = (lines: readonly string[], extra: readonly string[]): string[] =>
  cleanLines([...lines, ...extra]);

/** A textarea's value as lines, and back. */
export const textToLines = (text: string): string[] => cleanLines(text.split(/\r?\n/));
export const linesToText = (lines: readonly string[]): string => lines.join('\n');
