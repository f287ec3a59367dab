import { describe, expect, it } from 'vitest';
import type { SchemaSnapshot, TableInfo } from '../../../shared/schema';
import { buildSchemaIndex, complete, MAX_OPTIONS, quoteIdent } from './completion';

function table(name: string, columns: string[], kind: TableInfo['kind'] = 'table'): TableInfo {
  return {
    name,
    kind,
    comment: null,
    rowEstimate: null,
    columns: columns.map((c, i) => ({ name: c, dataType: 'integer', nullable: true, default: null, comment: null, ordinal: i + 1 })),
    primaryKey: [],
    foreignKeys: [],
    indexes: [],
    constraints: [],
  };
}

const snapshot: SchemaSnapshot = {
  engine: 'postgres',
  database: 'shop',
  capturedAt: '2026-01-01T00:00:00Z',
  schemas: [
    {
      name: 'public',
      tables: [
        table('customers', ['id', 'first_name', 'email']),
        table('orders', ['id', 'customer_id', 'ordered_at', 'status']),
        table('order_items', ['order_id', 'product_id', 'quantity']),
        table('order_totals', ['order_id', 'total'], 'view'),
      ],
      routines: [{ name: 'order_total', kind: 'function', signature: '(id int) returns numeric' }],
      enums: [],
    },
    { name: 'audit', tables: [table('orders', ['audit_id', 'changed_at'])], routines: [], enums: [] },
  ],
};
const index = buildSchemaIndex(snapshot, 'postgres');

/** Labels offered with the cursor at `|`. */
function labels(sql: string, explicit = false): string[] {
  const pos = sql.indexOf('|');
  const result = complete(index, sql.replace('|', ''), pos, explicit);
  return result ? result.options.map((o) => o.label) : [];
}

describe('schema completion', () => {
  it('offers the columns of an aliased table after `alias.`, wherever the FROM is', () => {
    expect(labels('SELECT o.| FROM orders o')).toEqual(['id', 'customer_id', 'ordered_at', 'status']);
    expect(labels('SELECT * FROM orders AS o JOIN customers c ON c.| = o.customer_id')).toEqual(['id', 'first_name', 'email']);
    expect(labels('SELECT * FROM orders o WHERE o.st|')).toContain('status');
  });

  it('offers columns after a table name and tables after a schema name', () => {
    expect(labels('SELECT customers.| FROM customers')).toEqual(['id', 'first_name', 'email']);
    expect(labels('SELECT * FROM audit.|')).toEqual(['orders']);
    expect(labels('SELECT a.| FROM audit.orders a')).toEqual(['audit_id', 'changed_at']);
  });

  it('offers tables and views (not keywords) after FROM and JOIN, also by a word inside the name', () => {
    const afterFrom = labels('SELECT * FROM ord|');
    expect(afterFrom).toEqual(expect.arrayContaining(['orders', 'order_items', 'order_totals']));
    expect(afterFrom).not.toContain('ORDER');
    expect(labels('SELECT * FROM orders o JOIN ite|')).toContain('order_items');
    expect(labels('SELECT * FROM |')).toContain('customers');
  });

  it('offers in-scope columns, functions and keywords in WHERE and the select list', () => {
    const where = labels('SELECT * FROM customers WHERE em|');
    expect(where).toEqual(expect.arrayContaining(['email', 'WHERE', 'order_total', 'count']));
    expect(labels('SELECT fir| FROM customers')).toContain('first_name');
  });

  it('stays quiet inside strings and comments and when nothing is typed', () => {
    expect(labels("SELECT 'o.|' FROM orders o")).toEqual([]);
    expect(labels('-- SELECT o.|')).toEqual([]);
    expect(labels('SELECT |')).toEqual([]);
  });

  it('uses only the statement at the cursor for aliases', () => {
    expect(labels('SELECT * FROM customers o;\nSELECT o.| FROM orders o')).toEqual([
      'id',
      'customer_id',
      'ordered_at',
      'status',
    ]);
  });

  it('caps huge table lists and asks to be re-queried instead of filtering a partial list', () => {
    const many: SchemaSnapshot = {
      ...snapshot,
      schemas: [{ name: 'public', routines: [], enums: [], tables: Array.from({ length: 10_000 }, (_, i) => table(`t_${String(i).padStart(5, '0')}`, ['id'])) }],
    };
    const big = buildSchemaIndex(many, 'postgres');
    const r = complete(big, 'SELECT * FROM t', 15, false)!;
    expect(r.options.length).toBeLessThanOrEqual(MAX_OPTIONS + 1);
    expect(r.validFor).toBeUndefined();
    const narrow = complete(big, 'SELECT * FROM t_0999', 20, false)!;
    expect(narrow.options.filter((o) => o.type === 'table').map((o) => o.label)).toEqual(Array.from({ length: 10 }, (_, i) => `t_0999${i}`));
    expect(narrow.validFor).toBeDefined();
  });

  it('quotes names that need it, per dialect', () => {
    expect(quoteIdent('Order Items', 'postgres')).toBe('"Order Items"');
    expect(quoteIdent('Orders', 'postgres')).toBe('"Orders"');
    expect(quoteIdent('Orders', 'sqlite')).toBe('Orders');
    expect(quoteIdent('order items', 'mysql')).toBe('`order items`');
    expect(quoteIdent('order items', 'mssql')).toBe('[order items]');
  });
});

describe('join conditions', () => {
  const fk = (columns: string[], refTable: string, refColumns: string[]) => ({ name: 'fk', columns, refSchema: 'public', refTable, refColumns, onDelete: 'NO ACTION', onUpdate: 'NO ACTION' });
  const withKeys: SchemaSnapshot = {
    ...snapshot,
    schemas: [
      {
        name: 'public',
        routines: [],
        enums: [],
        tables: [
          table('customers', ['id', 'email']),
          { ...table('orders', ['id', 'customer_id']), foreignKeys: [fk(['customer_id'], 'customers', ['id'])] },
        ],
      },
    ],
  };
  const keyed = buildSchemaIndex(withKeys, 'postgres');
  const at = (sql: string) => complete(keyed, sql.replace('|', ''), sql.indexOf('|'), false)?.options.map((o) => o.label) ?? [];

  it('offers the foreign-key condition after ON, whichever side holds the key', () => {
    expect(at('SELECT * FROM customers c JOIN orders o ON |')[0]).toBe('o.customer_id = c.id');
    expect(at('SELECT * FROM orders o JOIN customers c ON c|')[0]).toBe('c.id = o.customer_id');
  });
});
