import { describe, expect, it } from 'vitest';
import { findScript, readOptions } from './options.ts';

function script(attrs: Record<string, string>): HTMLScriptElement {
  const el = document.createElement('script');
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
  return el;
}

describe('loader options', () => {
  it('reads site, locale and colour from the script tag; base is the script’s origin', () => {
    const options = readOptions(
      script({
        src: 'https://chat.example:8443/widget.js?v=1',
        'data-site': 'site_1',
        'data-locale': 'pl',
        'data-color': '#ff8800',
      }),
      ['en-US'],
    );
    expect(options).toEqual({
      base: 'https://chat.example:8443',
      siteKey: 'site_1',
      locale: 'pl',
      color: '#ff8800',
    });
  });

  it('falls back to the browser languages and ignores invalid values', () => {
    const options = readOptions(
      script({
        src: 'https://chat.example/widget.js',
        'data-site': 'abcd',
        'data-locale': 'xx',
        'data-color': 'red;x:y',
      }),
      ['de-DE', 'pl-PL'],
    );
    expect(options).toMatchObject({ locale: 'pl', color: null });
  });

  it('needs data-site', () => {
    expect(readOptions(script({ src: 'https://chat.example/widget.js' }), [])).toBeNull();
  });

  it('finds the loader by its path when currentScript is not available', () => {
    // A non-JavaScript type keeps the test DOM from fetching them.
    document.head.append(
      script({ type: 'text/plain', src: 'https://cdn.example/other.js' }),
      script({ type: 'text/plain', src: 'https://chat.example/widget.js', 'data-site': 'abcd' }),
    );
    expect(findScript(document)?.dataset.site).toBe('abcd');
  });

  it('per-site loader: the preset gives the site key and the fallback language; data-* attributes win', () => {
    const preset = { k: 'site_preset', l: 'pl' as const, t: {}, s: '' };
    const tag = script({ src: 'https://chat.example/w/site_preset.js' });
    expect(readOptions(tag, ['de-DE'], preset)).toEqual({
      base: 'https://chat.example',
      siteKey: 'site_preset',
      locale: 'pl',
      color: null,
    });
    expect(readOptions(tag, ['en-GB'], preset)?.locale).toBe('en');
    const overridden = script({
      src: 'https://chat.example/w/x.js',
      'data-site': 'other',
      'data-locale': 'en',
    });
    expect(readOptions(overridden, ['pl'], preset)).toMatchObject({ siteKey: 'other', locale: 'en' });
    expect(readOptions(null, ['en'], preset)).toBeNull();
  });
});
