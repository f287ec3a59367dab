/**
 * Export of 1,000,000 rows through the app's path (driver → spool → CSV writer) is byte-exact
 * against PostgreSQL's own `COPY … TO STDOUT (FORMAT csv)` of the same query: an independent
 * CSV renderer that knows the values best.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { afterAll, describe, expect, it } from 'vitest';
import { parseConnectionUrl } from '../../src/shared/connection';
import { getDriver } from '../../src/main/drivers/registry';
import { exportRows } from '../../src/main/query/export';
import { runScript } from '../../src/main/query/runScript';
import { MemoryBudget, type ResultSpool } from '../../src/main/query/spool';
import { MISSING_PG, pgUrl } from '../harness/servers';

// Text with commas, quotes, newlines and unicode; NULL and '' apart; exact numerics and int8.
const SQL = `SELECT g AS id,
  g::int8 * 9223372036 AS big,
  (g / 7.0)::numeric(20,6) AS ratio,
  CASE WHEN g % 5 = 0 THEN NULL WHEN g % 5 = 1 THEN '' ELSE 'name, "' || g || E'"\\nline ✓' END AS label,
  md5(g::text) AS hash
FROM generate_series(1, 1000000) g`;

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'qg-export1m-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe.skipIf(!pgUrl())(`export of 1,000,000 rows${pgUrl() ? '' : ` (${MISSING_PG})`}`, () => {
  it('CSV through the spool equals PostgreSQL COPY CSV byte for byte', { timeout: 240_000 }, async () => {
    const url = pgUrl()!;
    // Reference: the server's own CSV.
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const reference = createHash('sha256');
    let referenceBytes = 0;
    await new Promise<void>((resolve, reject) => {
      const stream = client.query(copyTo(`COPY (${SQL}) TO STDOUT WITH (FORMAT csv, HEADER true)`));
      stream.on('data', (c: Buffer) => {
        reference.update(c);
        referenceBytes += c.length;
      });
      stream.on('end', () => resolve());
      stream.on('error', reject);
    });
    await client.end();

    // The app: the driver streams into a spool under a memory bound small enough to spill.
    const conn = await (await getDriver('postgres')).connect(parseConnectionUrl(url));
    let spool: ResultSpool | undefined;
    const out = await runScript(conn, SQL, { readOnly: false, budget: new MemoryBudget(32 * 1024 * 1024), tempDir: tmp, onResultSet: (_i, s) => (spool = s) });
    await conn.close();
    expect(out.statements[0]!.error).toBeUndefined();
    expect(spool!.total).toBe(1_000_000);
    const file = path.join(tmp, 'export.csv');
    const written = await exportRows({ columns: spool!.columns, source: spool!.iterate(), format: 'csv', out: file });
    await spool!.close();
    expect(written.rows).toBe(1_000_000);
    const mine = createHash('sha256').update(fs.readFileSync(file)).digest('hex');
    expect(fs.statSync(file).size).toBe(referenceBytes);
    expect(mine).toBe(reference.digest('hex'));
  });
});
