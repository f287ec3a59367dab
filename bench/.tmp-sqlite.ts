import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { getDriver } from '../src/main/drivers/registry';
import { runScript } from '../src/main/query/runScript';
import { MemoryBudget, type ResultSpool } from '../src/main/query/spool';
const N = 1_000_000;
const SQL = `WITH RECURSIVE s(g) AS (SELECT 1 UNION ALL SELECT g + 1 FROM s WHERE g < ${N})
  SELECT g, g * 2, 'customer ' || g, g / 7.0, printf('%08x', g), g % 3 = 0, '2026-01-01 10:00:00', NULL FROM s`;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qg-tmp-'));
const file = path.join(dir, 'b.sqlite'); new Database(file).close();
const conn = await (await getDriver('sqlite')).connect({ engine: 'sqlite', filePath: file });
const ratios: number[] = [];
for (let i = 0; i < 4; i++) {
  const db = new Database(file); let t = performance.now();
  for (const r of db.prepare(SQL).raw(true).iterate()) if (!r) throw new Error();
  const raw = performance.now() - t; db.close();
  let spool: ResultSpool | undefined;
  t = performance.now();
  await runScript(conn, SQL, { readOnly: false, budget: new MemoryBudget(), tempDir: dir, onResultSet: (_i, s) => (spool = s) });
  const app = performance.now() - t;
  await spool!.close();
  ratios.push(raw / app);
  console.log(`raw ${raw.toFixed(0)} app ${app.toFixed(0)} ratio ${(raw / app).toFixed(2)}`);
}
await conn.close(); fs.rmSync(dir, { recursive: true, force: true });
