/** MySQL/MariaDB introspection: a small hand-made schema with exact expectations, and Sakila. */
import mysql from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConnectionUrl } from '../../src/shared/connection';
import { snapshotCounts, type SchemaSnapshot } from '../../src/shared/schema';
import { mysqlDriver } from '../../src/main/drivers/mysql/index';
import type { DriverConnection } from '../../src/main/drivers/types';
import { createMysqlDatabase } from '../harness/databases';
import { run } from '../harness/collect';
import { evalDataset, evalMissing } from '../harness/evalData';
import { loadSakila } from '../harness/loadSakila';
import { MISSING_MYSQL, mysqlUrl } from '../harness/servers';

const server = mysqlUrl();
const suite = server ? describe : describe.skip;

const SHOP = [
  `CREATE TABLE customer (
    region VARCHAR(10) NOT NULL,
    id INT NOT NULL,
    email VARCHAR(120) COMMENT 'Login e-mail',
    mood ENUM('happy', 'sad', 'it''s ok') DEFAULT 'happy',
    PRIMARY KEY (region, id),
    UNIQUE KEY customer_email_key (email)
  ) COMMENT = 'People who buy'`,
  `CREATE TABLE orders (
    order_id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    region VARCHAR(10) NOT NULL,
    customer_id INT NOT NULL,
    amount DECIMAL(10,2),
    CONSTRAINT amount_positive CHECK (amount >= 0),
    KEY orders_customer_idx (region, customer_id),
    CONSTRAINT orders_customer_fk FOREIGN KEY (region, customer_id)
      REFERENCES customer (region, id) ON DELETE CASCADE ON UPDATE RESTRICT
  )`,
  'CREATE VIEW big_orders AS SELECT order_id, amount FROM orders WHERE amount > 100',
  'CREATE FUNCTION add2(a INT, b INT) RETURNS INT DETERMINISTIC RETURN a + b',
  'CREATE PROCEDURE noop(IN x TEXT) SELECT 1',
];

suite(server ? 'MySQL/MariaDB introspection' : MISSING_MYSQL, () => {
  let conn: DriverConnection;
  let snap: SchemaSnapshot;
  let db: string;

  beforeAll(async () => {
    const url = await createMysqlDatabase(server!, 'qg_myi');
    db = new URL(url).pathname.slice(1);
    conn = await mysqlDriver.connect(parseConnectionUrl(url));
    for (const s of SHOP) await run(conn, s);
    snap = await conn.introspect();
  });
  afterAll(async () => {
    await conn?.close();
  });

  it('lists the database as the single schema with tables, views, enum columns and routines', () => {
    expect(snap.engine).toBe('mysql');
    expect(snap.database).toBe(db);
    expect(snap.serverVersion).toMatch(/^(MariaDB|MySQL) \d+/);
    expect(snap.schemas.map((s) => s.name)).toEqual([db]);
    const s = snap.schemas[0]!;
    expect(s.tables.map((t) => [t.name, t.kind])).toEqual([
      ['big_orders', 'view'],
      ['customer', 'table'],
      ['orders', 'table'],
    ]);
    expect(s.enums).toEqual([{ name: 'customer.mood', values: ['happy', 'sad', "it's ok"] }]);
    expect(s.routines).toEqual([
      { name: 'add2', kind: 'function', signature: '(a int(11), b int(11)) returns int(11)' },
      { name: 'noop', kind: 'procedure', signature: '(IN x text)' },
    ]);
    expect(s.tables[0]!.definition).toContain('100');
    expect(s.tables[0]!.comment).toBeNull();
  });

  it('describes a table with composite key, unique constraint, comments and enum column', () => {
    const customer = snap.schemas[0]!.tables.find((t) => t.name === 'customer')!;
    expect(customer).toEqual({
      name: 'customer',
      kind: 'table',
      comment: 'People who buy',
      rowEstimate: 0,
      columns: [
        {
          name: 'region',
          dataType: 'varchar(10)',
          nullable: false,
          default: null,
          comment: null,
          ordinal: 1,
        },
        {
          name: 'id',
          dataType: 'int(11)',
          nullable: false,
          default: null,
          comment: null,
          ordinal: 2,
        },
        {
          name: 'email',
          dataType: 'varchar(120)',
          nullable: true,
          default: null,
          comment: 'Login e-mail',
          ordinal: 3,
        },
        {
          name: 'mood',
          dataType: "enum('happy','sad','it''s ok')",
          nullable: true,
          default: "'happy'",
          comment: null,
          ordinal: 4,
        },
      ],
      primaryKey: ['region', 'id'],
      foreignKeys: [],
      indexes: [
        { name: 'PRIMARY', columns: ['region', 'id'], unique: true, primary: true },
        { name: 'customer_email_key', columns: ['email'], unique: true },
      ],
      constraints: [{ name: 'customer_email_key', kind: 'unique', columns: ['email'] }],
    });
  });

  it('describes a composite foreign key, a check constraint and auto-increment', () => {
    const orders = snap.schemas[0]!.tables.find((t) => t.name === 'orders')!;
    expect(orders.columns[0]).toEqual({
      name: 'order_id',
      dataType: 'bigint(20)',
      nullable: false,
      default: null,
      comment: null,
      ordinal: 1,
      autoIncrement: true,
    });
    expect(orders.primaryKey).toEqual(['order_id']);
    expect(orders.foreignKeys).toEqual([
      {
        name: 'orders_customer_fk',
        columns: ['region', 'customer_id'],
        refSchema: db,
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
        definition: 'CHECK (`amount` >= 0)',
      },
    ]);
    expect(orders.indexes).toEqual([
      { name: 'PRIMARY', columns: ['order_id'], unique: true, primary: true },
      { name: 'orders_customer_idx', columns: ['region', 'customer_id'], unique: false },
    ]);
  });

  it('names-only mode lists relations without details; a table filter loads one table', async () => {
    const names = await conn.introspect({ namesOnly: true });
    expect(names.schemas[0]!.tables.map((t) => t.name)).toEqual([
      'big_orders',
      'customer',
      'orders',
    ]);
    expect(
      names.schemas[0]!.tables.every((t) => t.partial === true && t.columns.length === 0),
    ).toBe(true);
    const one = await conn.introspect({ tables: [`${db}.orders`] });
    expect(one.schemas[0]!.tables.map((t) => t.name)).toEqual(['orders']);
    expect(one.schemas[0]!.tables[0]!.foreignKeys).toHaveLength(1);
  });
});

