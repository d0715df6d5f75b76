/** The part of jsdom the renderer's tests use (jsdom ships no types; DOMPurify does not support happy-dom). */
declare module 'jsdom' {
  export class JSDOM {
    /** `runScripts: 'dangerously'` runs the page's inline scripts (the embed snippet's test). */
    constructor(html?: string, options?: { runScripts?: 'dangerously' | 'outside-only'; url?: string });
    readonly window: Window & typeof globalThis;
  }
}
