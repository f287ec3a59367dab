// `npm start`: the desktop app when the Electron binary is installed; otherwise (a headless box,
// or an install with ELECTRON_SKIP_BINARY_DOWNLOAD=1) say so in one line and start web mode.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

function electronBinary() {
  try {
    const bin = require('electron');
    return typeof bin === 'string' && fs.existsSync(bin) ? bin : null;
  } catch {
    return null;
  }
}

const run = (cmd, args) => new Promise((resolve) => spawn(cmd, args, { stdio: 'inherit' }).on('exit', (code) => resolve(code ?? 1)));
const bin = electronBinary();
const headless = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
if (bin && !headless) {
  const build = spawnSync(process.execPath, [require.resolve('electron-vite/bin/electron-vite.js'), 'build'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
  process.exit(await run(bin, ['.']));
} else {
  console.log(bin ? 'No display found: starting web mode instead of the desktop window.' : 'Electron binary not installed here: starting web mode instead (open the URL below).');
  process.exit(await run(process.execPath, ['bin/querygenie.js', 'web', ...process.argv.slice(2)]));
}
