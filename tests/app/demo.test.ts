import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { generateDemoDatabase } from '../../src/main/demo/generateDemo';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qg-demo-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('demo database', () => {
  const file = path.join(dir, 'demo.sqlite');
  const { rows } = generateDemoDatabase(file);
  const db = new Database(file, { readonly: true });

  it('has at least 8 related tables and 50,000 rows of believable data', () => {
    const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type='table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
    expect(tables).toEqual(expect.arrayContaining(['categories', 'customers', 'employees', 'order_items', 'orders', 'payments', 'product_suppliers', 'products', 'suppliers']));
    const total = tables.reduce((n, t) => n + (db.prepare(`SELECT count(*) FROM "${t}"`).pluck().get() as number), 0);
    expect(total).toBe(rows);
    expect(total).toBeGreaterThanOrEqual(50_000);
    const customer = db.prepare('SELECT first_name, last_name, email, city, country FROM customers WHERE id = 1').get() as Record<string, string>;
    expect(customer.email).toMatch(/^[a-z]+\.[a-z]+\.1@/);
    expect(customer.country.length).toBeGreaterThan(2);
  });

  it('satisfies every foreign key and has primary keys and indexes', () => {
    db.pragma('foreign_keys = ON');
    expect(db.pragma('foreign_key_check')).toEqual([]);
    const fkCount = db.prepare("SELECT count(*) FROM sqlite_schema m JOIN pragma_foreign_key_list(m.name) WHERE m.type='table'").pluck().get() as number;
    expect(fkCount).toBeGreaterThanOrEqual(9);
    const indexes = db.prepare("SELECT count(*) FROM sqlite_schema WHERE type='index' AND sql IS NOT NULL").pluck().get() as number;
    expect(indexes).toBeGreaterThanOrEqual(8);
  });

  it('is deterministic: the same seed writes the same bytes', () => {
    const again = path.join(dir, 'again.sqlite');
    generateDemoDatabase(again);
    const hash = (f: string): string => crypto.createHash('sha256').update(fs.readFileSync(f)).digest('hex');
    expect(hash(again)).toBe(hash(file));
  });
});
