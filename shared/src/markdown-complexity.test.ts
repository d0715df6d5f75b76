import { describe, expect, it } from 'vitest';
import { LIMITS } from './limits.ts';
import { markdownProblem, measureMarkdown } from './markdown-complexity.ts';

describe('measureMarkdown', () => {
  it('counts what makes marked slow or deep, and nothing else', () => {
    const source = '> - **Free** [returns](https://a.example/r) (30 days)\n\n1. `code`\n---';
    expect(measureMarkdown(source)).toEqual({
      length: source.length,
      depth: 2,
      links: 1,
      marks: 6,
      parens: 1,
      longestLine: 53,
    });
  });

  it('depth counts quote and list markers opened on one line, in any mix', () => {
    expect(measureMarkdown('> > > a').depth).toBe(3);
    expect(measureMarkdown('>>>>').depth).toBe(4);
    expect(measureMarkdown('> - 1. 2) + * a').depth).toBe(6);
    expect(measureMarkdown('a\n> b\n>> c').depth).toBe(2);
    // Not markers: emphasis, a number without a space, a heading.
    expect(measureMarkdown('**a** -a 1.5 # x').depth).toBe(0);
  });

  it('a thematic break is not a list: "- - -" and "***" open nothing', () => {
    expect(measureMarkdown('- - - - - - - - - -').depth).toBe(0);
    expect(measureMarkdown('*'.repeat(100)).depth).toBe(0);
    expect(measureMarkdown('> ___').depth).toBe(1);
    expect(measureMarkdown('- - a').depth).toBe(2);
  });

  it('links count the larger of "[" and "](" openers', () => {
    expect(measureMarkdown('[a](b) ![c](d)').links).toBe(2);
    expect(measureMarkdown('[[[[').links).toBe(4);
    expect(measureMarkdown('](](](').links).toBe(3);
  });

  it('open parentheses reset at a blank line and never go below zero', () => {
    expect(measureMarkdown('((a) (b)').parens).toBe(2);
    expect(measureMarkdown(')))(((').parens).toBe(3);
    expect(measureMarkdown('((\n\n((').parens).toBe(2);
    expect(measureMarkdown('((\n((').parens).toBe(4);
  });

  it('reads a line of 100 000 markers without re-scanning it per marker', () => {
    // Quadratic work here (2·10¹⁰ steps) would run far past the test timeout.
    expect(measureMarkdown(`${'- '.repeat(100_000)}a`).depth).toBe(100_000);
    expect(measureMarkdown(`${'- '.repeat(100_000)}`).depth).toBe(0);
  });
});

describe('markdownProblem', () => {
  it.each([
    ['R5 5 000 nested ">"', '>'.repeat(5000), 'depth'],
    ['R5 "> - " 1 200 times', '> - '.repeat(1200), 'depth'],
    ['R5 1 240 "[a]("', '[a]('.repeat(1240), 'links'],
    ['R5 1 000 "![a]("', '![a]('.repeat(1000), 'links'],
    ['R5 100 000 "*"', '*'.repeat(100_000), 'length'],
    ['R5 a long line', 'a'.repeat(LIMITS.markdownMaxLineLength + 1), 'line'],
    ['R5 a long run of "_"', `${'_'.repeat(4000)}&`, 'marks'],
    ['R5 unclosed "(" after link openers', `${'[a]('.repeat(20)}${'('.repeat(3000)}`, 'parens'],
  ])('%s is over a limit (%s)', (_name, source, kind) => {
    expect(markdownProblem(source)?.kind).toBe(kind);
  });

  it('reports the limit broken and what was found', () => {
    expect(markdownProblem('>'.repeat(5000))).toEqual({
      kind: 'depth',
      limit: LIMITS.markdownMaxDepth,
      found: 5000,
    });
  });

  it('everyday chat Markdown is within the limits', () => {
    const reply = [
      'Hi! Here is what to do:',
      '',
      '1. Open **My account → Orders** (top right).',
      '2. Pick the order and click _Return_.',
      '   - print the label',
      '   - drop the parcel at any [InPost locker](https://inpost.pl/en)',
      '',
      '> You have 30 days (from delivery).',
      '',
      '```',
      'ORDER-1234',
      '```',
    ].join('\n');
    expect(markdownProblem(reply)).toBeNull();
    expect(markdownProblem('x'.repeat(LIMITS.markdownMaxLineLength))).toBeNull();
  });

  it('the Markdown length limit admits the longest message and FAQ answer', () => {
    expect(LIMITS.markdownMaxLength).toBeGreaterThanOrEqual(LIMITS.messageMaxLength);
    expect(LIMITS.markdownMaxLength).toBeGreaterThanOrEqual(LIMITS.faqAnswerMaxLength);
  });
});
