import { describe, expect, it } from 'vitest';
import { escapeHtml, plainTextHtml } from './plain-text.ts';

describe('plain text fallback', () => {
  it('escapes every character that could start markup or end an attribute', () => {
    expect(escapeHtml(`<img src=x onerror="a('b')">&`)).toBe(
      '&lt;img src=x onerror=&quot;a(&#39;b&#39;)&quot;&gt;&amp;',
    );
  });

  it('keeps line breaks as <br> inside one paragraph', () => {
    expect(plainTextHtml('a\nb\r\n<c>')).toBe('<p>a<br>b<br>&lt;c&gt;</p>');
  });
});
