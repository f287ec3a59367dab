/**
 * Streaming 1,000,000 rows × 8 mixed columns through the app's path (driver → runScript → spool)
 * against the raw driver reading the same query, for SQLite and PostgreSQL. Also: time from the
 * driver's first batch to the first 1,000 rows being readable from the spool, and the process's
 * memory growth while streaming.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import Cursor from 'pg-cursor';
import { parseConnectionUrl } from '../src/shared/connection';
import { getDriver } from '../src/main/drivers/registry';
import type { DriverConnection, RowSink } from '../src/main/drivers/types';
import { runScript } from '../src/main/query/runScript';
import { MemoryBudget, type ResultSpool } from '../src/main/query/spool';
import { startPostgres } from '../tests/harness/startPostgres';
import { median, round, type BenchEntry } from './types';

const N = 1_000_000;
const SQLITE_SQL = `WITH RECURSIVE s(g) AS (SELECT 1 UNION ALL SELECT g + 1 FROM s WHERE g < ${N})
  SELECT g, g * 2, 'customer ' || g, g / 7.0, printf('%08x', g), g % 3 = 0, '2026-01-01 10:00:00', NULL FROM s`;
const PG_SQL = `SELECT g, g::int8 * 2, 'customer ' || g, (g / 7.0)::numeric(14,4), md5(g::text), g % 3 = 0, now(), NULL::text FROM generate_series(1, ${N}) g`;

interface AppRun {
  ms: number;
  firstPageMs: number;
  memGrowthMb: number;
  rows: number;
}

/** Runs the query through runScript with a probe on the driver's first batch. */
async function appPath(conn: DriverConnection, sql: string, tempDir: string): Promise<AppRun> {
  global.gc?.();
  const rssBefore = process.memoryUsage().rss;
  let peak = rssBefore;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  let firstBatchAt = 0;
  let firstPageAt = 0;
  const probe: DriverConnection = Object.create(conn) as DriverConnection;
  probe.execute = (s, sink, o) => {
    const wrapped: RowSink = {
      beginResultSet: (c) => sink.beginResultSet(c),
      rows: (b) => {
        if (!firstBatchAt) firstBatchAt = performance.now();
        return sink.rows(b);
      },
      endResultSet: () => sink.endResultSet(),
    };
    // Forward the encoded path too, so the probe measures the app's path, not the decode fallback.
    const encodedRows = sink.encodedRows?.bind(sink);
    if (encodedRows && !process.env.QG_BENCH_NO_ENCODED) {
      wrapped.encodedRows = (chunk, n) => {
        if (!firstBatchAt) firstBatchAt = performance.now();
        return encodedRows(chunk, n);
      };
    }
    return conn.execute(s, wrapped, o);
  };
  let spool: ResultSpool | undefined;
  const t0 = performance.now();
  const out = await runScript(probe, sql, {
    readOnly: false,
    budget: new MemoryBudget(256 * 1024 * 1024),
    tempDir,
    onResultSet: (_i, s) => {
      spool = s;
      void s.waitFor(1000).then(() => s.read(0, 1000)).then(() => (firstPageAt = performance.now()));
    },
  });
  const ms = performance.now() - t0;
  clearInterval(sampler);
  if (out.statements[0]?.error) throw new Error(out.statements[0].error.message);
  const rows = spool!.total;
  await spool!.close();
  return { ms, firstPageMs: firstPageAt - firstBatchAt, memGrowthMb: (peak - rssBefore) / 1024 / 1024, rows };
}

function rawSqlite(file: string): number {
  const db = new Database(file);
  const t0 = performance.now();
  let n = 0;
  for (const row of db.prepare(SQLITE_SQL).raw(true).iterate()) if (row) n++;
  db.close();
  if (n !== N) throw new Error(`raw sqlite read ${n}`);
  return performance.now() - t0;
}

async function rawPg(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const t0 = performance.now();
  const cursor = client.query(new Cursor(PG_SQL, [], { rowMode: 'array' }));
  let n = 0;
  for (;;) {
    const rows = await cursor.read(5000);
    if (rows.length === 0) break;
    n += rows.length;
  }
  await cursor.close();
  const ms = performance.now() - t0;
  await client.end();
  if (n !== N) throw new Error(`raw pg read ${n}`);
  return ms;
}

function entries(engine: string, raw: number[], app: AppRun[]): BenchEntry[] {
  const r = median(raw);
  const a = median(app.map((x) => x.ms));
  return [
    { name: `${engine}: stream 1M rows × 8 cols, app path (rows/s)`, value: Math.round(N / (a / 1000)), unit: 'rows/s', baseline: Math.round(N / (r / 1000)), ratio: round(r / a), goal: '≥ 0.7 × raw driver' },
    { name: `${engine}: first 1,000 rows readable after driver's first batch`, value: round(median(app.map((x) => x.firstPageMs))), unit: 'ms', goal: '≤ 50 ms' },
    { name: `${engine}: memory growth while streaming 1M rows`, value: round(Math.max(...app.map((x) => x.memGrowthMb)), 0), unit: 'MB', goal: '≤ 300 MB' },
  ];
}

/** Runs the benchmark. */
export async function run(): Promise<BenchEntry[]> {
  const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qg-bench-stream-'));
  const out: BenchEntry[] = [];
  try {
    const file = path.join(tempDir, 'bench.sqlite');
    new Database(file).close();
    const sqlite = await (await getDriver('sqlite')).connect({ engine: 'sqlite', filePath: file });
    const raw: number[] = [];
    const app: AppRun[] = [];
    for (let i = 0; i < 3; i++) {
      raw.push(rawSqlite(file));
      app.push(await appPath(sqlite, SQLITE_SQL, tempDir));
    }
    await sqlite.close();
    out.push(...entries('SQLite', raw, app));

    const server = await startPostgres();
    try {
      const conn = await (await getDriver('postgres')).connect(parseConnectionUrl(server.url));
      const praw: number[] = [];
      const papp: AppRun[] = [];
      for (let i = 0; i < 3; i++) {
        praw.push(await rawPg(server.url));
        papp.push(await appPath(conn, PG_SQL, tempDir));
      }
      await conn.close();
      out.push(...entries('PostgreSQL', praw, papp));
    } finally {
      await server.stop();
    }
  } finally {
    fs.rmSync(tempDir, { recursive: true, force: true });
  }
  return out;
}
