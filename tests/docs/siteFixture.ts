/**
 * A SQLite schema for the docs-site tests with the names that break naive exporters: unicode,
 * spaces, slashes, quotes, HTML, names differing only by case, a Windows device name, a
 * self-reference, a composite key, a view, and a `<script>` in a comment.
 */
import type { DriverConnection, RowSink } from '../../src/main/drivers/types';

const discard: RowSink = { beginResultSet: () => undefined, rows: () => undefined, endResultSet: () => undefined };

/** The statements, in order. */
export const SITE_SCHEMA = [
  `CREATE TABLE customers (id INTEGER PRIMARY KEY, email TEXT NOT NULL UNIQUE, name TEXT, referred_by INTEGER REFERENCES customers(id))`,
  `CREATE TABLE orders (id INTEGER PRIMARY KEY, customer_id INTEGER NOT NULL REFERENCES customers(id), total NUMERIC(10,2) NOT NULL DEFAULT 0 CHECK (total >= 0), status TEXT DEFAULT 'new')`,
  `CREATE INDEX orders_customer ON orders(customer_id)`,
  `CREATE TABLE "order lines/items" (order_id INTEGER NOT NULL REFERENCES orders(id), line_no INTEGER NOT NULL, "qty<b>" INTEGER, PRIMARY KEY (order_id, line_no))`,
  `CREATE TABLE "Café ☕ größe" (id INTEGER PRIMARY KEY, "wert €" TEXT)`,
  `CREATE TABLE con (id INTEGER PRIMARY KEY, order_id INTEGER REFERENCES orders(id))`,
  `CREATE TABLE "<script>alert(1)</script>" (id INTEGER PRIMARY KEY, "x""y" TEXT)`,
  `CREATE TABLE "../escape" (id INTEGER, customer_id INTEGER REFERENCES customers(id))`,
  `CREATE VIEW big_orders AS SELECT * FROM orders WHERE total > 100`,
];

/** Creates the schema. */
export async function createSiteSchema(conn: DriverConnection): Promise<void> {
  for (const sql of SITE_SCHEMA) await conn.execute(sql, discard);
}
