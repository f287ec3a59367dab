import { describe, expect, it } from 'vitest';
import type { SchemaSnapshot, TableInfo } from '../../shared/schema';
import { assembleContext, compactDdl, estimateTokens } from './contextBuilder';

function table(name: string, n: number): TableInfo {
  return {
    name,
    kind: 'table',
    comment: null,
    rowEstimate: null,
    columns: Array.from({ length: n }, (_, i) => ({ name: i === 0 ? 'id' : `attribute_number_${i}`, dataType: 'varchar(80)', nullable: true, default: null, comment: null, ordinal: i + 1 })),
    primaryKey: ['id'],
    foreignKeys: [],
    indexes: [],
    constraints: [],
  };
}

const big: SchemaSnapshot = {
  engine: 'postgres',
  database: 'big',
  capturedAt: '2026-01-01T00:00:00Z',
  schemas: [{ name: 'public', tables: Array.from({ length: 200 }, (_, i) => table(`table_${i}`, 20)), routines: [], enums: [] }],
};

describe('assembleContext', () => {
  it('sends the whole schema when it fits the budget', () => {
    const small: SchemaSnapshot = { ...big, schemas: [{ ...big.schemas[0]!, tables: big.schemas[0]!.tables.slice(0, 3) }] };
    const ctx = assembleContext({ snapshot: small, tables: [] });
    expect(ctx.tables).toHaveLength(3);
    expect(ctx.reasons[0]).toMatch(/whole schema/);
  });

  it('keeps to the budget with ranked tables, examples and glossary terms', () => {
    const ranked = big.schemas[0]!.tables.map((t) => `public.${t.name}`);
    const ctx = assembleContext({ snapshot: big, tables: ranked, examples: [{ text: 'how many rows', sql: 'SELECT count(*) FROM table_0' }], glossary: ['churn: customers who left'], budget: 2000 });
    expect(ctx.tokens).toBeLessThanOrEqual(2000);
    expect(estimateTokens(ctx.text)).toBeLessThanOrEqual(2000);
    expect(ctx.tables[0]).toBe('public.table_0');
    expect(ctx.tables.length).toBeGreaterThan(3);
    expect(ctx.tables.length).toBeLessThan(200);
    expect(ctx.reasons.some((r) => /left out, over the budget/.test(r))).toBe(true);
  });

  it('writes compact DDL with keys', () => {
    const t = { ...table('orders', 2), foreignKeys: [{ name: 'fk', columns: ['attribute_number_1'], refSchema: 'public', refTable: 'customers', refColumns: ['id'], onDelete: 'CASCADE', onUpdate: 'NO ACTION' }] };
    expect(compactDdl('public', t)).toBe('public.orders(id varchar(80) PK, attribute_number_1 varchar(80) → customers.id)');
  });
});
