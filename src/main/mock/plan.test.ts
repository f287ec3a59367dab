import { describe, expect, it } from 'vitest';
import type { ColumnInfo, ForeignKeyInfo, SchemaSnapshot, TableInfo } from '../../shared/schema';
import { buildPlan } from './plan';

const col = (name: string, nullable = false): ColumnInfo => ({ name, dataType: 'integer', nullable, default: null, comment: null, ordinal: 1 });
const fk = (columns: string[], refTable: string, refColumns = ['id']): ForeignKeyInfo => ({ name: `${refTable}_fk`, columns, refSchema: 'public', refTable, refColumns, onDelete: 'NO ACTION', onUpdate: 'NO ACTION' });
const table = (name: string, columns: ColumnInfo[], foreignKeys: ForeignKeyInfo[] = []): TableInfo => ({
  name, kind: 'table', comment: null, rowEstimate: null, columns, primaryKey: ['id'], foreignKeys, indexes: [], constraints: [],
});
const snap = (tables: TableInfo[]): SchemaSnapshot => ({ engine: 'postgres', database: 'd', capturedAt: '', schemas: [{ name: 'public', tables, routines: [], enums: [] }] });

describe('buildPlan', () => {
  it('orders parents before children', () => {
    const s = snap([
      table('items', [col('id'), col('order_id')], [fk(['order_id'], 'orders')]),
      table('orders', [col('id'), col('customer_id')], [fk(['customer_id'], 'customers')]),
      table('customers', [col('id')]),
    ]);
    expect(buildPlan(s).tables.map((t) => t.table.name)).toEqual(['customers', 'orders', 'items']);
  });

  it('breaks a cycle through the nullable foreign key and keeps self-references inline', () => {
    const s = snap([
      table('a', [col('id'), col('b_id', true), col('parent_id', true)], [fk(['b_id'], 'b'), fk(['parent_id'], 'a')]),
      table('b', [col('id'), col('a_id')], [fk(['a_id'], 'a')]),
    ]);
    const plan = buildPlan(s);
    expect(plan.tables.map((t) => t.table.name)).toEqual(['a', 'b']);
    const a = plan.tables[0]!;
    expect(a.deferred.map((d) => d.fk.columns)).toEqual([['b_id']]);
    expect(a.fks.map((d) => d.fk.columns)).toEqual([['parent_id']]);
  });

  it('refuses a cycle made only of NOT NULL keys, naming the tables', () => {
    const s = snap([
      table('a', [col('id'), col('b_id')], [fk(['b_id'], 'b')]),
      table('b', [col('id'), col('a_id')], [fk(['a_id'], 'a')]),
    ]);
    expect(() => buildPlan(s)).toThrow(/"public.a", "public.b".*NOT NULL/);
  });

  it('adds parents a chosen table needs, marked auto', () => {
    const s = snap([table('orders', [col('id'), col('customer_id')], [fk(['customer_id'], 'customers')]), table('customers', [col('id')])]);
    const plan = buildPlan(s, ['orders']);
    expect(plan.tables.map((t) => [t.table.name, t.auto])).toEqual([['customers', true], ['orders', false]]);
    expect(() => buildPlan(s, ['nope'])).toThrow(/"nope" was not found/);
  });
});
