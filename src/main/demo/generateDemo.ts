/**
 * Generates the built-in demo database deterministically on the mock-data generator: a small
 * coffee-and-tea retailer with customers, products, categories, suppliers, a product↔supplier
 * many-to-many, employees (with a manager self-reference), orders, order items and payments —
 * about 70,000 rows with primary keys, foreign keys, checks and indexes. The same seed always
 * yields the same bytes of data.
 */
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { sqliteDriver } from '../drivers/sqlite';
import { insertMockData } from '../mock';
import { CATEGORIES } from './data';
import { demoMockOptions, demoPaymentOptions } from './demoMock';
import { applyDemoRules, countPaidOrders, linkPayments } from './demoRules';
import { DEMO_SCHEMA_SQL } from './schema';

export { DEMO_SIZES } from './demoMock';

/** A small, fast, seedable PRNG (mulberry32). */
export function createRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Writes the demo database to `file` (via a temp file and a rename, so a crash leaves nothing
 * half-made): schema and categories, then the mock generator fills the tables, then the demo's
 * business rules tie them together, then the generator adds one payment per paid order.
 */
export async function generateDemoDatabase(file: string, seed = 20261122): Promise<{ rows: number }> {
  const tmp = `${file}.tmp-${process.pid}`;
  const clean = (): void => {
    for (const f of [tmp, `${tmp}-wal`, `${tmp}-shm`, `${tmp}-journal`]) fs.rmSync(f, { force: true });
  };
  clean();
  try {
    withDb(tmp, (db) => {
      db.exec(DEMO_SCHEMA_SQL);
      const insCategory = db.prepare('INSERT INTO categories (id, name, description) VALUES (?, ?, ?)');
      CATEGORIES.forEach((c, i) => insCategory.run(i + 1, c.name, c.description));
    });
    const rnd = createRandom(seed);
    // One driver connection for both generator runs; the rules write through their own handle in between.
    const conn = await sqliteDriver.connect({ engine: 'sqlite', filePath: tmp });
    try {
      await insertMockData(conn, demoMockOptions(seed));
      const paid = withDb(tmp, (db) => db.transaction(() => (applyDemoRules(db, rnd), countPaidOrders(db)))());
      await insertMockData(conn, demoPaymentOptions(seed, paid));
    } finally {
      await conn.close();
    }
    const rows = withDb(tmp, (db) => {
      db.transaction(() => linkPayments(db, rnd))();
      db.exec('ANALYZE');
      // One compact file whose bytes depend on the data only.
      db.exec('VACUUM');
      const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[];
      return tables.reduce((n, t) => n + (db.prepare(`SELECT count(*) FROM "${t}"`).pluck().get() as number), 0);
    });
    fs.renameSync(tmp, file);
    return { rows };
  } catch (err) {
    clean();
    throw err;
  }
}

function withDb<T>(file: string, run: (db: Database.Database) => T): T {
  const db = new Database(file);
  try {
    db.pragma('journal_mode = DELETE');
    db.pragma('foreign_keys = ON');
    return run(db);
  } finally {
    db.close();
  }
}
