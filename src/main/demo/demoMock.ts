/**
 * What the mock generator is asked for when it fills the demo database: row counts per table and
 * per-column overrides that give the data a coffee-and-tea retailer's flavour. Rules that tie
 * columns or tables together (totals, city↔country, shipping by status) are in demoRules.ts.
 */
import type { ColumnOverride, MockOptions } from '../mock';
import { CITIES, FIRST_NAMES, LAST_NAMES, TITLES } from './data';

/** Rows the generator makes per table (categories are reference data, payments follow the orders). */
export const DEMO_SIZES = {
  suppliers: 40,
  products: 480,
  product_suppliers: 960,
  employees: 60,
  customers: 5_000,
  orders: 15_000,
  order_items: 37_500,
} as const;

const day = 86_400_000;
const cities = [...new Set(CITIES.map(([city]) => city))];
/** `value` repeated `n` times: weights for a `values` list, which is drawn from uniformly. */
const times = <T>(value: T, n: number): T[] => Array.from({ length: n }, () => value);

const OVERRIDES: Record<string, ColumnOverride> = {
  'suppliers.company_name': { generator: 'company' },
  'suppliers.contact_name': { generator: 'fullName', nullRatio: 0 },
  'suppliers.city': { values: cities },
  'products.units_in_stock': { min: 0, max: 500 },
  'products.discontinued': { values: [...times(0, 19), 1] },
  // A fraction in ten-thousandths, scaled into each category's price range by the rules.
  'products.unit_price': { min: 0, max: 10_000 },
  'products.created_at': { generator: 'timestamp', min: Date.UTC(2022, 0, 1), max: Date.UTC(2022, 11, 31) },
  'product_suppliers.lead_time_days': { min: 2, max: 45, distribution: 'normal' },
  'employees.first_name': { values: FIRST_NAMES },
  'employees.last_name': { values: LAST_NAMES },
  'employees.title': { values: TITLES.slice(2) },
  'employees.hired_on': { generator: 'date', min: Date.UTC(2016, 0, 1), max: Date.UTC(2022, 10, 1) },
  'customers.first_name': { values: FIRST_NAMES },
  'customers.last_name': { values: LAST_NAMES },
  'customers.phone': { nullRatio: 0.15 },
  'customers.city': { values: cities },
  'customers.created_at': { generator: 'timestamp', min: Date.UTC(2022, 0, 1), max: Date.UTC(2022, 0, 1) + 900 * day },
  'orders.status': { values: [...times('delivered', 4), ...times('shipped', 2), 'processing', 'pending', 'cancelled', 'refunded'] },
  'orders.ordered_at': { generator: 'timestamp', min: Date.UTC(2023, 0, 1), max: Date.UTC(2023, 0, 1) + 1000 * day },
  'orders.employee_id': { nullRatio: 0 },
  // Renumbered 1..n within each order by the rules.
  'order_items.line_no': { min: 1, max: 1_000_000 },
  'order_items.quantity': { values: [...times(1, 5), ...times(2, 4), ...times(3, 3), 4, 5, 6, 8, 10, 12] },
  'order_items.discount': { values: [...times(0, 17), 0.05, 0.1, 0.15, 0.2] },
  'payments.method': { values: ['card', 'card', 'card', 'paypal', 'bank_transfer', 'gift_card'] },
};

/** The first generator run: every table but categories (reference data) and payments. */
export function demoMockOptions(seed: number): MockOptions {
  return { tables: Object.keys(DEMO_SIZES), rows: 0, rowsPerTable: { ...DEMO_SIZES }, seed, overrides: OVERRIDES };
}

/** The second run: one payment per paid order (the rules link each to its order). */
export function demoPaymentOptions(seed: number, paidOrders: number): MockOptions {
  return { tables: ['payments'], rows: paidOrders, seed: seed + 1, overrides: OVERRIDES };
}
