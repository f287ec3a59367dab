/** PostgreSQL introspection: a small hand-made schema with exact expectations, and Pagila. */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConnectionUrl } from '../../src/shared/connection';
import { snapshotCounts, type SchemaSnapshot } from '../../src/shared/schema';
import { postgresDriver } from '../../src/main/drivers/postgres/index';
import type { DriverConnection } from '../../src/main/drivers/types';
import { createPgDatabase } from '../harness/databases';
import { rowsOf } from '../harness/collect';
import { evalDataset, evalMissing } from '../harness/evalData';
import { loadPagila } from '../harness/loadPagila';
import { MISSING_PG, pgUrl } from '../harness/servers';

const server = pgUrl();
const suite = server ? describe : describe.skip;

const SHOP = `
CREATE SCHEMA shop;
CREATE TYPE shop.mood AS ENUM ('happy', 'sad', 'meh');
CREATE TABLE shop.customer (
  region text NOT NULL,
  id int NOT NULL,
  email varchar(120) UNIQUE,
  mood shop.mood DEFAULT 'happy',
  PRIMARY KEY (region, id)
);
COMMENT ON TABLE shop.customer IS 'People who buy';
COMMENT ON COLUMN shop.customer.email IS 'Login e-mail';
CREATE TABLE shop.orders (
  order_id bigserial PRIMARY KEY,
  region text NOT NULL,
  customer_id int NOT NULL,
  amount numeric(10,2) CONSTRAINT amount_positive CHECK (amount >= 0),
  CONSTRAINT orders_customer_fk FOREIGN KEY (region, customer_id)
    REFERENCES shop.customer (region, id) ON DELETE CASCADE ON UPDATE RESTRICT
);
CREATE INDEX orders_customer_idx ON shop.orders (region, customer_id);
CREATE INDEX orders_lower_region_idx ON shop.orders (lower(region));
CREATE VIEW shop.big_orders AS SELECT order_id, amount FROM shop.orders WHERE amount > 100;
CREATE MATERIALIZED VIEW shop.totals AS SELECT region, sum(amount) AS total FROM shop.orders GROUP BY region;
CREATE FUNCTION shop.add(a integer, b integer) RETURNS integer LANGUAGE sql AS 'SELECT a + b';
CREATE PROCEDURE shop.noop(x text) LANGUAGE sql AS 'SELECT 1';
INSERT INTO shop.customer VALUES ('eu', 1, 'a@example.com', 'sad');
ANALYZE shop.customer;
`;

suite(server ? 'PostgreSQL introspection' : MISSING_PG, () => {
  let conn: DriverConnection;
  let snap: SchemaSnapshot;

  beforeAll(async () => {
    const url = await createPgDatabase(server!, 'qg_pgi');
    conn = await postgresDriver.connect(parseConnectionUrl(url));
    await rowsOf(conn, SHOP);
    snap = await conn.introspect();
  });
  afterAll(async () => {
    await conn?.close();
  });

  it('lists schemas, relations of every kind, enums and routines, sorted by name', () => {
    expect(snap.engine).toBe('postgres');
    expect(snap.database).toMatch(/^qg_pgi_/);
    expect(snap.serverVersion).toMatch(/^PostgreSQL \d+/);
    expect(snap.schemas.map((s) => s.name)).toEqual(['public', 'shop']);
    const shop = snap.schemas[1]!;
    expect(shop.tables.map((t) => [t.name, t.kind])).toEqual([
      ['big_orders', 'view'],
      ['customer', 'table'],
      ['orders', 'table'],
      ['totals', 'materialized_view'],
    ]);
    expect(shop.enums).toEqual([{ name: 'mood', values: ['happy', 'sad', 'meh'] }]);
    expect(shop.routines).toEqual([
      { name: 'add', kind: 'function', signature: '(a integer, b integer) returns integer' },
      { name: 'noop', kind: 'procedure', signature: '(IN x text)' },
    ]);
    expect(shop.tables[0]!.definition).toContain('amount > 100');
  });

  it('describes a table with composite key, unique constraint, comments and row estimate', () => {
    const customer = snap.schemas[1]!.tables.find((t) => t.name === 'customer')!;
    expect(customer).toEqual({
      name: 'customer',
      kind: 'table',
      comment: 'People who buy',
      rowEstimate: 1,
      columns: [
        {
          name: 'region',
          dataType: 'text',
          nullable: false,
          default: null,
          comment: null,
          ordinal: 1,
        },
        {
          name: 'id',
          dataType: 'integer',
          nullable: false,
          default: null,
          comment: null,
          ordinal: 2,
        },
        {
          name: 'email',
          dataType: 'character varying(120)',
          nullable: true,
          default: null,
          comment: 'Login e-mail',
          ordinal: 3,
        },
        {
          name: 'mood',
          dataType: 'shop.mood',
          nullable: true,
          default: "'happy'::shop.mood",
          comment: null,
          ordinal: 4,
        },
      ],
      primaryKey: ['region', 'id'],
      foreignKeys: [],
      indexes: [
        { name: 'customer_email_key', columns: ['email'], unique: true },
        { name: 'customer_pkey', columns: ['region', 'id'], unique: true, primary: true },
      ],
      constraints: [{ name: 'customer_email_key', kind: 'unique', columns: ['email'] }],
    });
  });

  it('describes a composite foreign key, a check constraint, serial and expression indexes', () => {
    const orders = snap.schemas[1]!.tables.find((t) => t.name === 'orders')!;
    expect(orders.rowEstimate).toBeNull(); // never analysed: reltuples = -1
    expect(orders.columns[0]).toEqual({
      name: 'order_id',
      dataType: 'bigint',
      nullable: false,
      default: "nextval('shop.orders_order_id_seq'::regclass)",
      comment: null,
      ordinal: 1,
      autoIncrement: true,
    });
    expect(orders.foreignKeys).toEqual([
      {
        name: 'orders_customer_fk',
        columns: ['region', 'customer_id'],
        refSchema: 'shop',
        refTable: 'customer',
        refColumns: ['region', 'id'],
        onDelete: 'CASCADE',
        onUpdate: 'RESTRICT',
      },
    ]);
    expect(orders.constraints).toEqual([
      {
        name: 'amount_positive',
        kind: 'check',
        columns: ['amount'],
        definition: 'CHECK (amount >= 0::numeric)',
      },
    ]);
    expect(orders.indexes).toEqual([
      { name: 'orders_customer_idx', columns: ['region', 'customer_id'], unique: false },
      { name: 'orders_lower_region_idx', columns: ['lower(region)'], unique: false },
      { name: 'orders_pkey', columns: ['order_id'], unique: true, primary: true },
    ]);
  });

  it('names-only mode lists relations without details; a table filter loads one table', async () => {
    const names = await conn.introspect({ namesOnly: true });
    const shop = names.schemas.find((s) => s.name === 'shop')!;
    expect(shop.tables.map((t) => t.name)).toEqual(['big_orders', 'customer', 'orders', 'totals']);
    expect(shop.tables.every((t) => t.partial === true && t.columns.length === 0)).toBe(true);
    const one = await conn.introspect({ schemas: ['shop'], tables: ['shop.orders'] });
    expect(one.schemas.map((s) => s.name)).toEqual(['shop']);
    expect(one.schemas[0]!.tables.map((t) => t.name)).toEqual(['orders']);
    expect(one.schemas[0]!.tables[0]!.foreignKeys).toHaveLength(1);
  });
});

