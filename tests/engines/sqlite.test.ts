/**
 * SQLite driver against real files: values, streaming, cancel, read-only, errors, introspection,
 * explain. Each connection runs in its own host process (see src/main/drivers/sqlite/worker.ts).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src/shared/errors';
import type { ColumnMeta } from '../../src/shared/query';
import type { Row } from '../../src/shared/values';
import { sqliteDriver } from '../../src/main/drivers/sqlite/index';
import type { DriverConnection, RowSink } from '../../src/main/drivers/types';

/** A sink that keeps every row and records batch sizes. */
function sink(): { sink: RowSink; columns: ColumnMeta[][]; rows: Row[]; batches: number[] } {
  const out = { columns: [] as ColumnMeta[][], rows: [] as Row[], batches: [] as number[] };
  return {
    ...out,
    sink: {
      beginResultSet: (c) => void out.columns.push(c),
      rows: (b) => {
        out.batches.push(b.length);
        for (const r of b) out.rows.push(r);
      },
      endResultSet: () => undefined,
    },
  };
}

async function query(conn: DriverConnection, sql: string, params?: unknown[]): Promise<Row[]> {
  const s = sink();
  await conn.execute(sql, s.sink, params ? { params } : {});
  return s.rows;
}

async function errorOf(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    return err as AppError;
  }
  throw new Error('expected the promise to reject');
}

const LONG_CTE = 'WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x+1 FROM c) SELECT count(*) FROM c';
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

let dir: string;
let file: string;
let conn: DriverConnection;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qg-sqlite-'));
  file = path.join(dir, 'test.db');
  conn = await sqliteDriver.connect({ engine: 'sqlite', filePath: file });
});

