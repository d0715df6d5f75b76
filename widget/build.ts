/**
 * Builds the widget for the server to serve:
 *   dist/widget/app-[hash].js (+ chunks)  the Preact app, an ES module the loader imports
 *   dist/widget.js                        the loader, a classic script with the app's path baked in
 *   dist/manifest.json                    files and gzipped sizes
 * and fails when the loader or what opening the chat fetches exceeds its gzipped budget.
 */
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { PATHS, WIDGET_BUDGETS } from '@frontdesk/shared';
import { build, type InlineConfig, type Plugin, type Rollup } from 'vite';

const root = path.dirname(fileURLToPath(import.meta.url));
const dist = path.join(root, 'dist');
const assetsFolder = PATHS.widgetAssets.replace(/^\/|\/$/g, '');
const assetsDir = path.join(dist, assetsFolder);
const LOADER_FILE = PATHS.loader.replace(/^\//, '');

const common: InlineConfig = {
  configFile: false,
  root,
  publicDir: false,
  logLevel: 'warn',
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
};

const gzipBytes = (data: Buffer) => gzipSync(data).byteLength;

const PRELOAD_HELPER = '\0vite/preload-helper.js';

/**
 * Vite wraps each dynamic import in a helper that preloads the chunk's CSS (adding `<link>` elements
 * to the document) and fires `vite:preloadError` on `window`: about 0.6 kB gzipped of the app chunk.
 * The widget's lazy chunk has no CSS to preload (its styles are adopted stylesheets; the build fails
 * below if a chunk ever imports CSS), and the host page's document and window are not the widget's to
 * touch, so the helper becomes a plain call.
 */
const plainDynamicImports: Plugin = {
  name: 'frontdesk:plain-dynamic-imports',
  enforce: 'pre',
  resolveId: (id) => (id === PRELOAD_HELPER ? id : null),
  load: (id) => (id === PRELOAD_HELPER ? 'export const __vitePreload = (load) => load();' : null),
};

function outputs(
  result: Awaited<ReturnType<typeof build>>,
): Rollup.OutputBundle[keyof Rollup.OutputBundle][] {
  const list = Array.isArray(result) ? result : [result];
  return list.flatMap((item) => ('output' in item ? item.output : []));
}

async function buildApp() {
  const result = await build({
    ...common,
    plugins: [plainDynamicImports],
    base: './',
    build: {
      outDir: assetsDir,
      emptyOutDir: true,
      target: 'es2020',
      minify: 'esbuild',
      modulePreload: false,
      reportCompressedSize: false,
      rollupOptions: {
        input: path.join(root, 'src/app/index.tsx'),
        // Vite drops an app entry's exports by default; the loader needs `mount`. 'allow-extension'
        // keeps the entry one file (no facade chunk and an extra round trip).
        preserveEntrySignatures: 'allow-extension',
        output: {
          format: 'es',
          entryFileNames: 'app-[hash].js',
          chunkFileNames: 'chunk-[hash].js',
          assetFileNames: 'asset-[hash][extname]',
        },
      },
    },
  });
  const files = outputs(result);
  const entry = files.find((file): file is Rollup.OutputChunk => file.type === 'chunk' && file.isEntry);
  if (!entry) throw new Error('the app build produced no entry chunk');

  // What opening the chat fetches: the entry, its static imports (transitively) and their CSS.
  const chunks = new Map(
    files.filter((f) => f.type === 'chunk').map((c) => [c.fileName, c as Rollup.OutputChunk]),
  );
  const open = new Set<string>();
  const visit = (fileName: string) => {
    if (open.has(fileName)) return;
    open.add(fileName);
    const chunk = chunks.get(fileName);
    if (!chunk) return;
    for (const css of chunk.viteMetadata?.importedCss ?? []) open.add(css);
    for (const imported of chunk.imports) visit(imported);
  };
  visit(entry.fileName);
  const css = [...chunks.values()].filter((chunk) => (chunk.viteMetadata?.importedCss.size ?? 0) > 0);
  if (css.length > 0) {
    throw new Error(
      `chunks import CSS, which the plain dynamic imports would not load: ${css.map((c) => c.fileName)}`,
    );
  }
  const lazy = [...chunks.keys()].filter((fileName) => !open.has(fileName));
  return { entry: entry.fileName, open: [...open], lazy };
}

async function buildLoader(appPath: string) {
  await build({
    ...common,
    define: { __FRONTDESK_APP__: JSON.stringify(appPath) },
    build: {
      outDir: dist,
      emptyOutDir: false,
      target: 'es2020',
      minify: 'esbuild',
      reportCompressedSize: false,
      lib: {
        entry: path.join(root, 'src/loader/loader.ts'),
        formats: ['iife'],
        // Required by Vite for IIFE; unused because the loader exports nothing.
        name: 'FrontdeskLoader',
        fileName: () => LOADER_FILE,
      },
      // No "use strict" prologue (13 bytes): the loader is written as strict-safe module code, and
      // the per-site loader (`/w/SITE_KEY.js`) is this file behind a one-line preset assignment.
      rollupOptions: { output: { strict: false } },
    },
  });
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dist, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

async function main() {
  await rm(dist, { recursive: true, force: true });
  const app = await buildApp();
  const appFile = `${assetsFolder}/${app.entry}`;
  await buildLoader(`/${appFile}`);

  const files: { path: string; bytes: number; gzipBytes: number }[] = [];
  for (const file of await listFiles(dist)) {
    const data = await readFile(path.join(dist, file));
    files.push({ path: file, bytes: data.byteLength, gzipBytes: gzipBytes(data) });
  }
  const size = (file: string) => files.find((f) => f.path === file)?.gzipBytes ?? 0;
  const loaderGzipBytes = size(LOADER_FILE);
  const openGzipBytes = app.open.reduce((sum, file) => sum + size(`${assetsFolder}/${file}`), 0);
  // Chunks imported later (the Markdown renderer, once a bot or agent message is shown).
  const lazyGzipBytes = app.lazy.reduce((sum, file) => sum + size(`${assetsFolder}/${file}`), 0);
  const manifest = {
    loader: LOADER_FILE,
    app: appFile,
    files,
    loaderGzipBytes,
    openGzipBytes,
    lazyGzipBytes,
  };
  await writeFile(path.join(dist, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);

  const kb = (n: number) => `${(n / 1024).toFixed(2)} kB`;
  console.log(
    `loader ${LOADER_FILE}: ${kb(loaderGzipBytes)} gzipped (budget ${kb(WIDGET_BUDGETS.loaderGzipBytes)})`,
  );
  console.log(
    `open   ${appFile} + ${app.open.length - 1} more: ${kb(openGzipBytes)} gzipped (budget ${kb(WIDGET_BUDGETS.openGzipBytes)})`,
  );
  console.log(`lazy   ${app.lazy.length} chunk(s), loaded when first needed: ${kb(lazyGzipBytes)} gzipped`);

  const over = [
    loaderGzipBytes > WIDGET_BUDGETS.loaderGzipBytes && `the loader is ${kb(loaderGzipBytes)}`,
    openGzipBytes > WIDGET_BUDGETS.openGzipBytes && `opening the chat fetches ${kb(openGzipBytes)}`,
  ].filter(Boolean);
  if (over.length > 0) {
    console.error(`widget build over budget: ${over.join('; ')} (gzipped; budgets in shared/src/limits.ts)`);
    process.exit(1);
  }
}

main().catch((error: unknown) => {
  console.error('widget build failed:', error);
  process.exit(1);
});
