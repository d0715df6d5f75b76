/** Issue 14: which key press is which shortcut, never while typing; stepping through the list. */
import { describe, expect, it } from 'vitest';
import { SHORTCUTS, shortcutFor, step } from './shortcuts.ts';

const doc = document;
const el = (html: string) => {
  const box = doc.createElement('div');
  box.innerHTML = html;
  doc.body.append(box);
  return box.firstElementChild as EventTarget;
};
const press = (key: string, over: Partial<Parameters<typeof shortcutFor>[0]> = {}) =>
  shortcutFor({
    key,
    shiftKey: false,
    ctrlKey: false,
    altKey: false,
    metaKey: false,
    target: el('<main></main>'),
    ...over,
  });

describe('shortcutFor', () => {
  it('maps each listed key to its action', () => {
    expect(press('j')).toBe('next');
    expect(press('k')).toBe('previous');
    expect(press('t')).toBe('take');
    expect(press('E', { shiftKey: true })).toBe('resolve');
    expect(press('r')).toBe('composer');
    expect(press('/')).toBe('canned');
    expect(press('?', { shiftKey: true })).toBe('help');
    expect(SHORTCUTS.map((s) => s.action).sort()).toEqual([
      'canned',
      'composer',
      'help',
      'next',
      'previous',
      'resolve',
      'take',
    ]);
  });

  it('nothing fires while typing in a field, even for ?', () => {
    for (const html of [
      '<textarea></textarea>',
      '<input type="text">',
      '<input type="search">',
      '<select></select>',
      '<div contenteditable="true"></div>',
      '<div role="combobox"></div>',
    ]) {
      expect(press('?', { shiftKey: true, target: el(html) }), html).toBeNull();
      expect(press('j', { target: el(html) }), html).toBeNull();
    }
    // A checkbox or a button is not typing.
    expect(press('j', { target: el('<input type="checkbox">') })).toBe('next');
    expect(press('j', { target: el('<button>x</button>') })).toBe('next');
  });

  it('nothing fires with a modifier held, during composition, or for other keys', () => {
    expect(press('j', { ctrlKey: true })).toBeNull();
    expect(press('k', { metaKey: true })).toBeNull();
    expect(press('t', { altKey: true })).toBeNull();
    expect(press('j', { isComposing: true })).toBeNull();
    expect(press('e')).toBeNull();
    expect(press('x')).toBeNull();
    expect(press('J', { shiftKey: true })).toBeNull();
  });
});

describe('step', () => {
  it('moves forward and back, wrapping, and starts at an end when none is open', () => {
    const ids = ['a', 'b', 'c'];
    expect(step(ids, 'a', 1)).toBe('b');
    expect(step(ids, 'c', 1)).toBe('a');
    expect(step(ids, 'a', -1)).toBe('c');
    expect(step(ids, null, 1)).toBe('a');
    expect(step(ids, null, -1)).toBe('c');
    expect(step(ids, 'gone', 1)).toBe('a');
    expect(step([], null, 1)).toBeNull();
  });
});
