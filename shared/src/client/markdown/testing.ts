/// <reference path="./jsdom.d.ts" />
/**
 * The real renderer bound to a jsdom window, for the clients' DOM tests. happy-dom, which those
 * suites run in, cannot host DOMPurify (its attribute and node-name handling differ; cure53/DOMPurify#1457):
 * sanitising there keeps `onclick` and `javascript:`. Chromium checks live in the end-to-end suite.
 */
import { JSDOM } from 'jsdom';
import { createMarkdown, type MarkdownOptions, type RenderMarkdown } from './render.ts';
import type { PurifyWindow } from './sanitize.ts';

export const jsdomWindow = (): PurifyWindow => new JSDOM('<!doctype html><html><body></body></html>').window;

export { policyViolations } from './inert.ts';

/**
 * The renderer for DOM tests, with a clock that never moves unless the test gives one: what is
 * rendered must not depend on how busy the machine is (the budget has its own test).
 */
export const createTestMarkdown = (options: MarkdownOptions): RenderMarkdown =>
  createMarkdown(jsdomWindow(), { now: () => 0, ...options });
