import { describe, expect, it } from 'vitest';
import type { TableInfo } from '../../../shared/schema';
import { buildDdl, qualifiedName, quoteIdent, selectFirstRowsSql } from './sqlText';

const orders: TableInfo = {
  name: 'orders',
  kind: 'table',
  comment: null,
  rowEstimate: 10,
  columns: [
    {
      name: 'customer_id',
      dataType: 'INTEGER',
      nullable: false,
      default: null,
      comment: null,
      ordinal: 2,
    },
    {
      name: 'id',
      dataType: 'INTEGER',
      nullable: false,
      default: null,
      comment: null,
      ordinal: 1,
      autoIncrement: true,
    },
    {
      name: 'Status',
      dataType: 'TEXT',
      nullable: true,
      default: "'new'",
      comment: null,
      ordinal: 3,
    },
  ],
  primaryKey: ['id'],
  foreignKeys: [
    {
      name: 'fk_cust',
      columns: ['customer_id'],
      refSchema: 'main',
      refTable: 'customers',
      refColumns: ['id'],
      onDelete: 'CASCADE',
      onUpdate: 'NO ACTION',
    },
  ],
  indexes: [
    { name: 'orders_customer', columns: ['customer_id'], unique: false },
    { name: 'pk', columns: ['id'], unique: true, primary: true },
  ],
  constraints: [
    {
      name: 'orders_check1',
      kind: 'check',
      columns: ['Status'],
      definition: "Status IN ('new','done')",
    },
  ],
};

describe('explorer SQL text', () => {
  it('quotes identifiers per engine and escapes the quote character', () => {
    expect(quoteIdent('postgres', 'we"ird')).toBe('"we""ird"');
    expect(quoteIdent('mysql', 'a`b')).toBe('`a``b`');
    expect(quoteIdent('mssql', 'a]b')).toBe('[a]]b]');
  });

  it('leaves out the default schema and quotes only names that need it', () => {
    expect(qualifiedName('sqlite', 'main', 'orders')).toBe('orders');
    expect(qualifiedName('postgres', 'public', 'Order Items')).toBe('"Order Items"');
    expect(qualifiedName('postgres', 'sales', 'order')).toBe('sales."order"');
    expect(qualifiedName('mysql', 'shop', 'orders', 'shop')).toBe('orders');
    expect(qualifiedName('mssql', 'hr', 'People')).toBe('hr.[People]');
  });

  it('selects the first 100 rows in each dialect', () => {
    expect(selectFirstRowsSql('sqlite', 'main', 'orders')).toBe(
      'SELECT *\nFROM orders\nLIMIT 100;',
    );
    expect(selectFirstRowsSql('mssql', 'dbo', 'orders')).toBe('SELECT TOP 100 *\nFROM orders;');
    expect(selectFirstRowsSql('mysql', 'other', 'my table', 100, 'shop')).toBe(
      'SELECT *\nFROM other.`my table`\nLIMIT 100;',
    );
  });

  it('rebuilds a CREATE TABLE with keys, checks and indexes in column order', () => {
    const ddl = buildDdl('postgres', 'public', orders);
    expect(ddl).toBe(
      [
        'CREATE TABLE orders (',
        '  id INTEGER NOT NULL,',
        '  customer_id INTEGER NOT NULL,',
        `  "Status" TEXT DEFAULT 'new',`,
        '  PRIMARY KEY (id),',
        '  CONSTRAINT fk_cust FOREIGN KEY (customer_id) REFERENCES main.customers (id) ON DELETE CASCADE,',
        `  CONSTRAINT orders_check1 CHECK (Status IN ('new','done'))`,
        ');',
        'CREATE INDEX orders_customer ON orders (customer_id);',
      ].join('\n'),
    );
    expect(buildDdl('sqlite', 'main', orders)).toContain('id INTEGER PRIMARY KEY,');
    expect(buildDdl('sqlite', 'main', orders)).not.toContain('AUTOINCREMENT');
  });

  it('writes a view from its definition', () => {
    const view: TableInfo = { ...orders, kind: 'view', definition: 'SELECT 1 AS x', columns: [] };
    expect(buildDdl('postgres', 'public', { ...view, name: 'v' })).toBe(
      'CREATE VIEW v AS\nSELECT 1 AS x;',
    );
    expect(buildDdl('sqlite', 'main', { ...view, definition: 'CREATE VIEW v AS SELECT 1;' })).toBe(
      'CREATE VIEW v AS SELECT 1;',
    );
  });
});