afterAll(async () => {
  await conn?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('values', () => {
  it('round-trips 64-bit integers exactly, blobs, reals, and keeps NULL distinct from empty text', async () => {
    await query(conn, 'CREATE TABLE vals (i INTEGER, r REAL, t TEXT, b BLOB)');
    const s = sink();
    await conn.execute('INSERT INTO vals VALUES (?, ?, ?, ?), (?, ?, ?, ?), (?, ?, ?, ?), (?, ?, ?, ?)', s.sink, {
      params: [
        9223372036854775807n, 1.5, '', new Uint8Array([0, 1, 254, 255]),
        -9223372036854775808n, -0.25, null, new Uint8Array([]),
        9007199254740993n, 1e300, 'héllo ✓', null,
        42, null, 'x', null,
      ],
    });
    const rows = await query(conn, 'SELECT i, r, t, b FROM vals ORDER BY rowid');
    expect(rows).toHaveLength(4);
    expect(rows[0]![0]).toBe(9223372036854775807n);
    expect(rows[1]![0]).toBe(-9223372036854775808n);
    // 2^53 + 1 is not representable as a float: it must stay bigint.
    expect(rows[2]![0]).toBe(9007199254740993n);
    // Integers within ±(2^53 − 1) arrive as plain numbers.
    expect(rows[3]![0]).toBe(42);
    expect(rows.map((r) => r[1])).toEqual([1.5, -0.25, 1e300, null]);
    expect(rows[0]![2]).toBe('');
    expect(rows[1]![2]).toBeNull();
    expect(rows[2]![2]).toBe('héllo ✓');
    expect(rows[0]![3]).toBeInstanceOf(Uint8Array);
    expect([...(rows[0]![3] as Uint8Array)]).toEqual([0, 1, 254, 255]);
    expect((rows[1]![3] as Uint8Array).length).toBe(0);
    expect(rows[2]![3]).toBeNull();
  });

  it('reports declared column types and rows affected by writes', async () => {
    const s = sink();
    await conn.execute('SELECT i, r, t, b, 1 + 1 AS two FROM vals LIMIT 1', s.sink);
    expect(s.columns[0]).toEqual([
      { name: 'i', type: 'INTEGER' },
      { name: 'r', type: 'REAL' },
      { name: 't', type: 'TEXT' },
      { name: 'b', type: 'BLOB' },
      { name: 'two', type: '' },
    ]);
    const summary = await conn.execute("UPDATE vals SET t = 'y' WHERE t = 'x' OR t = ''", sink().sink);
    expect(summary.rowsAffected).toBe(2);
    const read = await conn.execute('SELECT 1', sink().sink);
    expect(read.rowsAffected).toBeNull();
  });
});

describe('streaming', () => {
  it('streams 100,000 rows in order and complete, in batches', async () => {
    const s = sink();
    await conn.execute(
      'WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 100000) SELECT x, printf(\'row %d\', x) FROM c',
      s.sink,
      { batchSize: 2000 },
    );
    expect(s.rows).toHaveLength(100_000);
    expect(s.batches.length).toBeGreaterThan(1);
    expect(s.batches.every((n) => n <= 2000)).toBe(true);
    for (let i = 0; i < s.rows.length; i++) {
      if (s.rows[i]![0] !== i + 1 || s.rows[i]![1] !== `row ${i + 1}`) throw new Error(`row ${i} out of order: ${String(s.rows[i])}`);
    }
  });

  it('a slow sink holds the stream back and still receives every row', async () => {
    const seen: number[] = [];
    const slow: RowSink = {
      beginResultSet: () => undefined,
      rows: async (b) => {
        await wait(5);
        for (const r of b) seen.push(r[0] as number);
      },
      endResultSet: () => undefined,
    };
    await conn.execute('WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 20000) SELECT x FROM c', slow, { batchSize: 500 });
    expect(seen).toHaveLength(20000);
    expect(seen[19999]).toBe(20000);
  });
});

describe('cancel', () => {
  it('cancels a long recursive CTE and the same connection then runs SELECT 1', async () => {
    const running = conn.execute(LONG_CTE, sink().sink);
    await wait(300);
    await conn.cancel();
    const err = await errorOf(running);
    expect(err.code).toBe('QUERY_CANCELLED');
    expect(await query(conn, 'SELECT 1')).toEqual([[1]]);
  });

  it('does not block the main event loop while a long query runs', async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 10);
    const running = conn.execute(LONG_CTE, sink().sink);
    await wait(400);
    await conn.cancel();
    await errorOf(running);
    clearInterval(timer);
    expect(ticks).toBeGreaterThan(0);
  });

  it('reports a transaction lost by a cancel and keeps its writes out of the file', async () => {
    await query(conn, 'CREATE TABLE tx (v INTEGER)');
    await query(conn, 'BEGIN');
    await query(conn, 'INSERT INTO tx VALUES (1)');
    expect(conn.inTransaction()).toBe(true);
    const running = conn.execute(LONG_CTE, sink().sink);
    await wait(300);
    await conn.cancel();
    const err = await errorOf(running);
    expect(err.code).toBe('QUERY_CANCELLED');
    expect(err.detail?.transactionLost).toBe(true);
    expect(conn.inTransaction()).toBe(false);
    expect(await query(conn, 'SELECT count(*) FROM tx')).toEqual([[0]]);
  });

  it('stops a statement that exceeds the statement timeout with TIMEOUT', async () => {
    const timed = await sqliteDriver.connect({ engine: 'sqlite', filePath: file, statementTimeoutMs: 300 });
    try {
      const err = await errorOf(timed.execute(LONG_CTE, sink().sink));
      expect(err.code).toBe('TIMEOUT');
      expect(await query(timed, 'SELECT 2')).toEqual([[2]]);
    } finally {
      await timed.close();
    }
  });
});

describe('read-only', () => {
  it('refuses INSERT and leaves the data unchanged', async () => {
    await query(conn, 'CREATE TABLE ro (v TEXT)');
    await query(conn, "INSERT INTO ro VALUES ('kept')");
    const ro = await sqliteDriver.connect({ engine: 'sqlite', filePath: file, readOnly: true });
    try {
      const err = await errorOf(ro.execute("INSERT INTO ro VALUES ('nope')", sink().sink));
      expect(err.code).toBe('READ_ONLY_VIOLATION');
      const err2 = await errorOf(ro.execute('PRAGMA query_only = OFF', sink().sink).then(() => ro.execute('DELETE FROM ro', sink().sink)));
      expect(err2.code).toBe('READ_ONLY_VIOLATION');
      expect(await query(ro, 'SELECT v FROM ro')).toEqual([['kept']]);
    } finally {
      await ro.close();
    }
    expect(await query(conn, 'SELECT v FROM ro')).toEqual([['kept']]);
  });

  it('a missing file on a read-only open is NOT_FOUND and creates nothing', async () => {
    const missing = path.join(dir, 'missing.db');
    const err = await errorOf(sqliteDriver.connect({ engine: 'sqlite', filePath: missing, readOnly: true }));
    expect(err.code).toBe('NOT_FOUND');
    expect(err.message).toContain('missing.db');
    expect(fs.existsSync(missing)).toBe(false);
  });
});

