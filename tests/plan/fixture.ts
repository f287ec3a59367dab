/**
 * A small shop schema that provokes every advisor rule: a wide `customers` table (17 columns,
 * an index on email), a large `orders` table whose foreign key to customers has no index, and
 * perfectly correlated columns `a`/`b` (so the planner's independence assumption misestimates).
 * Rows are generated in the database (generate_series / recursive CTE) so setup stays fast.
 */
import type { Engine } from '../../src/shared/connection';
import type { DriverConnection } from '../../src/main/drivers/types';
import { rowsOf } from '../harness/collect';

/** Rows in each table. */
export const CUSTOMERS = 5000;
/** Rows in orders. */
export const ORDERS = 40000;

const wide = Array.from({ length: 14 }, (_, i) => `c${String(i + 1).padStart(2, '0')} VARCHAR(20)`).join(', ');

/** Creates and fills the schema; ANALYZEs so estimates are the planner's best. */
export async function createShop(conn: DriverConnection, engine: Engine): Promise<void> {
  const fk = engine === 'mysql' ? '' : ' REFERENCES customers(id)';
  await rowsOf(conn, `CREATE TABLE customers (id INTEGER PRIMARY KEY, email VARCHAR(200) NOT NULL, country VARCHAR(2), ${wide})`);
  await rowsOf(conn, `CREATE TABLE orders (id INTEGER PRIMARY KEY, customer_id INTEGER NOT NULL${fk}, status VARCHAR(10) NOT NULL, total INTEGER NOT NULL, a INTEGER NOT NULL, b INTEGER NOT NULL, note VARCHAR(60))`);
  await rowsOf(conn, 'CREATE INDEX idx_customers_email ON customers (email)');
  if (engine === 'postgres') {
    await rowsOf(conn, `INSERT INTO customers (id, email, country, c01) SELECT g, 'user' || g || '@example.com', 'FR', 'x' FROM generate_series(1, ${CUSTOMERS}) g`);
    await rowsOf(conn, `INSERT INTO orders SELECT g, 1 + (g * 7919) % ${CUSTOMERS}, CASE WHEN g % 50 = 0 THEN 'refunded' ELSE 'paid' END, g % 1000, g % 100, g % 100, md5(g::text) FROM generate_series(1, ${ORDERS}) g`);
    await rowsOf(conn, 'ANALYZE customers');
    await rowsOf(conn, 'ANALYZE orders');
    return;
  }
  const seq = (n: number) => `WITH RECURSIVE s(g) AS (SELECT 1 UNION ALL SELECT g + 1 FROM s WHERE g < ${n})`;
  const concat = (...parts: string[]) => (engine === 'sqlite' ? parts.join(' || ') : `CONCAT(${parts.join(', ')})`);
  // SQLite takes the WITH before INSERT; MariaDB wants the CTE inside a derived table.
  const insert = (table: string, cols: string, n: number, select: string) =>
    engine === 'sqlite' ? `${seq(n)} INSERT INTO ${table} ${cols} SELECT ${select} FROM s` : `INSERT INTO ${table} ${cols} SELECT ${select} FROM (${seq(n)} SELECT g FROM s) s`;
  if (engine === 'mysql') await rowsOf(conn, 'SET SESSION max_recursive_iterations = 1000000').catch(() => rowsOf(conn, 'SET SESSION cte_max_recursion_depth = 1000000'));
  await rowsOf(conn, insert('customers', '(id, email, country, c01)', CUSTOMERS, `g, ${concat("'user'", 'g', "'@example.com'")}, 'FR', 'x'`));
  await rowsOf(conn, insert('orders', '', ORDERS, `g, 1 + (g * 7919) % ${CUSTOMERS}, CASE WHEN g % 50 = 0 THEN 'refunded' ELSE 'paid' END, g % 1000, g % 100, g % 100, ${concat("'note '", 'g')}`));
  if (engine === 'sqlite') await rowsOf(conn, 'ANALYZE');
  else await rowsOf(conn, 'ANALYZE TABLE customers, orders');
}

/** Queries that provoke each rule (the same text runs on every engine). */
export const QUERIES = {
  seqScan: "SELECT id, total FROM orders WHERE status = 'refunded' AND total = 500",
  fkJoin: 'SELECT c.email, o.total FROM customers c JOIN orders o ON o.customer_id = c.id WHERE c.id = 42',
  sort: 'SELECT id, note FROM orders ORDER BY note',
  nestedLoop: 'SELECT c.email, o.total FROM orders o JOIN customers c ON c.id = o.customer_id WHERE o.total < 900',
  functionOnIndex: "SELECT id FROM customers WHERE lower(email) = 'user42@example.com'",
  selectStar: 'SELECT * FROM customers WHERE id < 100',
  misestimate: 'SELECT id FROM orders WHERE a = 1 AND b = 1',
} as const;
