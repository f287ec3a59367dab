/**
 * electron-vite build of the three Electron targets: main (Node, ESM), preload (CommonJS, because
 * a sandboxed preload cannot be an ES module) and the React renderer.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

const root = fileURLToPath(new URL('.', import.meta.url));

/** Native or optional modules that must be loaded from node_modules at run time, never bundled. */
const nativeExternals = [
  'better-sqlite3',
  'sqlite-vec',
  /^sqlite-vec-/,
  '@napi-rs/keyring',
  /^@napi-rs\/keyring-/,
  'pg-native',
  'libpg-query',
  'cpu-features',
  'ssh2',
];

/** Main-process entries; the SQLite worker is its own entry so `new Worker()` can load it. */
function mainEntries(): Record<string, string> {
  const entries: Record<string, string> = { index: resolve(root, 'src/main/index.ts') };
  const sqliteWorker = resolve(root, 'src/main/drivers/sqlite/worker.ts');
  if (existsSync(sqliteWorker)) entries.sqliteWorker = sqliteWorker;
  const retrievalWorker = resolve(root, 'src/main/retrieval/worker/indexWorker.ts');
  if (existsSync(retrievalWorker)) entries.retrievalWorker = retrievalWorker;
  return entries;
}

export default defineConfig({
  main: {
    build: {
      externalizeDeps: true,
      rolldownOptions: {
        input: mainEntries(),
        external: nativeExternals,
        output: { format: 'es', entryFileNames: '[name].js' },
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload can require only `electron`: bundle everything else (zod, shared code).
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve(root, 'src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'src/renderer'),
    base: './',
    plugins: [react()],
    build: {
      outDir: resolve(root, 'out/renderer'),
      rolldownOptions: { input: resolve(root, 'src/renderer/index.html') },
    },
  },
});
