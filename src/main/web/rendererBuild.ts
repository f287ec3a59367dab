/**
 * Finds the built renderer for web mode, building it from the sources first when the build is
 * missing or older than the sources (a repository checkout). Vite is loaded only then.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository (or package) root. */
export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** The renderer build folder. */
export const RENDERER_DIR = path.join(PROJECT_ROOT, 'out', 'renderer');

function newestMtime(dir: string): number {
  let newest = 0;
  if (!fs.existsSync(dir)) return 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

/** True when out/renderer is missing or older than src/renderer or src/shared. */
export function rendererBuildIsStale(): boolean {
  const index = path.join(RENDERER_DIR, 'index.html');
  if (!fs.existsSync(index)) return true;
  const sources = Math.max(newestMtime(path.join(PROJECT_ROOT, 'src', 'renderer')), newestMtime(path.join(PROJECT_ROOT, 'src', 'shared')));
  return sources > fs.statSync(index).mtimeMs;
}

/** Builds the renderer when stale; returns the folder to serve. */
export async function ensureRendererBuilt(log: (line: string) => void = () => undefined): Promise<string> {
  if (rendererBuildIsStale()) {
    const config = path.join(PROJECT_ROOT, 'vite.web.config.ts');
    if (!fs.existsSync(config)) {
      throw new Error(`The renderer is not built and ${config} is missing. Reinstall QueryGenie.`);
    }
    log('Building the renderer (first run or sources changed)…');
    const vite = await import('vite');
    // Always React's production build: under a test runner NODE_ENV is "test", which would bundle
    // the slow development build into what web mode serves.
    const before = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      await vite.build({ configFile: config, logLevel: 'warn', mode: 'production', root: path.join(PROJECT_ROOT, 'src', 'renderer') });
    } finally {
      if (before === undefined) delete process.env.NODE_ENV;
      else process.env.NODE_ENV = before;
    }
  }
  return RENDERER_DIR;
}
