/**
 * Builds the renderer (vite.web.config.ts → out/renderer) at most once at a time across test
 * workers and benchmarks: a lock folder serialises builders, and a fresh build is reused.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ensureRendererBuilt, PROJECT_ROOT, RENDERER_DIR } from '../../src/main/web/rendererBuild';

const LOCK = path.join(PROJECT_ROOT, 'node_modules', '.cache', 'qg-renderer-build.lock');
const STALE_LOCK_MS = 5 * 60_000;

async function withLock<T>(fn: () => Promise<T>): Promise<T> {
  fs.mkdirSync(path.dirname(LOCK), { recursive: true });
  for (;;) {
    try {
      fs.mkdirSync(LOCK);
      break;
    } catch {
      // Another worker is building; a lock older than a build could take was left by a crash.
      try {
        if (Date.now() - fs.statSync(LOCK).mtimeMs > STALE_LOCK_MS)
          fs.rmSync(LOCK, { recursive: true, force: true });
      } catch {
        /* the holder just released it */
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  try {
    return await fn();
  } finally {
    fs.rmSync(LOCK, { recursive: true, force: true });
  }
}

/** The built renderer folder, building it first if missing or older than the sources. */
export async function builtRenderer(): Promise<string> {
  return withLock(() => ensureRendererBuilt());
}

export { RENDERER_DIR };
