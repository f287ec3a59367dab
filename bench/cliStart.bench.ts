/**
 * Start-up of the `querygenie` command from a checkout (through tsx, as `npm install` leaves it):
 * `connections list` and `introspect` of a small SQLite file, against the same tsx loader importing
 * one tiny module of the app (src/main/app/version.ts: the floor every run pays) in the same run.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { median, round, type BenchEntry } from './types';

const ROOT = path.resolve(import.meta.dirname, '..');
const BIN = path.join(ROOT, 'bin/querygenie.js');

function wall(args: string[], env: Record<string, string>): number {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: ROOT, env: { ...process.env, QG_LOG: 'silent', ...env }, encoding: 'utf8' });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return ms;
}

/** Runs the benchmark. */
export async function run(): Promise<BenchEntry[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qg-bench-cli-'));
  try {
    const env = { QG_HOME: path.join(dir, 'home') };
    const file = path.join(dir, 'small.sqlite');
    const db = new Database(file);
    db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT)');
    db.close();
    const floorScript = path.join(dir, 'floor.mjs');
    fs.writeFileSync(floorScript, `import { register } from ${JSON.stringify(import.meta.resolve('tsx/esm/api'))};\nregister();\nawait import(${JSON.stringify(path.join(ROOT, 'src/main/app/version.ts'))});\n`);
    const floor: number[] = [];
    const list: number[] = [];
    const introspect: number[] = [];
    const help: number[] = [];
    wall([BIN, 'connections', 'list'], env); // warm tsx's transform cache
    for (let i = 0; i < 5; i++) {
      floor.push(wall([floorScript], env));
      list.push(wall([BIN, 'connections', 'list'], env));
      introspect.push(wall([BIN, 'introspect', '--url', `sqlite://${file}`], env));
      help.push(wall([BIN, '--help'], env));
    }
    const f = median(floor);
    const entry = (name: string, xs: number[], goal: string): BenchEntry => {
      const v = median(xs);
      return { name, value: round(v, 0), unit: 'ms', baseline: round(f, 0), ratio: round(v / f), goal };
    };
    return [
      entry('CLI: `connections list` (wall, from a checkout through tsx)', list, '≤ 1 s'),
      entry('CLI: `introspect` of a small SQLite file', introspect, '≤ 1.5 s'),
      entry('CLI: `--help` (loads every command)', help, '—'),
    ];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
