import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDriver } from '../../src/main/drivers/registry';
import type { DriverConnection } from '../../src/main/drivers/types';
import { buildChunks } from '../../src/main/retrieval/chunks';
import { buildPromptContext } from '../../src/main/retrieval/contextBuilder';
import { BuiltinEmbedder } from '../../src/main/retrieval/embedders/builtin';
import type { Embedder } from '../../src/main/retrieval/embedders/types';
import { RetrievalIndex } from '../../src/main/retrieval/index';
import { expandAlongForeignKeys, hybridSearch } from '../../src/main/retrieval/search';
import { indexConnection } from '../../src/main/retrieval/service';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qg-retrieval-'));
const dbFile = path.join(dir, 'shop.sqlite');

/** Counts the texts it is asked to embed. */
class CountingEmbedder implements Embedder {
  readonly id: string;
  readonly dimensions = 384;
  texts: string[] = [];
  private inner = new BuiltinEmbedder();
  constructor(id = 'builtin:hash-v2') {
    this.id = id;
  }
  embed(texts: string[]): Promise<Float32Array[]> {
    this.texts.push(...texts);
    return this.inner.embed(texts);
  }
}

function createShop(file: string): void {
  const db = new Database(file);
  db.exec(`
    CREATE TABLE customers (customer_id INTEGER PRIMARY KEY, full_name TEXT, email TEXT, segment TEXT);
    CREATE TABLE orders (order_id INTEGER PRIMARY KEY, customer_id INTEGER REFERENCES customers(customer_id), order_dt TEXT, status TEXT, total_amt REAL);
    CREATE TABLE order_items (order_id INTEGER REFERENCES orders(order_id), product_id INTEGER REFERENCES products(product_id), qty INTEGER, PRIMARY KEY (order_id, product_id));
    CREATE TABLE products (product_id INTEGER PRIMARY KEY, title TEXT, unit_price REAL, category TEXT);
    CREATE TABLE employees (emp_id INTEGER PRIMARY KEY, first_name TEXT, wage REAL, sex TEXT);
    CREATE TABLE warehouses (warehouse_id INTEGER PRIMARY KEY, city TEXT, capacity INTEGER);
    CREATE TABLE audit_log (id INTEGER PRIMARY KEY, happened_at TEXT, message TEXT);
    INSERT INTO customers VALUES (1, 'Ada Lovelace', 'ada@example.com', 'enterprise');
    INSERT INTO orders(order_id, customer_id, status) VALUES (1, 1, 'shipped'), (2, 1, 'pending');
  `);
  db.close();
}

