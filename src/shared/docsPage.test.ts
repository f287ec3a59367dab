import { describe, expect, it } from 'vitest';
import { columnKeys, docTarget, TableIndex } from './docsPage';
import type { SchemaSnapshot, TableInfo } from './schema';

function t(name: string, fks: [string, string, string][] = [], extra: Partial<TableInfo> = {}): TableInfo {
  return {
    name, kind: 'table', comment: null, rowEstimate: null, primaryKey: ['id'], indexes: [], constraints: [],
    columns: ['id', ...fks.map((f) => f[0])].map((c, i) => ({ name: c, dataType: 'int', nullable: false, default: null, comment: null, ordinal: i + 1 })),
    foreignKeys: fks.map(([col, refSchema, refTable]) => ({ name: `fk_${col}`, columns: [col], refSchema, refTable, refColumns: ['id'], onDelete: 'NO ACTION', onUpdate: 'NO ACTION' })),
    ...extra,
  };
}

const snap: SchemaSnapshot = {
  engine: 'postgres', database: 'db', capturedAt: '', schemas: [
    { name: 'public', routines: [], enums: [], tables: [t('customers'), t('orders', [['customer_id', 'public', 'customers']]), t('a.b'), t('lines', [['order_id', 'public', 'orders'], ['ext_id', 'other', 'missing']])] },
    { name: 'public.x', routines: [], enums: [], tables: [t('y')] },
  ],
};
const index = new TableIndex(snap);

describe('TableIndex', () => {
  it('finds tables by target even when names contain dots', () => {
    expect(index.find('public.orders')?.table.name).toBe('orders');
    expect(index.find('public.a.b')?.table.name).toBe('a.b');
    expect(index.find('public.x.y')?.schema).toBe('public.x');
    expect(index.find('orders')?.target).toBe('public.orders');
    expect(index.find('nope')).toBeUndefined();
  });

  it('maps column targets to their table', () => {
    expect(index.tableOf('public.orders.customer_id')?.target).toBe('public.orders');
    expect(index.tableOf('public.orders')?.target).toBe('public.orders');
    expect(index.tableOf('zzz.q')).toBeUndefined();
  });

  it('lists who references a table and the one-hop neighbours', () => {
    expect(index.referencedBy('public', 'customers').map((r) => r.table)).toEqual(['orders']);
    expect(index.neighbours('public', 'orders').map((e) => e.table.name)).toEqual(['orders', 'customers', 'lines']);
    expect(index.neighbours('public', 'orders', 2)).toHaveLength(2);
    // A reference to a table outside the snapshot is not a neighbour.
    expect(index.neighbours('public', 'lines').map((e) => e.table.name)).toEqual(['lines', 'orders']);
  });

  it('builds a snapshot of just some tables', () => {
    const sub = index.subSnapshot(index.neighbours('public', 'orders'));
    expect(sub.schemas.flatMap((s) => s.tables.map((x) => x.name)).sort()).toEqual(['customers', 'lines', 'orders']);
  });
});

describe('columnKeys', () => {
  it('marks primary, foreign and single-column unique keys', () => {
    const table = t('orders', [['customer_id', 'public', 'customers']], {
      constraints: [{ name: 'u', kind: 'unique', columns: ['customer_id'] }],
      indexes: [{ name: 'ix', columns: ['id'], unique: true, primary: true }],
    });
    const keys = columnKeys(table);
    expect(keys.get('id')).toEqual(['PK']);
    expect(keys.get('customer_id')).toEqual(['FK', 'UQ']);
    expect(docTarget('s', 't', 'c')).toBe('s.t.c');
  });
});
