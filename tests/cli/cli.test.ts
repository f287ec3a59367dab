import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { generateDemoDatabase } from '../../src/main/demo/generateDemo';
import { runCli } from '../harness/cli';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qg-cli-'));
const demo = path.join(dir, 'demo.sqlite');
await generateDemoDatabase(demo);
const env = { QG_HOME: path.join(dir, 'home') };
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('querygenie CLI', () => {
  it('--help lists the commands', async () => {
    const r = await runCli(['--help'], { env });
    expect(r.code).toBe(0);
    for (const cmd of ['web', 'query', 'introspect', 'explain', 'connections', 'index', 'search', 'mock', 'docs', 'erd', 'diff', 'lint', 'ask']) {
      expect(r.stdout).toMatch(new RegExp(`^\\s+${cmd}\\b`, 'm'));
    }
  });

  it('a command loaded on its own has its full help, and help <command> works', async () => {
    const r = await runCli(['search', '--help'], { env });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Usage: querygenie search/);
    expect(r.stdout).toMatch(/--expand/);
    const h = await runCli(['help', 'lint'], { env });
    expect(h.code).toBe(0);
    expect(h.stdout).toMatch(/Usage: querygenie lint/);
  });

  it('--version prints the package version', async () => {
    const r = await runCli(['--version'], { env });
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('an unknown command is a usage error (exit 2) with a hint', async () => {
    const r = await runCli(['qurey'], { env });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown command 'qurey'/);
    expect(r.stderr).toMatch(/Did you mean query\?/);
  });

  it('query --format json prints the documented document with exact values', async () => {
    const sql = "SELECT id, email, 9223372036854775807 AS big, NULL AS nada, '' AS empty FROM customers ORDER BY id LIMIT 2";
    const r = await runCli(['query', '--url', demo, '--format', 'json', sql], { env });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('9223372036854775807');
    const doc = JSON.parse(r.stdout) as { results: Array<{ columns: Array<{ name: string }>; rows: unknown[][]; rowCount: number; rowsAffected: number | null }> };
    expect(doc.results).toHaveLength(1);
    expect(doc.results[0]!.columns.map((c) => c.name)).toEqual(['id', 'email', 'big', 'nada', 'empty']);
    expect(doc.results[0]!.rowCount).toBe(2);
    expect(doc.results[0]!.rows[0]![0]).toBe(1);
    expect(doc.results[0]!.rows[0]![3]).toBeNull();
    expect(doc.results[0]!.rows[0]![4]).toBe('');
  });

  it('reads SQL from stdin and prints CSV', async () => {
    const r = await runCli(['query', '--url', `sqlite://${demo}`, '--format', 'csv'], { env, stdin: 'SELECT name FROM categories ORDER BY id LIMIT 2' });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('name\nCoffee\nTea\n');
  });

  it('--read-only refuses a DELETE with READ_ONLY_VIOLATION (exit 1) and changes nothing', async () => {
    const r = await runCli(['query', '--url', demo, '--read-only', 'DELETE FROM customers'], { env });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/error \[READ_ONLY_VIOLATION\]/);
    const db = new Database(demo, { readonly: true });
    expect(db.prepare('SELECT count(*) FROM customers').pluck().get()).toBe(5000);
    db.close();
  });

  it('a syntax error exits 1 with its code and its line in the script', async () => {
    const r = await runCli(['query', '--url', demo, 'SELECT 1;\nSELEC oops FROM customers;'], { env });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/error \[SYNTAX_ERROR\].*line 2/);
  });

  it('missing --url is a usage error that says what to give', async () => {
    const r = await runCli(['query', 'SELECT 1'], { env });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--url URL/);
  });

  it('introspect --json prints the SchemaSnapshot', async () => {
    const r = await runCli(['introspect', '--url', demo, '--json'], { env });
    expect(r.code).toBe(0);
    const snap = JSON.parse(r.stdout) as { engine: string; schemas: Array<{ name: string; tables: Array<{ name: string; primaryKey: string[]; foreignKeys: Array<{ refTable: string; columns: string[] }> }> }> };
    expect(snap.engine).toBe('sqlite');
    const items = snap.schemas[0]!.tables.find((t) => t.name === 'order_items')!;
    expect(items.primaryKey).toEqual(['order_id', 'line_no']);
    expect(items.foreignKeys.map((f) => f.refTable).sort()).toEqual(['orders', 'products']);
  });

  it('explain prints a plan tree', async () => {
    const r = await runCli(['explain', '--url', demo, 'SELECT * FROM orders WHERE customer_id = 3'], { env });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/orders/i);
  });
});

describe('querygenie connections', () => {
  const home = { QG_HOME: path.join(dir, 'conn-home') };
  it('adds, lists, uses with --conn, and removes a saved connection', async () => {
    const add = await runCli(['connections', 'add', '--name', 'shop', '--url', demo, '--read-only'], { env: home });
    expect(add.stderr).toBe('');
    expect(add.stdout).toMatch(/Saved "shop"/);
    const list = await runCli(['connections', 'list', '--json'], { env: home });
    const entries = JSON.parse(list.stdout) as Array<{ name: string; readOnly: boolean }>;
    expect(entries.find((c) => c.name === 'shop')).toMatchObject({ readOnly: true });
    const q = await runCli(['query', '--conn', 'shop', '--format', 'csv', 'SELECT count(*) AS n FROM categories'], { env: home });
    expect(q.stdout).toBe('n\n12\n');
    const refused = await runCli(['query', '--conn', 'shop', 'DELETE FROM categories WHERE id = 1'], { env: home });
    expect(refused.stderr).toMatch(/READ_ONLY_VIOLATION/);
    const test = await runCli(['connections', 'test', 'shop'], { env: home });
    expect(test.stdout).toMatch(/^OK: shop — SQLite 3\./);
    const rm = await runCli(['connections', 'remove', 'shop'], { env: home });
    expect(rm.stdout).toMatch(/Removed "shop"/);
    const gone = await runCli(['query', '--conn', 'shop', 'SELECT 1'], { env: home });
    expect(gone.code).toBe(1);
    expect(gone.stderr).toMatch(/No connection named "shop"/);
  });

  it('never writes a password to disk when no keychain is available', async () => {
    const r = await runCli(['connections', 'add', '--name', 'pg', '--url', 'postgres://app:s3cret-value@db.example.com/shop'], { env: { ...home, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/never writes a password to disk/);
    expect(r.stderr).not.toContain('s3cret-value');
    const files = fs.readdirSync(home.QG_HOME).map((f) => fs.readFileSync(path.join(home.QG_HOME, f)));
    expect(files.some((b) => b.includes('s3cret-value'))).toBe(false);
  });
});
