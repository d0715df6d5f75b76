/**
 * Why a Markdown body is refused, per language: in the API's `bad_request` message (English) and in
 * the console's composer and FAQ editor (the agent's language). `{limit}` is the limit broken.
 */
import type { MarkdownProblem, MarkdownProblemKind } from '../markdown-complexity.ts';
import type { Locale } from './locale.ts';
import { format } from './translate.ts';

const en: Record<MarkdownProblemKind, string> = {
  length: 'too long to format (more than {limit} characters)',
  depth: 'nested too deeply (more than {limit} levels of quotes or lists)',
  links: 'too many links (more than {limit} "[" or "](")',
  marks: 'too many formatting marks (more than {limit} of * _ ~ `)',
  parens: 'too many unclosed "(" in one paragraph (more than {limit})',
  line: 'a line is too long (more than {limit} characters)',
};

const pl: Record<MarkdownProblemKind, string> = {
  length: 'za długi do sformatowania (ponad {limit} znaków)',
  depth: 'zbyt głęboko zagnieżdżony (ponad {limit} poziomów cytatów lub list)',
  links: 'za dużo linków (ponad {limit} „[” lub „](”)',
  marks: 'za dużo znaków formatowania (ponad {limit} spośród * _ ~ `)',
  parens: 'za dużo niezamkniętych „(” w jednym akapicie (ponad {limit})',
  line: 'za długi wiersz (ponad {limit} znaków)',
};

export const MARKDOWN_PROBLEM_CATALOGS: Record<Locale, Record<MarkdownProblemKind, string>> = { en, pl };

export const markdownProblemText = (problem: MarkdownProblem, locale: Locale): string =>
  format(MARKDOWN_PROBLEM_CATALOGS[locale][problem.kind], { limit: problem.limit });
