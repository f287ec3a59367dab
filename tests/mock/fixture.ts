/**
 * The test schema for the mock generator, per engine: a self-reference (customers.referred_by),
 * a cycle through a nullable key (customers.favorite_order_id ↔ orders.customer_id), composite
 * keys (order_items, warehouses → stock_moves), CHECKs, an enum, UNIQUE columns, generated columns
 * (products.stock_value stored; products.name_length virtual where the engine has virtual ones).
 */
import { createHash } from 'node:crypto';
import type { Engine } from '../../src/shared/connection';
import type { DriverConnection } from '../../src/main/drivers/types';
import { rowsOf } from '../harness/collect';

/** The tables of the schema, parents before children where there is an order. */
export const TABLES = ['customers', 'orders', 'products', 'order_items', 'warehouses', 'stock_moves'];

/** FK edges to check for orphans: [child, child cols, parent, parent cols]. */
export const FKS: [string, string[], string, string[]][] = [
  ['customers', ['referred_by'], 'customers', ['id']],
  ['customers', ['favorite_order_id'], 'orders', ['id']],
  ['orders', ['customer_id'], 'customers', ['id']],
  ['order_items', ['order_id'], 'orders', ['id']],
  ['order_items', ['product_code'], 'products', ['code']],
  ['stock_moves', ['wh_region', 'wh_code'], 'warehouses', ['region', 'code']],
];

/** The primary key (ORDER BY) of each table. */
export const KEYS: Record<string, string> = {
  customers: 'id',
  orders: 'id',
  products: 'code',
  order_items: 'order_id, line_no',
  warehouses: 'region, code',
  stock_moves: 'id',
};

function ddl(engine: Engine): string[] {
  const id = engine === 'postgres' ? 'id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY' : engine === 'mysql' ? 'id int AUTO_INCREMENT PRIMARY KEY' : 'id INTEGER PRIMARY KEY';
  const serial = engine === 'postgres' ? 'id serial PRIMARY KEY' : id;
  const status = engine === 'postgres' ? 'status customer_status NOT NULL' : engine === 'mysql' ? "status enum('active','inactive','banned') NOT NULL" : "status text NOT NULL CHECK (status IN ('active','inactive','banned'))";
  const ts = engine === 'mysql' ? 'datetime' : 'timestamp';
  const out: string[] = [];
  if (engine === 'postgres') out.push("CREATE TYPE customer_status AS ENUM ('active', 'inactive', 'banned')");
  const fav = engine === 'sqlite' ? 'favorite_order_id integer REFERENCES orders(id),' : 'favorite_order_id integer,';
  out.push(
    `CREATE TABLE customers (${id}, email varchar(120) NOT NULL UNIQUE, first_name varchar(40) NOT NULL, last_name varchar(40) NOT NULL,
      phone varchar(40), city varchar(60), country varchar(60), ${status}, referred_by integer REFERENCES customers(id), ${fav}
      created_at ${ts} NOT NULL)`,
    `CREATE TABLE orders (${serial}, customer_id integer NOT NULL REFERENCES customers(id), total numeric(10,2) NOT NULL CHECK (total >= 0),
      status varchar(20) NOT NULL CHECK (status IN ('new', 'paid', 'shipped')), created_at ${ts} NOT NULL)`,
    `CREATE TABLE products (code varchar(12) PRIMARY KEY, name varchar(80) NOT NULL, price numeric(8,2) NOT NULL CHECK (price BETWEEN 1 AND 500),
      stock integer NOT NULL CHECK (stock >= 0 AND stock <= 1000), url varchar(200),
      stock_value numeric(12,2) GENERATED ALWAYS AS (price * stock) STORED${engine === 'postgres' ? '' : `, name_length integer GENERATED ALWAYS AS (length(name)) VIRTUAL`})`,
    `CREATE TABLE order_items (order_id integer NOT NULL REFERENCES orders(id), line_no smallint NOT NULL, product_code varchar(12) NOT NULL REFERENCES products(code),
      quantity integer NOT NULL CHECK (quantity > 0 AND quantity < 50), PRIMARY KEY (order_id, line_no))`,
    `CREATE TABLE warehouses (region char(2) NOT NULL, code integer NOT NULL, name varchar(60) NOT NULL, PRIMARY KEY (region, code))`,
    `CREATE TABLE stock_moves (${id}, wh_region char(2) NOT NULL, wh_code integer NOT NULL, qty integer NOT NULL CHECK (qty BETWEEN -100 AND 100),
      moved_at ${ts} NOT NULL, note text, FOREIGN KEY (wh_region, wh_code) REFERENCES warehouses(region, code))`,
  );
  if (engine !== 'sqlite') out.push('ALTER TABLE customers ADD CONSTRAINT customers_fav_fk FOREIGN KEY (favorite_order_id) REFERENCES orders(id)');
  return out;
}

/** Creates the schema on a fresh database. */
export async function createSchema(conn: DriverConnection): Promise<void> {
  for (const sql of ddl(conn.dialect.engine)) await rowsOf(conn, sql);
}

/** Row count of a table. */
export async function count(conn: DriverConnection, table: string, where = ''): Promise<number> {
  const [r] = await rowsOf(conn, `SELECT COUNT(*) FROM ${table} ${where}`);
  return Number(r![0]);
}

/** Child rows whose non-null foreign key matches no parent row. */
export async function orphans(conn: DriverConnection, [child, cols, parent, pcols]: (typeof FKS)[number]): Promise<number> {
  const on = cols.map((c, i) => `p.${pcols[i]} = c.${c}`).join(' AND ');
  const notNull = cols.map((c) => `c.${c} IS NOT NULL`).join(' AND ');
  return count(conn, `${child} c LEFT JOIN ${parent} p ON ${on}`, `WHERE ${notNull} AND p.${pcols[0]} IS NULL`);
}

/** A hash of every table's rows in key order (same data → same hash on the same engine). */
export async function dataHash(conn: DriverConnection): Promise<string> {
  const h = createHash('sha256');
  for (const t of TABLES) {
    for (const r of await rowsOf(conn, `SELECT * FROM ${t} ORDER BY ${KEYS[t]}`))
      h.update(JSON.stringify(r, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v instanceof Uint8Array ? Buffer.from(v).toString('hex') : v)));
    h.update('|');
  }
  return h.digest('hex');
}
