import { describe, expect, it } from 'vitest';
import { splitTemplate } from './template.ts';

describe('splitTemplate', () => {
  it('splits text and placeholders in order', () => {
    expect(splitTemplate('Example “{example}” matches {entry} better ({matched} vs {own})')).toEqual([
      { text: 'Example “' },
      { name: 'example' },
      { text: '” matches ' },
      { name: 'entry' },
      { text: ' better (' },
      { name: 'matched' },
      { text: ' vs ' },
      { name: 'own' },
      { text: ')' },
    ]);
    expect(splitTemplate('{a}{b}')).toEqual([{ name: 'a' }, { name: 'b' }]);
    expect(splitTemplate('plain')).toEqual([{ text: 'plain' }]);
  });
});
