/**
 * The demo's business rules, applied after the mock generator filled the tables. A column-level
 * generator cannot know that a city lies in one country, that an order's payment equals the sum
 * of its lines, or that only shipped orders have a shipping date; these passes make it so.
 * Deterministic: every choice comes from the seeded `rnd`.
 */
import type Database from 'better-sqlite3';
import { CATEGORIES, CITIES, EMAIL_DOMAINS, PRODUCT_ADJECTIVES, TITLES } from './data';

type Rnd = () => number;
type Id = number | bigint;

const countryOf = new Map(CITIES.map(([city, country]) => [city, country]));
const slug = (s: string): string => s.normalize('NFD').replace(/[^\w]/g, '').toLowerCase();
const DAY = 86_400_000;
const parseTs = (s: string): number => Date.parse(`${s.replace(' ', 'T')}Z`);
const iso = (ms: number): string => new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
/** Order statuses that were paid for (and so have one payment). */
export const PAID_STATUSES = ['processing', 'shipped', 'delivered', 'refunded'];
const SHIPPED = new Set(['shipped', 'delivered', 'refunded']);

function helpers(rnd: Rnd): { int: (lo: number, hi: number) => number; pick: <T>(xs: readonly T[]) => T } {
  const int = (lo: number, hi: number): number => lo + Math.floor(rnd() * (hi - lo + 1));
  return { int, pick: (xs) => xs[Math.floor(rnd() * xs.length)]! };
}

/** Emails built from the row (unique through the id); set in two steps so no UNIQUE check trips midway. */
function setEmails(db: Database.Database, table: string, rows: { id: Id; email: string }[]): void {
  const set = db.prepare(`UPDATE ${table} SET email = ? WHERE id = ?`);
  for (const r of rows) set.run(`pending-${r.id}`, r.id);
  for (const r of rows) set.run(r.email, r.id);
}

function suppliers(db: Database.Database): void {
  const rows = db.prepare('SELECT id, company_name, city FROM suppliers').all() as { id: Id; company_name: string; city: string }[];
  const setCountry = db.prepare('UPDATE suppliers SET country = ? WHERE id = ?');
  for (const r of rows) setCountry.run(countryOf.get(r.city) ?? 'United States', r.id);
  setEmails(db, 'suppliers', rows.map((r) => ({ id: r.id, email: `orders${r.id}@${slug(r.company_name.split(/[\s,-]/)[0]!) || 'supplier'}.example.com` })));
}

/** Names, SKUs and prices by category; returns each product's price. */
function products(db: Database.Database, rnd: Rnd): Map<number, number> {
  const { pick } = helpers(rnd);
  const rows = db.prepare('SELECT id, category_id, unit_price FROM products ORDER BY id').all() as { id: number; category_id: number; unit_price: number }[];
  const set = db.prepare('UPDATE products SET name = ?, sku = ?, unit_price = ? WHERE id = ?');
  const prices = new Map<number, number>();
  for (const r of rows) {
    const cat = CATEGORIES[(r.category_id - 1) % CATEGORIES.length]!;
    const [lo, hi] = cat.price;
    const price = Number((lo + (Number(r.unit_price) / 10_000) * (hi - lo)).toFixed(2));
    prices.set(r.id, price);
    const sku = `SKU-${String(r.category_id).padStart(2, '0')}-${String(r.id).padStart(5, '0')}`;
    set.run(`${pick(PRODUCT_ADJECTIVES)} ${pick(cat.nouns)} #${Math.ceil(r.id / 120)}`, sku, price.toFixed(2), r.id);
  }
  db.exec('CREATE TEMP TABLE sorted_links AS SELECT * FROM product_suppliers ORDER BY product_id, supplier_id; DELETE FROM product_suppliers; INSERT INTO product_suppliers SELECT * FROM sorted_links; DROP TABLE sorted_links');
  const cost = db.prepare('UPDATE product_suppliers SET cost_price = ? WHERE product_id = ? AND supplier_id = ?');
  for (const ps of db.prepare('SELECT product_id, supplier_id FROM product_suppliers ORDER BY product_id, supplier_id').all() as { product_id: number; supplier_id: Id }[])
    cost.run((prices.get(ps.product_id)! * (0.45 + rnd() * 0.2)).toFixed(2), ps.product_id, ps.supplier_id);
  return prices;
}

/** One chief executive, five sales managers reporting to them, everyone else under a manager. */
function employees(db: Database.Database, rnd: Rnd): void {
  const { int } = helpers(rnd);
  const rows = db.prepare('SELECT id, first_name, last_name FROM employees ORDER BY id').all() as { id: number; first_name: string; last_name: string }[];
  const set = db.prepare('UPDATE employees SET title = coalesce(?, title), manager_id = ? WHERE id = ?');
  for (const r of rows) set.run(r.id === 1 ? TITLES[0]! : r.id <= 6 ? TITLES[1]! : null, r.id === 1 ? null : r.id <= 6 ? 1 : int(2, 6), r.id);
  setEmails(db, 'employees', rows.map((r) => ({ id: r.id, email: `${slug(r.first_name)}.${slug(r.last_name)}${r.id}@querygenie-demo.example` })));
}

