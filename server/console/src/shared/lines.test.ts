import { describe, expect, it } from 'vitest';
import { addLine, appendLines, cleanLines, linesToText, removeLine, setLine, textToLines } from './lines.ts';

describe('line lists', () => {
  it('sets, adds and removes lines without touching the input', () => {
    const lines = ['a', 'b', 'c'];
    expect(setLine(lines, 1, 'B')).toEqual(['a', 'B', 'c']);
    expect(addLine(lines)).toEqual(['a', 'b', 'c', '']);
    expect(addLine(lines, 'd')).toEqual(['a', 'b', 'c', 'd']);
    expect(removeLine(lines, 0)).toEqual(['b', 'c']);
    expect(lines).toEqual(['a', 'b', 'c']);
  });

  it('cleans: trims, squeezes spaces, drops empty lines and folded repeats', () => {
    expect(
      cleanLines(['  Zwrot  towaru ', '', 'zwrot towaru', 'ZWROT TOWARU', 'Zwróć', 'zwroc', '  ']),
    ).toEqual(['Zwrot towaru', 'Zwróć']);
  });

  it('appends only new lines and converts to and from a textarea', () => {
    expect(appendLines(['refund', 'money back'], ['Refund', 'get my money', 'get my money'])).toEqual([
      'refund',
      'money back',
      'get my money',
    ]);
    expect(textToLines('agent\r\n\nczłowiek\n  agent ')).toEqual(['agent', 'człowiek']);
    expect(linesToText(['a', 'b'])).toBe('a\nb');
  });
});
