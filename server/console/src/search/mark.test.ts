import { describe, expect, it } from 'vitest';
import { markTerms } from './mark.ts';

describe('markTerms', () => {
  it('wraps matching words of text nodes, across Markdown elements, and leaves markup text alone', () => {
    const root = document.createElement('div');
    root.innerHTML =
      '<p>Twój <strong>zwrot</strong> za żółty &lt;img src=x&gt; płaszcz</p><time>zwrot</time>';
    expect(markTerms(root, ['zwrot', 'zolty'])).toBe(2);
    expect([...root.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['zwrot', 'żółty']);
    expect(root.querySelector('img')).toBeNull();
    expect(root.textContent).toBe('Twój zwrot za żółty <img src=x> płaszczzwrot');
    // Marking again finds nothing new.
    expect(markTerms(root, ['zwrot', 'zolty'])).toBe(0);
  });
});
