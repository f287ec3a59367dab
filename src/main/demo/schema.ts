/** The demo database's DDL: keys, foreign keys, checks, indexes and one view. */
export const DEMO_SCHEMA_SQL = `
CREATE TABLE categories (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL UNIQUE,
  description TEXT
);
CREATE TABLE suppliers (
  id           INTEGER PRIMARY KEY,
  company_name TEXT NOT NULL,
  contact_name TEXT,
  email        TEXT NOT NULL UNIQUE,
  phone        TEXT,
  city         TEXT NOT NULL,
  country      TEXT NOT NULL
);
CREATE TABLE products (
  id             INTEGER PRIMARY KEY,
  sku            TEXT NOT NULL UNIQUE,
  name           TEXT NOT NULL,
  category_id    INTEGER NOT NULL REFERENCES categories(id),
  unit_price     NUMERIC(10,2) NOT NULL CHECK (unit_price >= 0),
  units_in_stock INTEGER NOT NULL DEFAULT 0 CHECK (units_in_stock >= 0),
  discontinued   INTEGER NOT NULL DEFAULT 0 CHECK (discontinued IN (0, 1)),
  created_at     TEXT NOT NULL
);
CREATE INDEX products_category_id ON products(category_id);
CREATE TABLE product_suppliers (
  product_id     INTEGER NOT NULL REFERENCES products(id) ON DELETE CASCADE,
  supplier_id    INTEGER NOT NULL REFERENCES suppliers(id) ON DELETE CASCADE,
  cost_price     NUMERIC(10,2) NOT NULL,
  lead_time_days INTEGER NOT NULL CHECK (lead_time_days BETWEEN 1 AND 120),
  PRIMARY KEY (product_id, supplier_id)
);
CREATE INDEX product_suppliers_supplier_id ON product_suppliers(supplier_id);
CREATE TABLE employees (
  id         INTEGER PRIMARY KEY,
  first_name TEXT NOT NULL,
  last_name  TEXT NOT NULL,
  title      TEXT NOT NULL,
  email      TEXT NOT NULL UNIQUE,
  hired_on   TEXT NOT NULL,
  manager_id INTEGER REFERENCES employees(id)
);
CREATE INDEX employees_manager_id ON employees(manager_id);
CREATE TABLE customers (
  id         INTEGER PRIMARY KEY,
  first_name TEXT NOT NULL,
  last_name  TEXT NOT NULL,
  email      TEXT NOT NULL UNIQUE,
  phone      TEXT,
  city       TEXT NOT NULL,
  country    TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX customers_country_city ON customers(country, city);
CREATE TABLE orders (
  id           INTEGER PRIMARY KEY,
  customer_id  INTEGER NOT NULL REFERENCES customers(id),
  employee_id  INTEGER REFERENCES employees(id) ON DELETE SET NULL,
  status       TEXT NOT NULL CHECK (status IN ('pending','processing','shipped','delivered','cancelled','refunded')),
  ordered_at   TEXT NOT NULL,
  shipped_at   TEXT,
  ship_city    TEXT NOT NULL,
  ship_country TEXT NOT NULL
);
CREATE INDEX orders_customer_id ON orders(customer_id);
CREATE INDEX orders_employee_id ON orders(employee_id);
CREATE INDEX orders_ordered_at ON orders(ordered_at);
CREATE TABLE order_items (
  order_id   INTEGER NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
  line_no    INTEGER NOT NULL,
  product_id INTEGER NOT NULL REFERENCES products(id),
  quantity   INTEGER NOT NULL CHECK (quantity > 0),
  unit_price NUMERIC(10,2) NOT NULL,
  discount   REAL NOT NULL DEFAULT 0 CHECK (discount >= 0 AND discount < 1),
  PRIMARY KEY (order_id, line_no)
);
CREATE INDEX order_items_product_id ON order_items(product_id);
CREATE TABLE payments (
  id       INTEGER PRIMARY KEY,
  order_id INTEGER NOT NULL REFERENCES orders(id),
  method   TEXT NOT NULL CHECK (method IN ('card','paypal','bank_transfer','gift_card')),
  amount   NUMERIC(12,2) NOT NULL CHECK (amount >= 0),
  paid_at  TEXT NOT NULL
);
CREATE INDEX payments_order_id ON payments(order_id);
CREATE VIEW order_totals AS
  SELECT o.id AS order_id, o.customer_id, o.status, o.ordered_at,
         ROUND(SUM(i.quantity * i.unit_price * (1 - i.discount)), 2) AS total
  FROM orders o JOIN order_items i ON i.order_id = o.id
  GROUP BY o.id;
`;