let conn: DriverConnection;
beforeAll(async () => {
  createShop(dbFile);
  conn = await (await getDriver('sqlite')).connect({ engine: 'sqlite', filePath: dbFile });
});
afterAll(async () => {
  await conn.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function top(index: RetrievalIndex, q: string, k = 3): Promise<string[]> {
  return (await hybridSearch(index, q, { k })).tables.map((t) => t.table);
}

describe('retrieval index on a SQLite schema', () => {
  it('finds a table named by a synonym or by one of its columns', async () => {
    const index = RetrievalIndex.open(path.join(dir, 'a.db'), new BuiltinEmbedder());
    await indexConnection(conn, index);
    expect((await top(index, 'which clients signed up with a gmail address', 1))[0]).toBe('main.customers');
    expect((await top(index, 'average salary by gender of the staff', 1))[0]).toBe('main.employees');
    expect((await top(index, 'total quantity sold per product', 2))).toContain('main.order_items');
    expect((await top(index, 'warehouse capacity in each city', 1))[0]).toBe('main.warehouses');
    index.close();
  });

  it('re-embeds exactly the one changed table, and nothing when nothing changed', async () => {
    const file = path.join(dir, 'incremental.db');
    const embedder = new CountingEmbedder();
    const index = RetrievalIndex.open(file, embedder);
    const first = await indexConnection(conn, index);
    expect(first.stats.embedded).toBe(7);
    embedder.texts = [];
    expect((await indexConnection(conn, index)).stats.embedded).toBe(0);
    expect(embedder.texts).toHaveLength(0);
    const db = new Database(dbFile);
    db.exec('ALTER TABLE warehouses ADD COLUMN manager_name TEXT');
    db.close();
    const again = await indexConnection(conn, index);
    expect(embedder.texts).toHaveLength(1);
    expect(embedder.texts[0]).toContain('warehouses');
    expect(again.stats).toMatchObject({ embedded: 1, removed: 0, total: 7 });
    expect(index.chunkCount()).toBe(7);
    index.close();
  });

  it('deletes chunks of dropped tables and rebuilds on an embedder change', async () => {
    const file = path.join(dir, 'drop.db');
    let index = RetrievalIndex.open(file, new CountingEmbedder());
    await indexConnection(conn, index);
    const db = new Database(dbFile);
    db.exec('DROP TABLE audit_log');
    db.close();
    expect((await indexConnection(conn, index)).stats).toMatchObject({ removed: 1, embedded: 0 });
    expect(await top(index, 'audit log message', 10)).not.toContain('main.audit_log');
    index.close();
    const other = new CountingEmbedder('other:model');
    index = RetrievalIndex.open(file, other);
    expect(index.isBuilt()).toBe(false);
    const rebuilt = await indexConnection(conn, index);
    expect(rebuilt.stats.rebuilt).toBe(true);
    expect(other.texts).toHaveLength(6);
    index.close();
  });

  it('reports progress and can be cancelled, leaving the previous index intact', async () => {
    const index = RetrievalIndex.open(path.join(dir, 'cancel.db'), new BuiltinEmbedder());
    const phases: string[] = [];
    await indexConnection(conn, index, { onProgress: (p) => phases.push(p.phase) });
    expect(phases).toContain('embedding');
    expect(phases.at(-1)).toBe('done');
    const ac = new AbortController();
    ac.abort();
    const before = index.chunkCount();
    await expect(index.build([], { signal: ac.signal })).rejects.toMatchObject({ code: 'QUERY_CANCELLED' });
    expect(index.chunkCount()).toBe(before);
    // Cancelled halfway through writing: rolled back, the old index still answers.
    const many = buildChunks({ snapshot: (await conn.introspect()), extraChunks: Array.from({ length: 600 }, (_, i) => ({ key: `g${i}`, kind: 'glossary' as const, text: `term ${i}` })) });
    const late = new AbortController();
    await expect(index.build(many, { signal: late.signal, onProgress: (p) => p.phase === 'writing' && p.done > 0 && late.abort() })).rejects.toMatchObject({ code: 'QUERY_CANCELLED' });
    expect(index.chunkCount()).toBe(before);
    expect((await top(index, 'warehouse capacity', 1))[0]).toBe('main.warehouses');
    index.close();
  });

  it('keeps value samples out of the index unless enabled', async () => {
    const off = RetrievalIndex.open(path.join(dir, 'nosamples.db'), new BuiltinEmbedder());
    await indexConnection(conn, off);
    const offHits = await hybridSearch(off, 'orders that are shipped', { k: 10 });
    expect(offHits.chunks.some((c) => c.kind === 'values' || c.text.includes('shipped'))).toBe(false);
    off.close();
    const on = RetrievalIndex.open(path.join(dir, 'samples.db'), new BuiltinEmbedder());
    await indexConnection(conn, on, { valueSamples: true });
    const onHits = await hybridSearch(on, 'orders that are shipped', { k: 10 });
    const values = onHits.chunks.find((c) => c.kind === 'values' && c.tableRef === 'main.orders');
    expect(values?.text).toMatch(/status = (shipped \| pending|pending \| shipped)/);
    on.close();
  });

  it('pulls in the bridge table on the foreign-key path between two retrieved tables', async () => {
    const index = RetrievalIndex.open(path.join(dir, 'bridge.db'), new BuiltinEmbedder());
    const { snapshot } = await indexConnection(conn, index);
    const ranked = await top(index, 'customer emails and product titles', 4);
    expect(ranked).toEqual(expect.arrayContaining(['main.customers', 'main.products']));
    // The two tables the question names are three joins apart: both bridges come along.
    const expanded = expandAlongForeignKeys(['main.customers', 'main.products'], snapshot);
    expect(expanded.added.map((a) => a.table).sort()).toEqual(['main.order_items', 'main.orders']);
    expect(expandAlongForeignKeys(['main.customers', 'main.warehouses'], snapshot).added).toEqual([]);
    index.close();
  });

  it('builds a prompt context within its budget and says what it chose', async () => {
    const index = RetrievalIndex.open(path.join(dir, 'context.db'), new BuiltinEmbedder());
    const { snapshot } = await indexConnection(conn, index);
    const whole = await buildPromptContext(index, snapshot, 'revenue per customer');
    expect(whole.reasons[0]).toMatch(/whole schema/);
    const tight = await buildPromptContext(index, snapshot, 'revenue per customer', { budget: 60, k: 3 });
    expect(tight.tokens).toBeLessThanOrEqual(60);
    expect(tight.tables.length).toBeGreaterThan(0);
    expect(tight.tables.length).toBeLessThan(snapshot.schemas[0]!.tables.length);
    index.close();
  });
});