describe('errors', () => {
  it('a syntax error is SYNTAX_ERROR with the position of the offending token', async () => {
    // `FROMM` parses as a column alias, so SQLite complains near "vals".
    const sql = 'SELECT 1,\n  2 FROMM vals';
    const err = await errorOf(conn.execute(sql, sink().sink));
    expect(err.code).toBe('SYNTAX_ERROR');
    expect(err.message).toContain('near "vals"');
    expect(err.detail?.position).toEqual({ line: 2, column: 11, offset: 20 });
  });

  it('an unknown table is QUERY_ERROR naming it, and the connection keeps working', async () => {
    const err = await errorOf(conn.execute('SELECT * FROM nope', sink().sink));
    expect(err.code).toBe('QUERY_ERROR');
    expect(err.message).toContain('no such table: nope');
    expect(err.detail?.position?.offset).toBe(14);
    expect(await query(conn, 'SELECT 3')).toEqual([[3]]);
  });
});

const SCHEMA = `
CREATE TABLE region (country TEXT NOT NULL, code TEXT NOT NULL, name TEXT, PRIMARY KEY (country, code));
CREATE TABLE customer (
  id INTEGER PRIMARY KEY,
  email TEXT NOT NULL UNIQUE,
  age INTEGER CHECK (age >= 0),
  country TEXT DEFAULT 'FR',
  region_code TEXT,
  status TEXT NOT NULL DEFAULT 'new',
  CONSTRAINT customer_status_ck CHECK (status IN ('new', 'active', 'gone')),
  CONSTRAINT customer_region_fk FOREIGN KEY (country, region_code) REFERENCES region (country, code) ON DELETE SET NULL
);
CREATE TABLE orders (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  customer_id INTEGER NOT NULL REFERENCES customer ON DELETE CASCADE,
  placed_at TEXT NOT NULL,
  total NUMERIC(10, 2),
  CONSTRAINT orders_once UNIQUE (customer_id, placed_at)
);
CREATE INDEX orders_placed_idx ON orders (placed_at DESC);
CREATE INDEX customer_email_lower ON customer (lower(email), age);
CREATE VIEW big_orders AS SELECT id, total FROM orders WHERE total > 100;
`;