function customers(db: Database.Database, rnd: Rnd): Map<Id, { city: string; country: string }> {
  const { pick } = helpers(rnd);
  const rows = db.prepare('SELECT id, first_name, last_name, city FROM customers ORDER BY id').all() as { id: Id; first_name: string; last_name: string; city: string }[];
  const setCountry = db.prepare('UPDATE customers SET country = ? WHERE id = ?');
  const places = new Map<Id, { city: string; country: string }>();
  for (const r of rows) {
    const country = countryOf.get(r.city) ?? 'United States';
    setCountry.run(country, r.id);
    places.set(r.id, { city: r.city, country });
  }
  setEmails(db, 'customers', rows.map((r) => ({ id: r.id, email: `${slug(r.first_name)}.${slug(r.last_name)}.${r.id}@${pick(EMAIL_DOMAINS)}` })));
  return places;
}

/** Sales reps (employees 7+) take orders; shipping dates follow the status; most ship to the customer. */
function orders(db: Database.Database, rnd: Rnd, places: Map<Id, { city: string; country: string }>): void {
  const { int, pick } = helpers(rnd);
  const rows = db.prepare('SELECT id, customer_id, employee_id, status, ordered_at FROM orders ORDER BY id').all() as { id: Id; customer_id: Id; employee_id: number | null; status: string; ordered_at: string }[];
  const set = db.prepare('UPDATE orders SET employee_id = ?, shipped_at = ?, ship_city = ?, ship_country = ? WHERE id = ?');
  for (const r of rows) {
    const employee = r.employee_id !== null && r.employee_id >= 7 ? r.employee_id : int(7, 60);
    const shipped = SHIPPED.has(r.status) ? iso(parseTs(r.ordered_at) + int(1, 6) * DAY) : null;
    const [city, country] = rnd() < 0.85 ? [places.get(r.customer_id)!.city, places.get(r.customer_id)!.country] : pick(CITIES);
    set.run(employee, shipped, city, country, r.id);
  }
}

/** Lines numbered 1..n per order at the product's price; an order the generator left empty gets one line. */
function orderItems(db: Database.Database, rnd: Rnd, prices: Map<number, number>): void {
  const { int } = helpers(rnd);
  db.prepare('UPDATE order_items SET line_no = -rowid').run();
  const rows = db.prepare('SELECT rowid AS rid, order_id, product_id FROM order_items ORDER BY order_id, -line_no').all() as { rid: Id; order_id: Id; product_id: number }[];
  const set = db.prepare('UPDATE order_items SET line_no = ?, unit_price = ? WHERE rowid = ?');
  let prev: Id | undefined;
  let line = 0;
  for (const r of rows) {
    line = r.order_id === prev ? line + 1 : 1;
    prev = r.order_id;
    set.run(line, prices.get(r.product_id)!.toFixed(2), r.rid);
  }
  // Stored in key order, as a shop's system would have written them.
  db.exec('CREATE TEMP TABLE sorted_items AS SELECT * FROM order_items ORDER BY order_id, line_no; DELETE FROM order_items; INSERT INTO order_items SELECT * FROM sorted_items; DROP TABLE sorted_items');
  const empty = db.prepare('SELECT id FROM orders o WHERE NOT EXISTS (SELECT 1 FROM order_items i WHERE i.order_id = o.id) ORDER BY id').pluck().all() as Id[];
  const add = db.prepare('INSERT INTO order_items (order_id, line_no, product_id, quantity, unit_price, discount) VALUES (?, 1, ?, ?, ?, 0)');
  for (const id of empty) {
    const product = int(1, prices.size);
    add.run(id, product, int(1, 3), prices.get(product)!.toFixed(2));
  }
}

/** Applies the rules to the tables the first generator run filled. */
export function applyDemoRules(db: Database.Database, rnd: Rnd): void {
  suppliers(db);
  const prices = products(db, rnd);
  employees(db, rnd);
  orders(db, rnd, customers(db, rnd));
  orderItems(db, rnd, prices);
}

/** Paid orders, the ones that get a payment. */
export function countPaidOrders(db: Database.Database): number {
  return db.prepare(`SELECT count(*) FROM orders WHERE status IN (${PAID_STATUSES.map(() => '?').join(', ')})`).pluck().get(...PAID_STATUSES) as number;
}

/** Links the generated payments to the paid orders, one each, for the order's total, soon after ordering. */
export function linkPayments(db: Database.Database, rnd: Rnd): void {
  const { int } = helpers(rnd);
  const paid = db
    .prepare(
      `SELECT o.id, o.ordered_at, round(sum(i.quantity * i.unit_price * (1 - i.discount)), 2) AS total
       FROM orders o JOIN order_items i ON i.order_id = o.id
       WHERE o.status IN (${PAID_STATUSES.map(() => '?').join(', ')}) GROUP BY o.id ORDER BY o.id`,
    )
    .all(...PAID_STATUSES) as { id: Id; ordered_at: string; total: number }[];
  const payments = db.prepare('SELECT id FROM payments ORDER BY id').pluck().all() as Id[];
  if (payments.length !== paid.length) throw new Error(`demo: ${payments.length} payments were generated for ${paid.length} paid orders`);
  const set = db.prepare('UPDATE payments SET order_id = ?, amount = ?, paid_at = ? WHERE id = ?');
  payments.forEach((id, i) => {
    const o = paid[i]!;
    set.run(o.id, o.total.toFixed(2), iso(parseTs(o.ordered_at) + int(0, 3600) * 1000), id);
  });
}
