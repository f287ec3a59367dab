/** `querygenie query --out FILE.csv`: the app's Run to file from the command line. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateDemoDatabase } from '../../src/main/demo/generateDemo';
import { runCli } from '../harness/cli';
import { createPgDatabase } from '../harness/databases';
import { pgUrl } from '../harness/servers';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qg-cli-tofile-'));
const demo = path.join(dir, 'demo.sqlite');
await generateDemoDatabase(demo);
const env = { QG_HOME: path.join(dir, 'home') };
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('querygenie query --out', () => {
  it('SQLite: streams into the file the same CSV that --format csv prints', async () => {
    const sql = 'SELECT id, email, NULL AS nada, \'\' AS empty FROM customers ORDER BY id';
    const out = path.join(dir, 'sqlite.csv');
    const r = await runCli(['query', '--url', demo, '--out', out, sql], { env });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/Wrote \d+ row\(s\), \d+ bytes to .*sqlite\.csv \(streamed: the engine has no COPY\)/);
    const printed = await runCli(['query', '--url', demo, '--format', 'csv', sql], { env });
    expect(fs.readFileSync(out, 'utf8')).toBe(printed.stdout);
  }, 60_000);

  it('refuses two statements and leaves no file', async () => {
    const out = path.join(dir, 'two.csv');
    const r = await runCli(['query', '--url', demo, '--out', out, 'SELECT 1; SELECT 2'], { env });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/one statement/);
    expect(fs.existsSync(out)).toBe(false);
  }, 60_000);

  it.skipIf(!pgUrl())('PostgreSQL: COPY writes it; --read-only refuses a write', async () => {
    const url = await createPgDatabase(pgUrl()!, 'qg_cli_tofile');
    const sql = "SELECT g, g % 2 = 0 AS even, md5(g::text), '2024-01-01'::date + g AS d FROM generate_series(1, 1000) g";
    const out = path.join(dir, 'pg.csv');
    const r = await runCli(['query', '--url', url, '--out', out, sql], { env });
    expect(r.stderr).toMatch(/Wrote 1000 row\(s\), \d+ bytes to .*pg\.csv \(written by PostgreSQL COPY\)/);
    expect(r.code).toBe(0);
    const printed = await runCli(['query', '--url', url, '--format', 'csv', sql], { env });
    expect(fs.readFileSync(out, 'utf8')).toBe(printed.stdout);
    const ro = path.join(dir, 'ro.csv');
    const refused = await runCli(['query', '--url', url, '--read-only', '--out', ro, 'CREATE TABLE t AS SELECT 1 AS x'], { env });
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(/read-only/i);
    expect(fs.existsSync(ro)).toBe(false);
  }, 60_000);
});
