/**
 * The shared Markdown renderer (marked + DOMPurify + the policy check) bundled into one classic script
 * for a Chromium page, so the browser suites run the exact pipeline of both clients, not a copy.
 * The page gets `window.FrontdeskMarkdown`.
 */
import { build } from 'esbuild';

export type BrowserMarkdown = typeof import('@frontdesk/shared/markdown');

const ENTRY = `
import { createMarkdown, createSanitizer, policyViolations } from '@frontdesk/shared/markdown';
window.FrontdeskMarkdown = { createMarkdown, createSanitizer, policyViolations };
`;

export async function bundleMarkdown(): Promise<string> {
  const result = await build({
    stdin: { contents: ENTRY, resolveDir: import.meta.dirname, loader: 'ts' },
    bundle: true,
    format: 'iife',
    target: 'es2020',
    write: false,
    logLevel: 'silent',
  });
  const [file] = result.outputFiles;
  if (!file) throw new Error('esbuild produced no bundle');
  return file.text;
}
