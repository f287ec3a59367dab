import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CITIES } from '../../src/main/demo/data';
import { DEMO_SIZES, generateDemoDatabase } from '../../src/main/demo/generateDemo';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qg-demo-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('demo database (built on the mock generator)', () => {
  const file = path.join(dir, 'demo.sqlite');
  let rows = 0;
  let db: Database.Database;
  beforeAll(async () => {
    rows = (await generateDemoDatabase(file)).rows;
    db = new Database(file, { readonly: true });
  });
  afterAll(() => db.close());
  const one = (sql: string): unknown => db.prepare(sql).pluck().get();

  it('has at least 8 related tables and 50,000 rows of believable data', () => {
    const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type='table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
    expect(tables).toEqual(expect.arrayContaining(['categories', 'customers', 'employees', 'order_items', 'orders', 'payments', 'product_suppliers', 'products', 'suppliers']));
    const total = tables.reduce((n, t) => n + (db.prepare(`SELECT count(*) FROM "${t}"`).pluck().get() as number), 0);
    expect(total).toBe(rows);
    expect(total).toBeGreaterThanOrEqual(50_000);
    for (const t of ['customers', 'orders', 'products', 'suppliers', 'employees'] as const) expect(one(`SELECT count(*) FROM ${t}`)).toBe(DEMO_SIZES[t]);
    const customer = db.prepare('SELECT first_name, last_name, email, city, country FROM customers WHERE id = 1').get() as Record<string, string>;
    const slug = (s: string): string => s.normalize('NFD').replace(/[^\w]/g, '').toLowerCase();
    expect(customer.email.startsWith(`${slug(customer.first_name)}.${slug(customer.last_name)}.1@`)).toBe(true);
  });

  it('satisfies every foreign key and has primary keys and indexes', () => {
    db.pragma('foreign_keys = ON');
    expect(db.pragma('foreign_key_check')).toEqual([]);
    const fkCount = db.prepare("SELECT count(*) FROM sqlite_schema m JOIN pragma_foreign_key_list(m.name) WHERE m.type='table'").pluck().get() as number;
    expect(fkCount).toBeGreaterThanOrEqual(9);
    const indexes = db.prepare("SELECT count(*) FROM sqlite_schema WHERE type='index' AND sql IS NOT NULL").pluck().get() as number;
    expect(indexes).toBeGreaterThanOrEqual(8);
  });

  it('keeps the business rules the generator alone cannot: places, hierarchy, lines, shipping, payments', () => {
    const pairs = new Set(CITIES.map(([c, k]) => `${c}|${k}`));
    for (const t of ['customers', 'suppliers']) {
      const places = db.prepare(`SELECT DISTINCT city || '|' || country FROM ${t}`).pluck().all() as string[];
      expect(places.filter((p) => !pairs.has(p)), t).toEqual([]);
    }
    expect(one("SELECT count(*) FROM employees WHERE manager_id IS NULL")).toBe(1);
    expect(one("SELECT title FROM employees WHERE manager_id IS NULL")).toBe('Chief Executive Officer');
    // Every order has lines numbered 1..n, at the product's price.
    expect(one('SELECT count(*) FROM orders o WHERE NOT EXISTS (SELECT 1 FROM order_items i WHERE i.order_id = o.id)')).toBe(0);
    expect(one('SELECT count(*) FROM (SELECT order_id FROM order_items GROUP BY order_id HAVING max(line_no) <> count(*) OR min(line_no) <> 1)')).toBe(0);
    expect(one('SELECT count(*) FROM order_items i JOIN products p ON p.id = i.product_id WHERE i.unit_price <> p.unit_price')).toBe(0);
    // Shipping dates follow the status and come after the order.
    expect(one("SELECT count(*) FROM orders WHERE (status IN ('shipped','delivered','refunded')) <> (shipped_at IS NOT NULL)")).toBe(0);
    expect(one('SELECT count(*) FROM orders WHERE shipped_at <= ordered_at')).toBe(0);
    // One payment per paid order, for its total, none for pending or cancelled orders.
    expect(one("SELECT count(*) FROM orders WHERE status NOT IN ('pending','cancelled')")).toBe(one('SELECT count(*) FROM payments'));
    expect(one('SELECT count(*) FROM (SELECT order_id FROM payments GROUP BY order_id HAVING count(*) > 1)')).toBe(0);
    expect(one("SELECT count(*) FROM payments p JOIN orders o ON o.id = p.order_id WHERE o.status IN ('pending','cancelled')")).toBe(0);
    expect(one('SELECT count(*) FROM payments p JOIN order_totals t ON t.order_id = p.order_id WHERE abs(p.amount - t.total) > 0.005')).toBe(0);
    expect(one('SELECT count(*) FROM payments p JOIN orders o ON o.id = p.order_id WHERE p.paid_at < o.ordered_at')).toBe(0);
    // Prices sit in their category's range; the statuses have a believable mix.
    expect(one("SELECT count(*) FROM products p JOIN categories c ON c.id = p.category_id WHERE c.name = 'Brewing Gear' AND (p.unit_price < 18 OR p.unit_price > 320)")).toBe(0);
    const delivered = one("SELECT count(*) FROM orders WHERE status = 'delivered'") as number;
    expect(delivered / DEMO_SIZES.orders).toBeGreaterThan(0.3);
  });

  it('is deterministic: the same seed writes the same bytes', async () => {
    const again = path.join(dir, 'again.sqlite');
    await generateDemoDatabase(again);
    const hash = (f: string): string => crypto.createHash('sha256').update(fs.readFileSync(f)).digest('hex');
    expect(hash(again)).toBe(hash(file));
  });
});
