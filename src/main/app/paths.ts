/** Where QueryGenie keeps its files. `QG_HOME` overrides the folder (tests, CLI, portable use). */
import os from 'node:os';
import path from 'node:path';

/** The default data folder per OS (the same folder Electron's `userData` would use). */
export function defaultHome(): string {
  if (process.env.QG_HOME) return path.resolve(process.env.QG_HOME);
  const home = os.homedir();
  if (process.platform === 'win32') return path.join(process.env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'QueryGenie');
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'QueryGenie');
  return path.join(process.env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'querygenie');
}

/** Paths inside a data folder. */
export function appPaths(home: string): {
  home: string;
  appDb: string;
  demoDb: string;
  tempDir: string;
  exportsDir: string;
} {
  return {
    home,
    appDb: path.join(home, 'querygenie.db'),
    demoDb: path.join(home, 'demo.sqlite'),
    tempDir: path.join(home, 'tmp'),
    exportsDir: path.join(home, 'exports'),
  };
}
