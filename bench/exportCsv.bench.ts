/**
 * The peer figure from PEERS.md: `SELECT g, g*2, md5(g::text), now() FROM generate_series(1,1000000) g`
 * to a CSV file through the app (driver → spool → CSV writer), against PostgreSQL's own
 * `COPY … TO STDOUT (FORMAT csv)` written to a file (what `psql \copy` does) in the same run.
 * Also "Run to file" (one statement straight to CSV; here PostgreSQL's COPY writes it), and the
 * first 100-row page of that query.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { parseConnectionUrl } from '../src/shared/connection';
import { getDriver } from '../src/main/drivers/registry';
import { exportRows } from '../src/main/query/export';
import { runScript } from '../src/main/query/runScript';
import { MemoryBudget, type ResultSpool } from '../src/main/query/spool';
import { runToFile } from '../src/main/query/toFile/runToFile';
import { startPostgres } from '../tests/harness/startPostgres';
import { median, round, type BenchEntry } from './types';

const SQL = 'SELECT g, g*2, md5(g::text), now() FROM generate_series(1,1000000) g';

/** Runs the benchmark. */
export async function run(): Promise<BenchEntry[]> {
  const server = await startPostgres();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qg-bench-csv-'));
  try {
    const copyTimes: number[] = [];
    const appTimes: number[] = [];
    const toFileTimes: number[] = [];
    const streamedTimes: number[] = [];
    let fastPath = false;
    const firstPage: number[] = [];
    const conn = await (await getDriver('postgres')).connect(parseConnectionUrl(server.url));
    for (let i = 0; i < 3; i++) {
      const client = new pg.Client({ connectionString: server.url });
      await client.connect();
      let t0 = performance.now();
      await pipeline(client.query(copyTo(`COPY (${SQL}) TO STDOUT WITH (FORMAT csv)`)), fs.createWriteStream(path.join(dir, 'copy.csv')));
      copyTimes.push(performance.now() - t0);
      await client.end();

      t0 = performance.now();
      let spool: ResultSpool | undefined;
      let exported: Promise<unknown> | undefined;
      const out = await runScript(conn, SQL, {
        readOnly: false,
        budget: new MemoryBudget(256 * 1024 * 1024),
        tempDir: dir,
        onResultSet: (_info, s) => {
          spool = s;
          void s.waitFor(100).then(() => s.read(0, 100)).then(() => firstPage.push(performance.now() - t0));
          // Export streams while rows still arrive, as the app's "export result" does.
          exported = exportRows({ columns: s.columns, source: s.iterate(), format: 'csv', out: path.join(dir, 'app.csv') });
        },
      });
      await exported;
      appTimes.push(performance.now() - t0);
      if (out.statements[0]?.error) throw new Error(out.statements[0].error.message);
      await spool!.close();

      t0 = performance.now();
      const r = await runToFile(conn, SQL, { out: path.join(dir, `to-file-${i}.csv`), readOnly: false });
      toFileTimes.push(performance.now() - t0);
      fastPath = r.fastPath;
      if (r.rows !== 1_000_000) throw new Error(`Run to file wrote ${r.rows} rows`);
      // The fallback other engines and non-COPY types take: driver rows → CSV writer, no spool.
      t0 = performance.now();
      await runToFile(conn, SQL, { out: path.join(dir, `streamed-${i}.csv`), readOnly: false, streamingOnly: true });
      streamedTimes.push(performance.now() - t0);
    }
    await conn.close();
    const c = median(copyTimes);
    const a = median(appTimes);
    return [
      { name: 'PostgreSQL: 1M-row query to CSV file (app path)', value: round(a / 1000, 2), unit: 's', baseline: round(c / 1000, 2), ratio: round(a / c), goal: '≤ 1.5 × COPY/psql (DbGate: 10.1 s vs 1.58 s)' },
      { name: `PostgreSQL: 1M-row query, Run to file (${fastPath ? 'COPY path' : 'streaming path'})`, value: round(median(toFileTimes) / 1000, 2), unit: 's', baseline: round(c / 1000, 2), ratio: round(median(toFileTimes) / c), goal: '≤ 1.5 × COPY/psql' },
      { name: 'PostgreSQL: 1M-row query, Run to file (streaming fallback)', value: round(median(streamedTimes) / 1000, 2), unit: 's', baseline: round(c / 1000, 2), ratio: round(median(streamedTimes) / c) },
      { name: 'PostgreSQL: first 100-row page of the 1M-row query', value: round(median(firstPage), 0), unit: 'ms', goal: 'DbGate: 320 ms' },
    ];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
    await server.stop();
  }
}
