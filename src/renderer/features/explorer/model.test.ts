import { describe, expect, it } from 'vitest';
import type { SchemaSnapshot, TableInfo } from '../../../shared/schema';
import { buildTree, matchesFilter, mergeDetails } from './model';

const t = (name: string, kind: TableInfo['kind'] = 'table'): TableInfo => ({
  name,
  kind,
  comment: null,
  rowEstimate: null,
  columns: [],
  primaryKey: [],
  foreignKeys: [],
  indexes: [],
  constraints: [],
  partial: true,
});

const snap: SchemaSnapshot = {
  engine: 'postgres',
  database: 'shop',
  capturedAt: '2026-01-01T00:00:00Z',
  schemas: [
    {
      name: 'public',
      tables: [
        t('orders'),
        t('order_items'),
        t('customers'),
        t('order_totals', 'view'),
        t('daily', 'materialized_view'),
      ],
      routines: [{ name: 'order_total', kind: 'function', signature: '(id int) returns numeric' }],
      enums: [],
    },
    { name: 'audit', tables: [t('log')], routines: [], enums: [] },
  ],
};

describe('explorer tree', () => {
  it('groups tables, views, materialized views and routines under each schema', () => {
    const tree = buildTree(snap, '');
    expect(tree.map((s) => s.name)).toEqual(['public', 'audit']);
    expect(tree[0]!.groups.map((g) => `${g.label}:${g.tables.length + g.routines.length}`)).toEqual(
      ['Tables:3', 'Views:1', 'Materialized views:1', 'Routines:1'],
    );
  });

  it('filters items by every word and hides schemas with nothing left', () => {
    const tree = buildTree(snap, 'ORDER');
    expect(tree.map((s) => s.name)).toEqual(['public']);
    expect(
      tree[0]!.groups.flatMap((g) => [
        ...g.tables.map((x) => x.name),
        ...g.routines.map((r) => r.name),
      ]),
    ).toEqual(['orders', 'order_items', 'order_totals', 'order_total']);
    expect(buildTree(snap, 'audit')[0]!.groups[0]!.tables.map((x) => x.name)).toEqual(['log']); // schema name matches
    expect(matchesFilter('order_items', 'ord item')).toBe(true);
  });

  it('merges lazily loaded details into the names-only tree', () => {
    const details: SchemaSnapshot = {
      ...snap,
      schemas: [
        {
          name: 'public',
          tables: [
            {
              ...t('orders'),
              partial: false,
              columns: [
                {
                  name: 'id',
                  dataType: 'int',
                  nullable: false,
                  default: null,
                  comment: null,
                  ordinal: 1,
                },
              ],
            },
          ],
          routines: [],
          enums: [],
        },
      ],
    };
    const merged = mergeDetails(snap, details);
    expect(merged.schemas[0]!.tables[0]!.columns.map((c) => c.name)).toEqual(['id']);
    expect(merged.schemas[0]!.tables[1]!.partial).toBe(true);
  });
});
