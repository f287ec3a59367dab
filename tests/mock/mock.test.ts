/**
 * The mock generator against real SQLite, PostgreSQL and MariaDB: inserts that satisfy every
 * constraint of a schema with composite keys, a self-reference, a cycle, CHECKs and an enum;
 * foreign-key integrity and uniqueness proven by queries; seeds reproduce rows; cancel and
 * read-only leave the tables untouched; existing rows are respected.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseConnectionUrl, type ConnectionParams, type Engine } from '../../src/shared/connection';
import { getDriver } from '../../src/main/drivers/registry';
import type { DriverConnection } from '../../src/main/drivers/types';
import { insertMockData } from '../../src/main/mock';
import { errorOf, rowsOf } from '../harness/collect';
import { createMysqlDatabase, createPgDatabase } from '../harness/databases';
import { MISSING_MYSQL, MISSING_PG, mysqlUrl, pgUrl } from '../harness/servers';
import { count, createSchema, dataHash, FKS, orphans, TABLES } from './fixture';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'qg-mock-'));
const open: DriverConnection[] = [];
afterAll(async () => {
  for (const c of open) await c.close().catch(() => undefined);
  fs.rmSync(tmp, { recursive: true, force: true });
});

let n = 0;
/** A fresh database with the schema, on `engine`. */
async function freshDb(engine: Engine, readOnly = false): Promise<{ conn: DriverConnection; params: ConnectionParams }> {
  let params: ConnectionParams;
  if (engine === 'sqlite') params = { engine, filePath: path.join(tmp, `db${n++}.sqlite`) };
  else if (engine === 'postgres') params = parseConnectionUrl(await createPgDatabase(pgUrl()!, 'qg_mock'));
  else params = parseConnectionUrl(await createMysqlDatabase(mysqlUrl()!, 'qg_mock'));
  const conn = await (await getDriver(engine)).connect(params);
  open.push(conn);
  await createSchema(conn);
  // SQLite enforces foreign keys only when asked: ask, so a bad row would fail the insert.
  if (engine === 'sqlite') await rowsOf(conn, 'PRAGMA foreign_keys = ON');
  if (readOnly) {
    const ro = await (await getDriver(engine)).connect({ ...params, readOnly: true });
    open.push(ro);
    return { conn: ro, params };
  }
  return { conn, params };
}

async function counts(conn: DriverConnection): Promise<number[]> {
  const out: number[] = [];
  for (const t of TABLES) out.push(await count(conn, t));
  return out;
}

const engines: { engine: Engine; skip: string | false }[] = [
  { engine: 'sqlite', skip: false },
  { engine: 'postgres', skip: pgUrl() ? false : MISSING_PG },
  { engine: 'mysql', skip: mysqlUrl() ? false : MISSING_MYSQL },
];

