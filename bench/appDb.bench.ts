/** App-database open time (WAL, integrity check, migrations) against a bare better-sqlite3 open. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openAppDatabase } from '../src/main/app/appDb';
import { median, round, type BenchEntry } from './types';

/** Runs the benchmark. */
export async function run(): Promise<BenchEntry[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qg-bench-appdb-'));
  try {
    const file = path.join(dir, 'querygenie.db');
    openAppDatabase(file).db.close(); // create + migrate once
    const app: number[] = [];
    const bare: number[] = [];
    for (let i = 0; i < 15; i++) {
      let t0 = performance.now();
      openAppDatabase(file).db.close();
      app.push(performance.now() - t0);
      t0 = performance.now();
      const db = new Database(file);
      db.prepare('SELECT 1').get();
      db.close();
      bare.push(performance.now() - t0);
    }
    const a = median(app);
    const b = median(bare);
    return [{ name: 'app database open (existing, migrated)', value: round(a, 3), unit: 'ms', baseline: round(b, 3), ratio: round(a / b), goal: '≤ 50 ms (never blocks start-up)' }];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
