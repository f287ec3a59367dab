import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { generateDemoDatabase } from '../../src/main/demo/generateDemo';
import { runCli } from '../harness/cli';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qg-cli-'));
const demo = path.join(dir, 'demo.sqlite');
generateDemoDatabase(demo);
const env = { QG_HOME: path.join(dir, 'home') };
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('querygenie CLI', () => {
  it('--help lists the commands', async () => {
    const r = await runCli(['--help'], { env });
    expect(r.code).toBe(0);
    for (const cmd of ['web', 'query', 'introspect', 'explain']) expect(r.stdout).toMatch(new RegExp(`^\\s+${cmd}\\b`, 'm'));
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
