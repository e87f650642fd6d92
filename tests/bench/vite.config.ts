import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * A bench-only bundle: the real client modules (db, outbox, sync engine, HTTP transport) behind a
 * blank page, driven by Playwright. Built into a temp dir by tests/bench/browser.ts (--outDir).
 */
export default defineConfig({
  root: fileURLToPath(new URL('./browser', import.meta.url)),
  publicDir: false,
  logLevel: 'warn',
  build: { assetsDir: 'assets', sourcemap: false, emptyOutDir: true },
});