for (const { engine, skip } of engines) {
  describe.skipIf(skip !== false)(`mock data on ${engine}${skip ? ` (${skip})` : ''}`, () => {
    it('inserts rows that keep every foreign key, unique key, CHECK and enum', { timeout: 60_000 }, async () => {
      const { conn } = await freshDb(engine);
      const progress: number[] = [];
      const result = await insertMockData(conn, { rows: 300, seed: 7 }, { onProgress: (p) => progress.push(p.doneAll) });
      expect(result.totalRows).toBeGreaterThan(1500);
      expect(progress.at(-1)).toBe(result.totalRows);
      for (const t of TABLES) expect(await count(conn, t)).toBeGreaterThan(250);
      for (const fk of FKS) expect(await orphans(conn, fk), `orphans in ${fk[0]}.${fk[1].join(',')}`).toBe(0);
      // The self-reference and the cycle's second pass actually filled keys.
      expect(await count(conn, 'customers', 'WHERE referred_by IS NOT NULL')).toBeGreaterThan(50);
      expect(await count(conn, 'customers', 'WHERE favorite_order_id IS NOT NULL')).toBeGreaterThan(200);
      expect(await count(conn, '(SELECT DISTINCT email FROM customers) d')).toBe(await count(conn, 'customers'));
      expect(await count(conn, 'orders', "WHERE status NOT IN ('new', 'paid', 'shipped') OR total < 0")).toBe(0);
      expect(await count(conn, 'order_items', 'WHERE quantity <= 0 OR quantity >= 50')).toBe(0);
      expect(await count(conn, 'products', 'WHERE price < 1 OR price > 500 OR stock < 0 OR stock > 1000')).toBe(0);
      expect(await count(conn, 'customers', "WHERE status NOT IN ('active', 'inactive', 'banned')")).toBe(0);
      // Generated columns are left to the engine (naming them in an INSERT would fail).
      expect(await count(conn, 'products', 'WHERE stock_value IS NULL OR stock_value <> price * stock')).toBe(0);
      const products = (await conn.introspect()).schemas.flatMap((s) => s.tables).find((t) => t.name === 'products')!;
      expect(products.columns.find((c) => c.name === 'stock_value')?.generated).toBe('stored');
      if (engine !== 'postgres') expect(products.columns.find((c) => c.name === 'name_length')?.generated).toBe('virtual');
    });

    it('gives the same rows for the same seed and different rows for another', { timeout: 60_000 }, async () => {
      const a = await freshDb(engine);
      const b = await freshDb(engine);
      const c = await freshDb(engine);
      await insertMockData(a.conn, { rows: 100, seed: 42 });
      await insertMockData(b.conn, { rows: 100, seed: 42 });
      await insertMockData(c.conn, { rows: 100, seed: 43 });
      expect(await dataHash(a.conn)).toBe(await dataHash(b.conn));
      expect(await dataHash(a.conn)).not.toBe(await dataHash(c.conn));
    });

    it('adds to existing rows without key collisions and may reference existing parents', { timeout: 60_000 }, async () => {
      const { conn } = await freshDb(engine);
      await insertMockData(conn, { rows: 100, seed: 1 });
      const before = await counts(conn);
      // Only children this time: their parents already have rows.
      await insertMockData(conn, { rows: 100, seed: 1, tables: ['order_items', 'stock_moves'] });
      const after = await counts(conn);
      expect(after[0]).toBe(before[0]);
      expect(after[3]).toBeGreaterThan(before[3]!);
      expect(after[5]).toBe(before[5]! + 100);
      await insertMockData(conn, { rows: 100, seed: 1 });
      for (const fk of FKS) expect(await orphans(conn, fk)).toBe(0);
      // The app's own inserts still get fresh auto-increment keys (sequences moved past mock rows).
      await rowsOf(conn, "INSERT INTO orders (customer_id, total, status, created_at) SELECT MIN(id), 1, 'new', '2024-01-01 00:00:00' FROM customers");
      await rowsOf(conn, "INSERT INTO stock_moves (wh_region, wh_code, qty, moved_at) SELECT region, code, 1, '2024-01-01 00:00:00' FROM warehouses WHERE code = (SELECT MIN(code) FROM warehouses) LIMIT 1");
      expect(await count(conn, '(SELECT DISTINCT email FROM customers) d')).toBe(await count(conn, 'customers'));
    });

    it('rolls everything back on cancel', { timeout: 60_000 }, async () => {
      const { conn } = await freshDb(engine);
      await insertMockData(conn, { rows: 50, seed: 3 });
      const before = await counts(conn);
      const ac = new AbortController();
      const err = await errorOf(
        insertMockData(conn, { rows: 5000, seed: 4 }, { signal: ac.signal, onProgress: (p) => p.doneAll > 3000 && ac.abort() }),
      );
      expect(err.code).toBe('QUERY_CANCELLED');
      expect(await counts(conn)).toEqual(before);
    });

    it('is refused on a read-only connection', { timeout: 60_000 }, async () => {
      const { conn } = await freshDb(engine, true);
      const err = await errorOf(insertMockData(conn, { rows: 10 }, { readOnly: true }));
      expect(err.code).toBe('READ_ONLY_VIOLATION');
      expect(err.message).toMatch(/read-only/);
      expect(await counts(conn)).toEqual([0, 0, 0, 0, 0, 0]);
    });
  });
}

describe('per-table row counts', () => {
  it('fills each named table with its own count (by table or schema.table), the rest with rows', { timeout: 60_000 }, async () => {
    const { conn } = await freshDb('sqlite');
    const result = await insertMockData(conn, { rows: 40, rowsPerTable: { customers: 15, 'main.order_items': 120 }, seed: 9 });
    expect(await count(conn, 'customers')).toBe(15);
    expect(await count(conn, 'order_items')).toBe(120);
    expect(await count(conn, 'orders')).toBe(40);
    expect(result.tables.find((t) => t.table === 'order_items')?.rows).toBe(120);
    for (const fk of FKS) expect(await orphans(conn, fk)).toBe(0);
  });

  it('refuses a count for a table that is not being filled, before writing anything', async () => {
    const { conn } = await freshDb('sqlite');
    const err = await errorOf(insertMockData(conn, { rows: 10, tables: ['customers'], rowsPerTable: { custmers: 5 } }));
    expect(err.code).toBe('NOT_FOUND');
    expect(err.message).toMatch(/"custmers" has a row count/);
    expect(await counts(conn)).toEqual([0, 0, 0, 0, 0, 0]);
  });
});