const pagilaDir = evalDataset('pagila');
const pagilaSuite = server && pagilaDir ? describe : describe.skip;

pagilaSuite(
  !server
    ? MISSING_PG
    : !pagilaDir
      ? `Pagila introspection ${evalMissing('pagila')}`
      : 'Pagila introspection',
  () => {
    let url: string;
    beforeAll(async () => {
      url = await loadPagila(server!);
    }, 120_000);

    it('matches table, column, foreign-key and index counts read straight from the catalogs', async () => {
      const conn = await postgresDriver.connect(parseConnectionUrl(url));
      const snap = await conn.introspect().finally(() => conn.close());
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      const count = async (sql: string): Promise<number> => Number((await c.query(sql)).rows[0].n);
      try {
        const expected = {
          tables: await count(
            `SELECT count(*) AS n FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
          ),
          views: await count(
            `SELECT (SELECT count(*) FROM information_schema.views WHERE table_schema = 'public') + (SELECT count(*) FROM pg_matviews WHERE schemaname = 'public') AS n`,
          ),
          columns:
            await count(`SELECT (SELECT count(*) FROM information_schema.columns WHERE table_schema = 'public')
          + (SELECT count(*) FROM pg_attribute a JOIN pg_matviews m ON a.attrelid = (quote_ident(m.schemaname) || '.' || quote_ident(m.matviewname))::regclass
             WHERE m.schemaname = 'public' AND a.attnum > 0 AND NOT a.attisdropped) AS n`),
          foreignKeys: await count(
            `SELECT count(*) AS n FROM information_schema.table_constraints WHERE table_schema = 'public' AND constraint_type = 'FOREIGN KEY'`,
          ),
          indexes: await count(`SELECT count(*) AS n FROM pg_indexes WHERE schemaname = 'public'`),
        };
        expect(snapshotCounts(snap)).toEqual(expected);
        expect(expected.tables).toBeGreaterThanOrEqual(15);
        expect(expected.foreignKeys).toBeGreaterThanOrEqual(15);
        const film = snap.schemas
          .find((s) => s.name === 'public')!
          .tables.find((t) => t.name === 'film')!;
        expect(film.primaryKey).toEqual(['film_id']);
        expect(film.foreignKeys.map((f) => f.refTable).sort()).toEqual(['language', 'language']);
        expect(snap.schemas[0]!.enums.map((e) => e.name)).toContain('mpaa_rating');
        const [rentals] = (await c.query('SELECT count(*)::int AS n FROM public.rental')).rows;
        expect(rentals.n).toBe(16044);
      } finally {
        await c.end();
      }
    });
  },
);
