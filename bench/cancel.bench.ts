/** Cancel latency: from `cancel()` to the running statement's rejection, on every local engine. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseConnectionUrl, type ConnectionParams } from '../src/shared/connection';
import { getDriver } from '../src/main/drivers/registry';
import type { RowSink } from '../src/main/drivers/types';
import { startMariadb } from '../tests/harness/startMariadb';
import { startPostgres } from '../tests/harness/startPostgres';
import { median, round, type BenchEntry } from './types';

const sink: RowSink = { beginResultSet() {}, rows() {}, endResultSet() {} };

async function latency(params: ConnectionParams, sql: string): Promise<number> {
  const conn = await (await getDriver(params.engine)).connect(params);
  const times: number[] = [];
  try {
    for (let i = 0; i < 5; i++) {
      const running = conn.execute(sql, sink).then(
        () => 'finished',
        (e: { code?: string }) => e.code,
      );
      await new Promise((r) => setTimeout(r, 300));
      const t0 = performance.now();
      await conn.cancel();
      const how = await running;
      times.push(performance.now() - t0);
      if (how !== 'QUERY_CANCELLED') throw new Error(`${params.engine}: expected QUERY_CANCELLED, got ${how}`);
      await conn.execute('SELECT 1', sink);
    }
  } finally {
    await conn.close();
  }
  return median(times);
}

/** Runs the benchmark. */
export async function run(): Promise<BenchEntry[]> {
  const out: BenchEntry[] = [];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qg-bench-cancel-'));
  try {
    const sqlite = await latency({ engine: 'sqlite', filePath: path.join(dir, 'c.db') }, 'WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c');
    out.push({ name: 'SQLite: cancel latency (recursive CTE)', value: round(sqlite), unit: 'ms', goal: '≤ 1,000 ms' });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const pgServer = await startPostgres();
  try {
    out.push({ name: 'PostgreSQL: cancel latency (pg_sleep(30))', value: round(await latency(parseConnectionUrl(pgServer.url), 'SELECT pg_sleep(30)')), unit: 'ms', goal: '≤ 1,000 ms' });
  } finally {
    await pgServer.stop();
  }
  const maria = await startMariadb();
  try {
    out.push({ name: 'MariaDB: cancel latency (SLEEP(30))', value: round(await latency(parseConnectionUrl(maria.url), 'SELECT SLEEP(30)')), unit: 'ms', goal: '≤ 1,000 ms' });
  } finally {
    await maria.stop();
  }
  return out;
}
