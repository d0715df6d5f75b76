// happy-dom cannot run DOMPurify faithfully (cure53/DOMPurify#1457), so these tests prove that the marked
// layer alone already yields inert HTML; in the browser DOMPurify sanitises on top of it.
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './markdown.ts';

const dom = (html: string) => {
  const host = document.createElement('div');
  host.innerHTML = html;
  return host;
};

describe('renderMarkdown', () => {
  it('renders emphasis and a link that opens safely', () => {
    const host = dom(
      renderMarkdown('**Shipping** takes 2 days. See [delivery](https://shop.example/delivery).'),
    );
    expect(host.querySelector('strong')?.textContent).toBe('Shipping');
    const link = host.querySelector('a');
    expect(link?.getAttribute('href')).toBe('https://shop.example/delivery');
    expect(link?.getAttribute('target')).toBe('_blank');
    expect(link?.getAttribute('rel')).toBe('noopener noreferrer nofollow');
  });

  it('shows raw HTML as text and drops images and javascript: links', () => {
    const host = dom(
      renderMarkdown(
        '<img src=x onerror="alert(1)"> <script>alert(2)</script> [x](javascript:alert(3)) ![pic](https://e.x/a.png)',
      ),
    );
    expect(host.querySelector('img, script')).toBeNull();
    expect(host.textContent).toContain('<img src=x onerror="alert(1)">');
    expect(host.querySelectorAll('a')).toHaveLength(1);
    expect(host.querySelector('a')?.getAttribute('href')).toBe('https://e.x/a.png');
    expect(host.innerHTML).not.toMatch(/javascript:/i);
  });

  it('escapes quotes in link addresses', () => {
    const host = dom(renderMarkdown('[a](https://e.x/"onmouseover="alert(1))'));
    const link = host.querySelector('a');
    expect(link?.getAttribute('onmouseover')).toBeNull();
  });
});
