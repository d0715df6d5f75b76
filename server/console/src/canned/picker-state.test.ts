/** Issue 14: the `/` picker's pure state: opening, moving (wrapping), Escape until the query changes, inserting. */
import { slashQuery } from '@frontdesk/shared';
import { describe, expect, it } from 'vitest';
import { CLOSED, insertAt, type PickerState, pickerReducer } from './picker-state.ts';

const typed = (state: PickerState, text: string, caret = text.length) =>
  pickerReducer(state, { type: 'typed', slash: slashQuery(text, caret), caret });

describe('pickerReducer', () => {
  it('opens on `/word`, follows the query, closes when the slash goes', () => {
    let s = typed(CLOSED, 'Hi /');
    expect(s).toMatchObject({ open: true, mode: 'inline', query: '', start: 3 });
    s = typed(s, 'Hi /ref');
    expect(s).toMatchObject({ open: true, query: 'ref', active: 0 });
    expect(typed(s, 'Hi ref')).toEqual(CLOSED);
  });

  it('arrows move the active option and wrap; a new query starts at the top', () => {
    let s = typed(CLOSED, '/');
    s = pickerReducer(s, { type: 'move', by: 1, count: 3 });
    s = pickerReducer(s, { type: 'move', by: 1, count: 3 });
    expect(s).toMatchObject({ active: 2 });
    s = pickerReducer(s, { type: 'move', by: 1, count: 3 });
    expect(s).toMatchObject({ active: 0 });
    s = pickerReducer(s, { type: 'move', by: -1, count: 3 });
    expect(s).toMatchObject({ active: 2 });
    expect(typed(s, '/r')).toMatchObject({ active: 0 });
  });

  it('Escape closes until the `/word` changes', () => {
    let s = pickerReducer(typed(CLOSED, '/re'), { type: 'close' });
    expect(s.open).toBe(false);
    s = typed(s, '/re');
    expect(s.open).toBe(false);
    expect(typed(s, '/ref').open).toBe(true);
  });

  it('the search mode keeps its own query while the reply box is unchanged', () => {
    let s = pickerReducer(CLOSED, { type: 'search', caret: 5 });
    s = pickerReducer(s, { type: 'query', query: 'zw' });
    expect(s).toMatchObject({ open: true, mode: 'search', query: 'zw', caret: 5 });
    expect(typed(s, 'hello')).toBe(s);
    expect(pickerReducer(s, { type: 'close' })).toEqual(CLOSED);
  });
});

describe('insertAt', () => {
  it('inline: replaces the `/query` with the text, the caret after it', () => {
    const s = typed(CLOSED, 'Hi /ref and', 7) as Extract<PickerState, { open: true }>;
    expect(insertAt('Hi /ref and', s, 'Refunds take 5 days.')).toEqual({
      body: 'Hi Refunds take 5 days. and',
      caret: 23,
    });
  });
  it('search: inserts at the caret, with a space after a word', () => {
    const s = pickerReducer(CLOSED, { type: 'search', caret: 5 }) as Extract<PickerState, { open: true }>;
    expect(insertAt('Hello', s, 'X')).toEqual({ body: 'Hello X', caret: 7 });
    expect(insertAt('', { ...s, caret: 0 }, 'X')).toEqual({ body: 'X', caret: 1 });
  });
});
