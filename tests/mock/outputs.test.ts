/**
 * The mock generator's other outputs: an SQL script that loads into a fresh database with every
 * key intact (SQLite and PostgreSQL literals), a folder of CSV files, a preview that inserts
 * nothing, and the `querygenie mock` command.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { parseConnectionUrl, type ConnectionParams } from '../../src/shared/connection';
import { getDriver } from '../../src/main/drivers/registry';
import type { DriverConnection } from '../../src/main/drivers/types';
import { previewMockData, writeMockCsv, writeMockScript } from '../../src/main/mock';
import { runCli } from '../harness/cli';
import { createMysqlDatabase, createPgDatabase } from '../harness/databases';
import { MISSING_MYSQL, MISSING_PG, mysqlUrl, pgUrl } from '../harness/servers';
import { count, createSchema, FKS, orphans, TABLES } from './fixture';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'qg-mock-out-'));
const open: DriverConnection[] = [];
afterAll(async () => {
  for (const c of open) await c.close().catch(() => undefined);
  fs.rmSync(tmp, { recursive: true, force: true });
});

let n = 0;
async function sqliteDb(): Promise<{ conn: DriverConnection; file: string }> {
  const file = path.join(tmp, `o${n++}.sqlite`);
  const conn = await (await getDriver('sqlite')).connect({ engine: 'sqlite', filePath: file });
  open.push(conn);
  await createSchema(conn);
  return { conn, file };
}

describe('mock data outputs (SQLite)', () => {
  it('writes an SQL script that loads into a fresh database with keys intact', { timeout: 60_000 }, async () => {
    const src = await sqliteDb();
    const script = path.join(tmp, 'mock.sql');
    const result = await writeMockScript(src.conn, { rows: 120, seed: 5 }, script);
    expect(await count(src.conn, 'customers')).toBe(0);
    const text = fs.readFileSync(script, 'utf8');
    expect(text).toMatch(/^-- Mock data/);
    expect(text).toMatch(/UPDATE "customers" SET "favorite_order_id" = \d+ WHERE "id" = \d+;/);
    const dst = await sqliteDb();
    await dst.conn.close();
    const db = new Database(dst.file);
    db.pragma('foreign_keys = ON');
    db.exec(text);
    db.close();
    const check = await (await getDriver('sqlite')).connect({ engine: 'sqlite', filePath: dst.file });
    open.push(check);
    let total = 0;
    for (const t of TABLES) total += await count(check, t);
    expect(total).toBe(result.totalRows);
    for (const fk of FKS) expect(await orphans(check, fk)).toBe(0);
  });

  it('writes one CSV file per table with a header row', { timeout: 60_000 }, async () => {
    const { conn } = await sqliteDb();
    const dir = path.join(tmp, 'csv');
    await writeMockCsv(conn, { rows: 40, seed: 2 }, dir);
    const files = fs.readdirSync(dir).sort();
    expect(files).toEqual([...TABLES.map((t) => `${t}.csv`), 'customers.second-pass.csv'].sort());
    const lines = fs.readFileSync(path.join(dir, 'customers.csv'), 'utf8').trimEnd().split('\n');
    expect(lines[0]).toBe('id,email,first_name,last_name,phone,city,country,status,referred_by,favorite_order_id,created_at');
    expect(lines).toHaveLength(41);
  });

  it('previews sample rows without inserting anything', { timeout: 60_000 }, async () => {
    const { conn } = await sqliteDb();
    const sample = await previewMockData(conn, { rows: 5, seed: 1, tables: ['order_items'] });
    const order = sample.map((t) => t.table);
    expect([...order].sort()).toEqual(['customers', 'order_items', 'orders', 'products']);
    // Parents come before their children.
    expect(order.indexOf('customers')).toBeLessThan(order.indexOf('orders'));
    expect(order.indexOf('orders')).toBeLessThan(order.indexOf('order_items'));
    expect(sample.every((t) => t.rows.length === 5)).toBe(true);
    expect(await count(conn, 'order_items')).toBe(0);
  });

  it('`querygenie mock` inserts, writes scripts, and refuses read-only', { timeout: 120_000 }, async () => {
    const { conn, file } = await sqliteDb();
    const ok = await runCli(['mock', '--url', file, '--rows', '25', '--seed', '3', '--tables', 'stock_moves']);
    expect(ok.stderr).toMatch(/generating main.stock_moves: 25\/25/);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/inserted: 50 rows/);
    expect(await count(conn, 'stock_moves')).toBe(25);
    const ro = await runCli(['mock', '--url', file, '--rows', '5', '--read-only']);
    expect(ro.code).toBe(1);
    expect(ro.stderr).toMatch(/READ_ONLY_VIOLATION.*read-only/);
    const out = path.join(tmp, 'cli.sql');
    const script = await runCli(['mock', '--url', file, '--rows', '5', '--out', out]);
    expect(script.code).toBe(0);
    expect(fs.readFileSync(out, 'utf8')).toMatch(/INSERT INTO "warehouses"/);
    const bad = await runCli(['mock', '--url', file, '--rows', 'many']);
    expect(bad.code).toBe(2);
    const before = await count(conn, 'stock_moves');
    const perTable = await runCli(['mock', '--url', file, '--rows', '0', '--tables', 'stock_moves', '--table-rows', 'stock_moves=7']);
    expect(perTable.code).toBe(0);
    expect(await count(conn, 'stock_moves')).toBe(before + 7);
    const badCount = await runCli(['mock', '--url', file, '--rows', '1', '--table-rows', 'stock_moves=lots']);
    expect(badCount.code).toBe(2);
    expect(badCount.stderr).toMatch(/--table-rows: "stock_moves=lots" is not TABLE=N/);
  });

  it('`querygenie mock --conn` asks for --yes on prod and refuses read-only profiles', { timeout: 120_000 }, async () => {
    const { conn, file } = await sqliteDb();
    const env = { QG_HOME: path.join(tmp, 'home') };
    await runCli(['connections', 'add', '--name', 'live', '--url', file, '--env', 'prod'], { env });
    await runCli(['connections', 'add', '--name', 'safe', '--url', file, '--read-only'], { env });
    const asked = await runCli(['mock', '--conn', 'live', '--rows', '5'], { env });
    expect(asked.code).toBe(1);
    expect(asked.stderr).toMatch(/CONFIRMATION_REQUIRED.*--yes/);
    expect(await count(conn, 'customers')).toBe(0);
    const refused = await runCli(['mock', '--conn', 'safe', '--rows', '5'], { env });
    expect(refused.stderr).toMatch(/READ_ONLY_VIOLATION/);
    const yes = await runCli(['mock', '--conn', 'live', '--rows', '5', '--yes'], { env });
    expect(yes.code).toBe(0);
    expect(await count(conn, 'customers')).toBe(5);
  });
});

describe.skipIf(!pgUrl())(`mock SQL script on PostgreSQL${pgUrl() ? '' : ` (${MISSING_PG})`}`, () => {
  it('loads into a fresh database with keys intact and enum/numeric literals accepted', { timeout: 60_000 }, async () => {
    const connect = async (): Promise<{ conn: DriverConnection; params: ConnectionParams; url: string }> => {
      const url = await createPgDatabase(pgUrl()!, 'qg_mockout');
      const params = parseConnectionUrl(url);
      const conn = await (await getDriver('postgres')).connect(params);
      open.push(conn);
      await createSchema(conn);
      return { conn, params, url };
    };
    const src = await connect();
    const script = path.join(tmp, 'pg.sql');
    const result = await writeMockScript(src.conn, { rows: 80, seed: 11 }, script);
    const dst = await connect();
    const client = new pg.Client({ connectionString: dst.url });
    await client.connect();
    try {
      await client.query(fs.readFileSync(script, 'utf8'));
    } finally {
      await client.end();
    }
    let total = 0;
    for (const t of TABLES) total += await count(dst.conn, t);
    expect(total).toBe(result.totalRows);
    for (const fk of FKS) expect(await orphans(dst.conn, fk)).toBe(0);
  });
});

describe.skipIf(!mysqlUrl())(`mock SQL script on MariaDB${mysqlUrl() ? '' : ` (${MISSING_MYSQL})`}`, () => {
  it('loads into another database with keys intact (quotes and backslashes escaped)', { timeout: 60_000 }, async () => {
    const connect = async (): Promise<{ conn: DriverConnection; url: string }> => {
      const url = await createMysqlDatabase(mysqlUrl()!, 'qg_mockout');
      const conn = await (await getDriver('mysql')).connect(parseConnectionUrl(url));
      open.push(conn);
      await createSchema(conn);
      return { conn, url };
    };
    const src = await connect();
    const script = path.join(tmp, 'my.sql');
    const result = await writeMockScript(src.conn, { rows: 80, seed: 12, overrides: { 'customers.city': { values: ["O'Hare \\ North"] } } }, script);
    const dst = await connect();
    const mysql = await import('mysql2/promise');
    const c = await mysql.createConnection({ uri: dst.url, multipleStatements: true });
    try {
      await c.query(fs.readFileSync(script, 'utf8'));
    } finally {
      await c.end();
    }
    let total = 0;
    for (const t of TABLES) total += await count(dst.conn, t);
    expect(total).toBe(result.totalRows);
    expect(await count(src.conn, 'customers')).toBe(0);
    for (const fk of FKS) expect(await orphans(dst.conn, fk)).toBe(0);
    expect(await count(dst.conn, 'customers', "WHERE city = 'O''Hare \\\\ North'")).toBeGreaterThan(0);
  });
});
