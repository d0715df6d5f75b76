/**
 * The real console App on an in-memory client, without a server: bundles one of the entry files in
 * `server/console/src/testing/` (with the console's stylesheet) with esbuild and serves it on a local
 * port, for the browser suites that look at the console's pages.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const TESTING = fileURLToPath(new URL('../../server/console/src/testing/', import.meta.url));

const HTML = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Frontdesk</title>
    <link rel="stylesheet" href="/look.css" />
  </head>
  <body>
    <div id="app"></div>
    <script type="module" src="/look.js"></script>
  </body>
</html>`;

export type ConsoleLook = { base: string; close(): Promise<void> };

/** Serves `server/console/src/testing/<entry>` at the returned base address (`/` is the page). */
export async function serveConsoleLook(entry: string): Promise<ConsoleLook> {
  const result = await build({
    entryPoints: [`${TESTING}${entry}`],
    bundle: true,
    format: 'esm',
    target: 'es2022',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    outdir: '/look',
    write: false,
    logLevel: 'silent',
  });
  const js = result.outputFiles.find((f) => f.path.endsWith('.js'))?.text;
  const css = result.outputFiles.find((f) => f.path.endsWith('.css'))?.text;
  if (!js || !css) throw new Error(`esbuild produced no bundle for ${entry}`);
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const [type, body] =
      path === '/look.js'
        ? ['text/javascript', js]
        : path === '/look.css'
          ? ['text/css', css]
          : ['text/html; charset=utf-8', HTML];
    res.writeHead(200, { 'content-type': type });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
