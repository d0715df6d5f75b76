import { LOADER_CATALOGS } from '@frontdesk/shared/i18n/loader';
import { describe, expect, it } from 'vitest';
import { createLauncher } from './launcher.ts';

describe('launcher', () => {
  it('draws a labelled button in a shadow root, styled without style elements', () => {
    const launcher = createLauncher(document, LOADER_CATALOGS.pl, '#ff8800');
    document.body.append(launcher.host);
    const button = launcher.root.querySelector('button')!;
    expect(button.getAttribute('aria-label')).toBe('Otwórz czat');
    expect(button.getAttribute('aria-expanded')).toBe('false');
    // The icon is CSS (issue 17: no SVG element before the first paint), so it adds no text to the
    // button's name; which icon shows follows `aria-expanded`.
    expect(button.querySelector('svg')).toBeNull();
    expect(button.querySelector('i')?.textContent).toBe('');
    const rules = [...launcher.root.adoptedStyleSheets[0]!.cssRules].map((r) => r.cssText).join('\n');
    expect(rules).toMatch(/button\s*>\s*i::before\s*\{[^}]*clip-path:\s*path\("M4 3h16/);
    expect(rules).toMatch(/\[aria-expanded="?true"?\]\s*>\s*i::before\s*\{[^}]*clip-path:\s*path\("M5 6\.4/);
    expect(launcher.root.querySelectorAll('style, [style]')).toHaveLength(0);
    expect(launcher.root.adoptedStyleSheets).toHaveLength(1);
    expect(launcher.host.style.getPropertyValue('--fd-accent')).toBe('#ff8800');
    launcher.setOpen(true);
    expect(button.getAttribute('aria-label')).toBe('Zamknij czat');
    expect(button.getAttribute('aria-expanded')).toBe('true');
    launcher.host.remove();
  });

  it('per-site loader: the site CSS joins the built-in styles and the label is visible from the first paint', () => {
    const css = ':host{--fd-accent:#1f5fbf}:host{right:auto!important;left:20px!important}';
    const launcher = createLauncher(document, LOADER_CATALOGS.en, null, css, 'Chat with us');
    const button = launcher.root.querySelector('button')!;
    expect(button.textContent).toBe('Chat with us');
    const rules = [...launcher.root.adoptedStyleSheets[0]!.cssRules].map((r) => r.cssText).join('');
    expect(rules).toContain('left: 20px');
    expect(rules).toContain('--fd-accent');
  });
});
