/**
 * Renderer-only build (no Electron): `npm run build:renderer`. Web mode serves `out/renderer`, and
 * the end-to-end tests drive it in Chromium. Same root and output as the electron-vite renderer.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: resolve(root, 'src/renderer'),
  base: './',
  plugins: [react()],
  build: {
    outDir: resolve(root, 'out/renderer'),
    emptyOutDir: true,
    target: 'chrome130',
    reportCompressedSize: false,
  },
});