describe('introspection', () => {
  let schemaConn: DriverConnection;
  beforeAll(async () => {
    const schemaFile = path.join(dir, 'schema.db');
    schemaConn = await sqliteDriver.connect({ engine: 'sqlite', filePath: schemaFile });
    for (const stmt of SCHEMA.split(';').map((s) => s.trim()).filter(Boolean)) await query(schemaConn, stmt);
  });
  afterAll(() => schemaConn.close());

  it('builds the snapshot of a schema with composite FK, unique, check, view and indexes', async () => {
    const snap = await schemaConn.introspect();
    expect(snap.engine).toBe('sqlite');
    expect(snap.database).toBe('schema.db');
    expect(snap.schemas.map((s) => s.name)).toEqual(['main']);
    const tables = snap.schemas[0]!.tables;
    expect(tables.map((t) => [t.name, t.kind])).toEqual([
      ['big_orders', 'view'],
      ['customer', 'table'],
      ['orders', 'table'],
      ['region', 'table'],
    ]);
    const byName = Object.fromEntries(tables.map((t) => [t.name, t]));
    const customer = byName.customer!;
    expect(customer.columns.map((c) => [c.name, c.dataType, c.nullable, c.default, c.ordinal])).toEqual([
      ['id', 'INTEGER', false, null, 1],
      ['email', 'TEXT', false, null, 2],
      ['age', 'INTEGER', true, null, 3],
      ['country', 'TEXT', true, "'FR'", 4],
      ['region_code', 'TEXT', true, null, 5],
      ['status', 'TEXT', false, "'new'", 6],
    ]);
    expect(customer.columns[0]!.autoIncrement).toBe(true);
    expect(customer.primaryKey).toEqual(['id']);
    expect(customer.foreignKeys).toEqual([
      {
        name: 'customer_region_fk', columns: ['country', 'region_code'], refSchema: 'main', refTable: 'region',
        refColumns: ['country', 'code'], onDelete: 'SET NULL', onUpdate: 'NO ACTION',
      },
    ]);
    expect(customer.indexes).toEqual([
      { name: 'customer_email_lower', columns: ['(lower(email))', 'age'], unique: false },
      { name: 'sqlite_autoindex_customer_1', columns: ['email'], unique: true },
    ]);
    expect(customer.constraints).toEqual([
      { name: 'sqlite_autoindex_customer_1', kind: 'unique', columns: ['email'] },
      { name: 'customer_check1', kind: 'check', columns: ['age'], definition: 'age >= 0' },
      { name: 'customer_status_ck', kind: 'check', columns: ['status'], definition: "status IN ('new', 'active', 'gone')" },
    ]);
    const orders = byName.orders!;
    // `REFERENCES customer` without columns points at customer's primary key.
    expect(orders.foreignKeys).toEqual([
      {
        name: 'fk_orders_customer_id', columns: ['customer_id'], refSchema: 'main', refTable: 'customer',
        refColumns: ['id'], onDelete: 'CASCADE', onUpdate: 'NO ACTION',
      },
    ]);
    expect(orders.constraints).toEqual([{ name: 'orders_once', kind: 'unique', columns: ['customer_id', 'placed_at'] }]);
    expect(orders.indexes.map((i) => [i.name, i.columns, i.unique])).toEqual([
      ['orders_placed_idx', ['placed_at'], false],
      ['sqlite_autoindex_orders_1', ['customer_id', 'placed_at'], true],
    ]);
    expect(orders.columns.find((c) => c.name === 'total')!.dataType).toBe('NUMERIC(10, 2)');
    const region = byName.region!;
    expect(region.primaryKey).toEqual(['country', 'code']);
    expect(region.indexes).toEqual([{ name: 'sqlite_autoindex_region_1', columns: ['country', 'code'], unique: true, primary: true }]);
    const view = byName.big_orders!;
    expect(view.columns.map((c) => c.name)).toEqual(['id', 'total']);
    expect(view.definition).toBe('SELECT id, total FROM orders WHERE total > 100');
    expect(tables.every((t) => t.rowEstimate === null)).toBe(true);
  });

  it('takes row estimates from sqlite_stat1 after ANALYZE', async () => {
    await query(schemaConn, "INSERT INTO region VALUES ('FR', 'IDF', 'Île-de-France'), ('FR', 'BRE', 'Bretagne')");
    await query(schemaConn, 'ANALYZE');
    const snap = await schemaConn.introspect();
    expect(snap.schemas[0]!.tables.find((t) => t.name === 'region')!.rowEstimate).toBe(2);
  });

  it('still reads a schema whose view refers to a dropped table (the view keeps its name)', async () => {
    const file = path.join(dir, 'broken-view.db');
    const conn = await sqliteDriver.connect({ engine: 'sqlite', filePath: file });
    try {
      for (const stmt of ['CREATE TABLE a (id INTEGER PRIMARY KEY, x TEXT)', 'CREATE TABLE b (id INTEGER PRIMARY KEY)', 'CREATE VIEW va AS SELECT id, x FROM a', 'DROP TABLE a']) await query(conn, stmt);
      const snap = await conn.introspect();
      const tables = snap.schemas[0]!.tables;
      expect(tables.map((t) => t.name)).toEqual(['b', 'va']);
      expect(tables.find((t) => t.name === 'b')!.columns.map((c) => c.name)).toEqual(['id']);
      expect(tables.find((t) => t.name === 'va')!.columns).toEqual([]);
    } finally {
      await conn.close();
    }
  });

  it('names-first mode lists tables without details; a table filter loads one table', async () => {
    const names = await schemaConn.introspect({ namesOnly: true });
    expect(names.schemas[0]!.tables.map((t) => [t.name, t.partial, t.columns.length])).toEqual([
      ['big_orders', true, 0],
      ['customer', true, 0],
      ['orders', true, 0],
      ['region', true, 0],
    ]);
    const one = await schemaConn.introspect({ tables: ['main.orders'] });
    const loaded = one.schemas[0]!.tables.filter((t) => !t.partial).map((t) => t.name);
    expect(loaded).toEqual(['orders']);
  });

  it('explains a join as a tree of scans and index searches', async () => {
    const result = await schemaConn.explain('SELECT * FROM orders o JOIN customer c ON c.id = o.customer_id WHERE o.placed_at > ?');
    expect(result.format).toBe('rows');
    const ops = result.plan.children.map((n) => [n.op, n.relation]);
    expect(ops).toContainEqual(['SEARCH', 'c']);
    expect(ops.some(([op, rel]) => (op === 'SCAN' || op === 'SEARCH') && rel === 'o')).toBe(true);
    const analyzed = await schemaConn.explain('SELECT count(*) FROM orders', { analyze: true });
    expect(String(analyzed.plan.detail?.note)).toContain('no EXPLAIN ANALYZE');
    expect(analyzed.plan.children.length).toBeGreaterThan(0);
  });
});
