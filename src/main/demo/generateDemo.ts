/**
 * Generates the built-in demo database deterministically: a small coffee-and-tea retailer with
 * customers, products, categories, suppliers, a product↔supplier many-to-many, employees (with a
 * manager self-reference), orders, order items and payments — about 70,000 rows with primary keys,
 * foreign keys, checks and indexes. The same seed always yields the same bytes of data.
 */
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { CATEGORIES, CITIES, COMPANY_SUFFIXES, COMPANY_WORDS, EMAIL_DOMAINS, FIRST_NAMES, LAST_NAMES, PRODUCT_ADJECTIVES, TITLES } from './data';
import { DEMO_SCHEMA_SQL } from './schema';

/** Sizes of the generated tables. */
export const DEMO_SIZES = { suppliers: 40, products: 480, employees: 60, customers: 5_000, orders: 15_000 };

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

/** Writes the demo database to `file` (via a temp file and a rename, so a crash leaves nothing half-made). */
export function generateDemoDatabase(file: string, seed = 20261122): { rows: number } {
  const tmp = `${file}.tmp-${process.pid}`;
  fs.rmSync(tmp, { force: true });
  const db = new Database(tmp);
  let rows = 0;
  try {
    db.pragma('journal_mode = OFF');
    db.pragma('synchronous = OFF');
    db.exec(DEMO_SCHEMA_SQL);
    db.transaction(() => {
      rows = fill(db, createRandom(seed));
    })();
    db.exec('ANALYZE');
    db.close();
    fs.renameSync(tmp, file);
    return { rows };
  } catch (err) {
    if (db.open) db.close();
    fs.rmSync(tmp, { force: true });
    throw err;
  }
}

