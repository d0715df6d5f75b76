/** The part of jsdom the renderer's tests use (jsdom ships no types; DOMPurify does not support happy-dom). */
declare module 'jsdom' {
  export class JSDOM {
    constructor(html?: string);
    readonly window: Window & typeof globalThis;
  }
}