const sakilaDir = evalDataset('sakila-mysql');
const sakilaSuite = server && sakilaDir ? describe : describe.skip;

sakilaSuite(
  !server
    ? MISSING_MYSQL
    : !sakilaDir
      ? `Sakila introspection ${evalMissing('sakila-mysql')}`
      : 'Sakila introspection',
  () => {
    let url: string;
    beforeAll(async () => {
      url = await loadSakila(server!);
    }, 120_000);

    it('matches table, column, foreign-key and index counts read straight from information_schema', async () => {
      const db = new URL(url).pathname.slice(1);
      const conn = await mysqlDriver.connect(parseConnectionUrl(url));
      const snap = await conn.introspect().finally(() => conn.close());
      const c = await mysql.createConnection(url);
      const count = async (sql: string): Promise<number> =>
        Number(((await c.query(sql, [db]))[0] as { n: number }[])[0]!.n);
      try {
        const expected = {
          tables: await count(
            `SELECT COUNT(*) AS n FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_TYPE = 'BASE TABLE'`,
          ),
          views: await count(
            `SELECT COUNT(*) AS n FROM information_schema.VIEWS WHERE TABLE_SCHEMA = ?`,
          ),
          columns: await count(
            `SELECT COUNT(*) AS n FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ?`,
          ),
          foreignKeys: await count(
            `SELECT COUNT(*) AS n FROM information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = ?`,
          ),
          indexes: await count(
            `SELECT COUNT(DISTINCT TABLE_NAME, INDEX_NAME) AS n FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = ?`,
          ),
        };
        expect(snapshotCounts(snap)).toEqual(expected);
        expect(expected).toMatchObject({ tables: 16, views: 7, foreignKeys: 22 });
        const film = snap.schemas[0]!.tables.find((t) => t.name === 'film')!;
        expect(film.primaryKey).toEqual(['film_id']);
        expect(film.foreignKeys.map((f) => f.refTable)).toEqual(['language', 'language']);
        expect(snap.schemas[0]!.enums.map((e) => e.name)).toContain('film.rating');
        const [rows] = await c.query('SELECT COUNT(*) AS n FROM rental');
        expect(Number((rows as { n: number }[])[0]!.n)).toBe(16044);
      } finally {
        await c.end();
      }
    });
  },
);