function fill(db: Database.Database, rnd: () => number): number {
  const int = (lo: number, hi: number): number => lo + Math.floor(rnd() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const money = (lo: number, hi: number): string => (lo + rnd() * (hi - lo)).toFixed(2);
  const day = (start: number, spanDays: number): Date => new Date(start + Math.floor(rnd() * spanDays) * 86_400_000 + int(8, 20) * 3_600_000 + int(0, 59) * 60_000);
  const iso = (d: Date): string => d.toISOString().slice(0, 19).replace('T', ' ');
  const slug = (s: string): string => s.normalize('NFD').replace(/[^\w]/g, '').toLowerCase();
  const phone = (): string => `+${int(1, 99)} ${int(100, 999)} ${int(100, 999)} ${int(1000, 9999)}`;
  let rows = 0;

  const insCategory = db.prepare('INSERT INTO categories (id, name, description) VALUES (?, ?, ?)');
  CATEGORIES.forEach((c, i) => insCategory.run(i + 1, c.name, c.description));
  rows += CATEGORIES.length;

  const insSupplier = db.prepare('INSERT INTO suppliers (id, company_name, contact_name, email, phone, city, country) VALUES (?, ?, ?, ?, ?, ?, ?)');
  for (let i = 1; i <= DEMO_SIZES.suppliers; i++) {
    const company = `${COMPANY_WORDS[(i - 1) % COMPANY_WORDS.length]} ${pick(COMPANY_SUFFIXES)}`;
    const [city, country] = pick(CITIES);
    const contact = `${pick(FIRST_NAMES)} ${pick(LAST_NAMES)}`;
    insSupplier.run(i, company, contact, `orders${i}@${slug(company.split(' ')[0]!)}.example.com`, phone(), city, country);
  }
  rows += DEMO_SIZES.suppliers;

  const insProduct = db.prepare('INSERT INTO products (id, sku, name, category_id, unit_price, units_in_stock, discontinued, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  const insProductSupplier = db.prepare('INSERT INTO product_suppliers (product_id, supplier_id, cost_price, lead_time_days) VALUES (?, ?, ?, ?)');
  const prices: number[] = [0];
  const t2022 = Date.UTC(2022, 0, 1);
  for (let i = 1; i <= DEMO_SIZES.products; i++) {
    const catIndex = (i - 1) % CATEGORIES.length;
    const cat = CATEGORIES[catIndex]!;
    const name = `${PRODUCT_ADJECTIVES[Math.floor((i - 1) / CATEGORIES.length) % PRODUCT_ADJECTIVES.length]} ${cat.nouns[(i - 1) % cat.nouns.length]}`;
    const price = Number(money(cat.price[0], cat.price[1]));
    prices.push(price);
    insProduct.run(i, `SKU-${String(catIndex + 1).padStart(2, '0')}-${String(i).padStart(5, '0')}`, `${name} #${Math.ceil(i / 120)}`, catIndex + 1, price.toFixed(2), int(0, 500), rnd() < 0.05 ? 1 : 0, iso(day(t2022, 365)));
    const supplierCount = int(1, 3);
    const first = int(1, DEMO_SIZES.suppliers);
    for (let s = 0; s < supplierCount; s++) {
      const supplierId = ((first + s * 7 - 1) % DEMO_SIZES.suppliers) + 1;
      insProductSupplier.run(i, supplierId, (price * (0.45 + rnd() * 0.2)).toFixed(2), int(2, 45));
      rows++;
    }
  }
  rows += DEMO_SIZES.products;

  const insEmployee = db.prepare('INSERT INTO employees (id, first_name, last_name, title, email, hired_on, manager_id) VALUES (?, ?, ?, ?, ?, ?, ?)');
  for (let i = 1; i <= DEMO_SIZES.employees; i++) {
    const first = pick(FIRST_NAMES);
    const last = pick(LAST_NAMES);
    const title = i === 1 ? TITLES[0]! : i <= 6 ? TITLES[1]! : pick(TITLES.slice(2));
    const manager = i === 1 ? null : i <= 6 ? 1 : int(2, 6);
    insEmployee.run(i, first, last, title, `${slug(first)}.${slug(last)}${i}@querygenie-demo.example`, iso(day(Date.UTC(2016, 0, 1), 2500)).slice(0, 10), manager);
  }
  rows += DEMO_SIZES.employees;

  const insCustomer = db.prepare('INSERT INTO customers (id, first_name, last_name, email, phone, city, country, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  for (let i = 1; i <= DEMO_SIZES.customers; i++) {
    const first = pick(FIRST_NAMES);
    const last = pick(LAST_NAMES);
    const [city, country] = pick(CITIES);
    insCustomer.run(i, first, last, `${slug(first)}.${slug(last)}.${i}@${pick(EMAIL_DOMAINS)}`, rnd() < 0.15 ? null : phone(), city, country, iso(day(t2022, 900)));
  }
  rows += DEMO_SIZES.customers;

  const insOrder = db.prepare('INSERT INTO orders (id, customer_id, employee_id, status, ordered_at, shipped_at, ship_city, ship_country) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  const insItem = db.prepare('INSERT INTO order_items (order_id, line_no, product_id, quantity, unit_price, discount) VALUES (?, ?, ?, ?, ?, ?)');
  const insPayment = db.prepare('INSERT INTO payments (id, order_id, method, amount, paid_at) VALUES (?, ?, ?, ?, ?)');
  const statuses = ['delivered', 'delivered', 'delivered', 'delivered', 'shipped', 'shipped', 'processing', 'pending', 'cancelled', 'refunded'];
  const methods = ['card', 'card', 'card', 'paypal', 'bank_transfer', 'gift_card'];
  let paymentId = 0;
  for (let i = 1; i <= DEMO_SIZES.orders; i++) {
    const customer = int(1, DEMO_SIZES.customers);
    const [city, country] = pick(CITIES);
    const ordered = day(Date.UTC(2023, 0, 1), 1000);
    const status = pick(statuses);
    const shipped = status === 'delivered' || status === 'shipped' || status === 'refunded' ? iso(new Date(ordered.getTime() + int(1, 6) * 86_400_000)) : null;
    insOrder.run(i, customer, int(7, DEMO_SIZES.employees), status, iso(ordered), shipped, city, country);
    const lines = int(1, 4);
    let total = 0;
    for (let line = 1; line <= lines; line++) {
      const product = int(1, DEMO_SIZES.products);
      const qty = rnd() < 0.8 ? int(1, 3) : int(4, 12);
      const discount = rnd() < 0.85 ? 0 : pick([0.05, 0.1, 0.15, 0.2]);
      insItem.run(i, line, product, qty, prices[product]!.toFixed(2), discount);
      total += qty * prices[product]! * (1 - discount);
    }
    rows += 1 + lines;
    if (status !== 'pending' && status !== 'cancelled') {
      insPayment.run(++paymentId, i, pick(methods), total.toFixed(2), iso(new Date(ordered.getTime() + int(0, 3600) * 1000)));
      rows++;
    }
  }
  return rows;
}
