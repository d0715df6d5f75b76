/**
 * Issue 14: a canned response's variables, filled and then rendered by the real renderer (jsdom): a
 * value is shown as the literal text, never as formatting, markup or a link; the body's own Markdown stays.
 */
import { describe, expect, it } from 'vitest';
import { fillCanned } from '../../canned.ts';
import { createMarkdown } from './render.ts';
import { jsdomWindow } from './testing.ts';

const win = jsdomWindow();
const render = createMarkdown(win, { relativeLinks: false, now: () => 0 });
const seen = (markdown: string) => {
  const el = win.document.createElement('div');
  el.innerHTML = render(markdown).html;
  return { text: el.textContent?.trim(), el };
};

describe('filled canned responses, rendered', () => {
  it('a value that looks like Markdown or HTML is rendered as the literal text, never as formatting', () => {
    const names = [
      '*Bob* _x_',
      '<img src=x onerror=alert(1)>',
      '[click](https://evil.example) www.x.example',
      '`code` ~~s~~ | a |',
      '# Big',
      '- item',
      '1. one',
      'a\\*b',
    ];
    for (const name of names) {
      const filled = fillCanned('Hello {{visitor.name}}', { 'visitor.name': name });
      const { text, el } = seen(filled.text);
      expect(text, name).toBe(`Hello ${name}`);
      expect(el.querySelector('em, strong, img, a, code, del, h1, li, table'), name).toBeNull();
    }
  });

  it('the body keeps its own Markdown, and a value is escaped once (filling the result again changes nothing)', () => {
    const filled = fillCanned('**Thanks**, {{visitor.name}}', { 'visitor.name': 'A_B' });
    expect(filled.text).toBe('**Thanks**, A\\_B');
    expect(seen(filled.text).el.querySelector('strong')?.textContent).toBe('Thanks');
    expect(seen(filled.text).text).toBe('Thanks, A_B');
    expect(fillCanned(filled.text, { 'visitor.name': 'Z' }).text).toBe(filled.text);
  });
});
