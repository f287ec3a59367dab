import { describe, expect, it } from 'vitest';
import type { SchemaSnapshot, TableInfo } from '../../shared/schema';
import { buildChunks, neighbourMap } from './chunks';

function table(name: string, columns: string[], fks: Array<[string, string]> = [], pk = [columns[0]!]): TableInfo {
  return {
    name,
    kind: 'table',
    comment: null,
    rowEstimate: null,
    columns: columns.map((c, i) => ({ name: c, dataType: 'integer', nullable: true, default: null, comment: null, ordinal: i + 1 })),
    primaryKey: pk,
    foreignKeys: fks.map(([col, ref]) => ({ name: `fk_${col}`, columns: [col], refSchema: 'main', refTable: ref, refColumns: ['id'], onDelete: 'NO ACTION', onUpdate: 'NO ACTION' })),
    indexes: [],
    constraints: [],
  };
}

const snapshot: SchemaSnapshot = {
  engine: 'sqlite',
  database: 'shop',
  capturedAt: '2026-01-01T00:00:00Z',
  schemas: [{ name: 'main', tables: [table('customers', ['id', 'name']), table('orders', ['id', 'customer_id'], [['customer_id', 'customers']]), table('visits', ['VisitID', 'CustomerKey']), table('accounts', ['CustomerKey', 'balance'])], routines: [], enums: [] }],
};

describe('buildChunks', () => {
  it('makes one card per table with columns, keys and neighbours', () => {
    const chunks = buildChunks({ snapshot });
    const orders = chunks.find((c) => c.key === 'table:main.orders')!;
    expect(orders.text).toContain('customer_id integer');
    expect(orders.text).toContain('foreign key: customer_id -> customers(id)');
    expect(orders.links).toEqual(['main.customers']);
    expect(chunks.find((c) => c.key === 'table:main.customers')!.text).toContain('related: orders');
  });

  it('leaves value samples out unless enabled', () => {
    const valueSamples = [{ tableRef: 'main.orders', columns: [{ column: 'status', values: ['shipped', 'pending'] }] }];
    expect(buildChunks({ snapshot, valueSamples }).some((c) => c.kind === 'values' || c.text.includes('shipped'))).toBe(false);
    const on = buildChunks({ snapshot, valueSamples, includeValueSamples: true });
    expect(on.find((c) => c.kind === 'values')!.text).toContain('shipped');
  });

  it('adds extra chunks (glossary, examples) with stable keys and content hashes', () => {
    const a = buildChunks({ snapshot, extraChunks: [{ key: 'g1', kind: 'glossary', text: 'ARR: annual recurring revenue' }] });
    const b = buildChunks({ snapshot, extraChunks: [{ key: 'g1', kind: 'glossary', text: 'ARR: annual run rate' }] });
    expect(a.find((c) => c.key === 'glossary:g1')!.hash).not.toBe(b.find((c) => c.key === 'glossary:g1')!.hash);
    expect(a.find((c) => c.key === 'table:main.orders')!.hash).toBe(b.find((c) => c.key === 'table:main.orders')!.hash);
  });

  it('infers a link from a column named like another table’s primary key', () => {
    expect([...(neighbourMap(snapshot, true).get('main.visits') ?? [])]).toEqual(['main.accounts']);
    expect(neighbourMap(snapshot).get('main.visits')).toBeUndefined();
  });
});
