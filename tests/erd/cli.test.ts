/** `querygenie erd` on a SQLite database the test builds: each format is written and holds the schema. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../harness/cli';

let dir: string;
let dbFile: string;
const home = (): Record<string, string> => ({ QG_HOME: path.join(dir, 'home') });

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qg-erd-cli-'));
  dbFile = path.join(dir, 'shop.sqlite');
  const db = new Database(dbFile);
  db.exec(`
    CREATE TABLE customers (id INTEGER PRIMARY KEY, email TEXT NOT NULL UNIQUE, name TEXT);
    CREATE TABLE orders (id INTEGER PRIMARY KEY, customer_id INTEGER NOT NULL REFERENCES customers(id), total NUMERIC(10,2));
    CREATE TABLE order_items (order_id INTEGER NOT NULL REFERENCES orders(id), line INTEGER NOT NULL, sku TEXT, PRIMARY KEY (order_id, line));
    CREATE TABLE "weird <a&b>" (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES "weird <a&b>"(id));
    CREATE TABLE audit_log (id INTEGER PRIMARY KEY, at TEXT);
  `);
  db.close();
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

// Each run spawns the CLI through tsx: slow on a loaded machine, hence the generous timeout.
describe('querygenie erd', { timeout: 120_000 }, () => {
  it('writes SVG with every table and foreign key', async () => {
    const out = path.join(dir, 'shop.svg');
    const r = await runCli(['erd', '--url', dbFile, '--out', out], { env: home() });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/5 tables, 3 foreign keys/);
    const svg = fs.readFileSync(out, 'utf8');
    for (const t of ['customers', 'orders', 'order_items', 'weird &lt;a&amp;b&gt;', 'audit_log']) expect(svg).toContain(`main.${t}`);
    expect(svg.match(/<g class="rel"/g)).toHaveLength(3);
  });

  it('writes a PNG', async () => {
    const out = path.join(dir, 'shop.png');
    const r = await runCli(['erd', '--url', dbFile, '--out', out], { env: home() });
    expect(r.code, r.stderr).toBe(0);
    const png = fs.readFileSync(out);
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.length).toBeGreaterThan(1000);
  });

  it('writes Mermaid and DBML', async () => {
    const mmd = path.join(dir, 'shop.mmd');
    const dbml = path.join(dir, 'shop.dbml');
    expect((await runCli(['erd', '--url', dbFile, '--out', mmd], { env: home() })).code).toBe(0);
    expect((await runCli(['erd', '--url', dbFile, '--out', dbml], { env: home() })).code).toBe(0);
    const m = fs.readFileSync(mmd, 'utf8');
    expect(m.startsWith('erDiagram\n')).toBe(true);
    expect(m).toMatch(/main__orders \}o--\|\| main__customers : "/);
    expect(m).toMatch(/main__order_items \}o--\|\| main__orders/);
    const d = fs.readFileSync(dbml, 'utf8');
    expect(d).toContain('Table main.order_items {');
    expect(d).toContain('(order_id, line) [pk]');
    expect(d).toMatch(/^Ref \w+: main\.orders\.customer_id > main\.customers\.id$/m);
    expect(d).toMatch(/^Ref \w+: main\."weird <a&b>"\.parent_id > main\."weird <a&b>"\.id$/m);
  });

  it('draws around a table for N hops and counts the links left out', async () => {
    const out = path.join(dir, 'orders.mmd');
    const r = await runCli(['erd', '--url', dbFile, '--out', out, '--table', 'order_items', '--hops', '1'], { env: home() });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/2 tables, 1 foreign keys, 1 links to tables not shown/);
    const m = fs.readFileSync(out, 'utf8');
    expect(m).toContain('main__orders {');
    expect(m).not.toContain('main__customers {');
  });

  it('names the nearest tables for an unknown one, and refuses bad usage', async () => {
    const r = await runCli(['erd', '--url', dbFile, '--out', path.join(dir, 'x.svg'), '--table', 'ordr'], { env: home() });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/Unknown table "ordr"\. Did you mean: main\.orders/);
    const bad = await runCli(['erd', '--url', dbFile, '--out', path.join(dir, 'x.pdf')], { env: home() });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/\.svg, \.png, \.mmd or \.dbml/);
    expect(fs.existsSync(path.join(dir, 'x.svg'))).toBe(false);
  });
});
