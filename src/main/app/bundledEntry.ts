/**
 * Where a separate main entry (a worker or child-process script) lives in the electron-vite
 * build. Entries are emitted next to `index.js`, but the code asking may sit in a lazily loaded
 * chunk under `chunks/`, so both places are tried.
 */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The URL of the built entry `<name>.js` for code whose module URL is `from`. */
export function bundledEntryUrl(name: string, from: string): URL {
  const candidates = [new URL(`./${name}.js`, from), new URL(`../${name}.js`, from)];
  return candidates.find((u) => fs.existsSync(fileURLToPath(u))) ?? candidates[0]!;
}
