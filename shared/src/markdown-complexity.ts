/**
 * How hard a Markdown body is for the renderer, measured in one linear pass with no DOM, and the first
 * limit it breaks. The same check refuses bodies at the server and makes both clients show a body as
 * plain text instead of handing it to marked, whose cost grows with nesting (recursion: 5 000 `>`
 * overflow the stack) and with link openers (backtracking: 1 240 `[a](` take seconds).
 */
import { LIMITS } from './limits.ts';

/** What the pre-scan counts. */
export type MarkdownMeasure = {
  /** Characters. */
  length: number;
  /** Most containers (`>`, `-`, `*`, `+`, `1.`, `1)`) opened at the start of one line. */
  depth: number;
  /** Link and image openers: the larger of the `[` count and the `](` count. */
  links: number;
  /** Emphasis and code marks (`*`, `_`, `~`, `` ` ``): `**a**` has four. */
  marks: number;
  /** Most `(` left open within one paragraph (a `)` closes one; a blank line starts afresh). */
  parens: number;
  /** The longest line, in characters. */
  longestLine: number;
};

export type MarkdownProblemKind = 'length' | 'depth' | 'links' | 'marks' | 'parens' | 'line';

/** The first limit a body breaks: which, the limit, and what was found. */
export type MarkdownProblem = { kind: MarkdownProblemKind; limit: number; found: number };

const SPACE = 0x20;
const TAB = 0x09;
const NEWLINE = 0x0a;
const isBlank = (c: number) => c === SPACE || c === TAB || c === 0x0d;
const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
const isMark = (c: number) => c === 0x2a || c === 0x5f || c === 0x7e || c === 0x60; // * _ ~ `
const GT = 0x3e;

/**
 * Where a thematic break (`---`, `* * *`, `___`) starts in line [from, to), or `to` when the line
 * does not end in one. A break is not a list marker: `- - - -` is one `<hr>`, not four nested lists.
 */
function breakStart(source: string, from: number, to: number): number {
  let marker = -1;
  let count = 0;
  let start = to;
  for (let i = to - 1; i >= from; i--) {
    const c = source.charCodeAt(i);
    if (isBlank(c)) continue;
    if ((c === 0x2d || c === 0x2a || c === 0x5f) && (marker === -1 || marker === c)) {
      marker = c;
      count++;
      start = i;
      continue;
    }
    break;
  }
  return count >= 3 ? start : to;
}

function isBlankLine(source: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isBlank(source.charCodeAt(i))) return false;
  return true;
}

/** Containers opened at the start of line [from, to): quote markers and list markers, in any mix. */
function lineDepth(source: string, from: number, to: number): number {
  const hr = breakStart(source, from, to);
  let depth = 0;
  let i = from;
  while (i < to && i < hr) {
    const c = source.charCodeAt(i);
    if (isBlank(c)) {
      i++;
    } else if (c === GT) {
      depth++;
      i++;
    } else if (
      (c === 0x2d || c === 0x2a || c === 0x2b) &&
      (i + 1 === to || isBlank(source.charCodeAt(i + 1)))
    ) {
      depth++;
      i += 2;
    } else if (isDigit(c)) {
      let j = i;
      while (j < to && j - i < 9 && isDigit(source.charCodeAt(j))) j++;
      const after = source.charCodeAt(j);
      const marker = after === 0x2e || after === 0x29; // . )
      if (!marker || !(j + 1 === to || isBlank(source.charCodeAt(j + 1)))) break;
      depth++;
      i = j + 2;
    } else {
      break;
    }
  }
  return depth;
}

export function measureMarkdown(source: string): MarkdownMeasure {
  let depth = 0;
  let brackets = 0;
  let destinations = 0;
  let marks = 0;
  let open = 0;
  let parens = 0;
  let longestLine = 0;
  let lineStart = 0;
  const end = source.length;
  for (let i = 0; i <= end; i++) {
    const c = i < end ? source.charCodeAt(i) : NEWLINE;
    if (c === NEWLINE) {
      longestLine = Math.max(longestLine, i - lineStart);
      depth = Math.max(depth, lineDepth(source, lineStart, i));
      if (isBlankLine(source, lineStart, i)) open = 0;
      lineStart = i + 1;
    } else if (c === 0x5b) {
      brackets++;
    } else if (c === 0x28) {
      if (i > 0 && source.charCodeAt(i - 1) === 0x5d) destinations++;
      parens = Math.max(parens, ++open);
    } else if (c === 0x29) {
      open = Math.max(0, open - 1);
    } else if (isMark(c)) {
      marks++;
    }
  }
  return { length: end, depth, links: Math.max(brackets, destinations), marks, parens, longestLine };
}

/** The first Markdown limit of `LIMITS` that `source` breaks, or null when it renders as Markdown. */
export function markdownProblem(source: string): MarkdownProblem | null {
  // Checked before scanning: a huge body is refused without reading it.
  if (source.length > LIMITS.markdownMaxLength) {
    return { kind: 'length', limit: LIMITS.markdownMaxLength, found: source.length };
  }
  const m = measureMarkdown(source);
  const checks: [MarkdownProblemKind, number, number][] = [
    ['depth', m.depth, LIMITS.markdownMaxDepth],
    ['links', m.links, LIMITS.markdownMaxLinks],
    ['marks', m.marks, LIMITS.markdownMaxMarks],
    ['parens', m.parens, LIMITS.markdownMaxOpenParens],
    ['line', m.longestLine, LIMITS.markdownMaxLineLength],
  ];
  for (const [kind, found, limit] of checks) {
    if (found > limit) return { kind, limit, found };
  }
  return null;
}
