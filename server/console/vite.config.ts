/**
 * Builds the agent console (`@frontdesk/console`) into `server/console/dist`, where the server serves it
 * at `/console` (`assets.console` in server/src/config.ts): keep the two in step.
 */
import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
// Dev only (`pnpm --filter @frontdesk/console dev`): where the API and socket.io server runs.
const devTarget = process.env.FRONTDESK_DEV_SERVER ?? 'http://localhost:3000';

export default defineConfig({
  root,
  base: '/console/',
  plugins: [preact()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Inline nothing: the server's CSP allows only same-origin scripts, styles and images.
    assetsInlineLimit: 0,
    sourcemap: false,
  },
  server: {
    proxy: {
      '/api': devTarget,
      '/socket.io': { target: devTarget, ws: true },
    },
  },
});
