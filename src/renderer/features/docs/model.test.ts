import { describe, expect, it } from 'vitest';
import type { SchemaDiff } from '../../../shared/docs';
import { TableIndex } from '../../../shared/docsPage';
import type { SchemaSnapshot, TableInfo } from '../../../shared/schema';
import { buildTree, changeTable, diffSummary, isDirty, lintGroups, pageFromParams, progressPercent, stepTable, tableCoverage, toggleRule } from './model';

const t = (name: string, cols: string[], comment: string | null = null): TableInfo => ({
  name, kind: 'table', comment, rowEstimate: null, primaryKey: [], foreignKeys: [], indexes: [], constraints: [],
  columns: cols.map((c, i) => ({ name: c, dataType: 'int', nullable: true, default: null, comment: c === 'commented' ? 'db comment' : null, ordinal: i + 1 })),
});
const snapshot: SchemaSnapshot = {
  engine: 'postgres', database: 'shop', capturedAt: '',
  schemas: [
    { name: 'public', routines: [], enums: [], tables: [t('customers', ['id', 'email']), t('orders', ['id', 'commented'], 'orders table')] },
    { name: 'sales', routines: [], enums: [], tables: [t('invoices', ['id'])] },
  ],
};
const bundle = { snapshot, descriptions: { 'public.customers': 'People', 'public.customers.id': 'Key', 'public.customers.email': ' ', 'sales.invoices': 'Bills with customer ids', 'sales.invoices.id': 'Number' } };

describe('docs view model', () => {
  it('counts a table and its columns as documented by description or comment, not blanks', () => {
    expect(tableCoverage(bundle, 'public', snapshot.schemas[0]!.tables[0]!)).toEqual({ documented: 2, total: 3 });
    expect(tableCoverage(bundle, 'public', snapshot.schemas[0]!.tables[1]!)).toEqual({ documented: 2, total: 3 });
  });

  it('builds the tree with coverage levels and filters by name or description', () => {
    const all = buildTree(bundle, '');
    expect(all.map((s) => [s.name, s.tables.map((x) => `${x.name}:${x.level}`)])).toEqual([
      ['public', ['customers:partial', 'orders:partial']],
      ['sales', ['invoices:full']],
    ]);
    expect(buildTree(bundle, 'ORD').flatMap((s) => s.tables.map((x) => x.target))).toEqual(['public.orders']);
    expect(buildTree(bundle, 'customer').flatMap((s) => s.tables.map((x) => x.target))).toEqual(['public.customers', 'sales.invoices']);
    expect(buildTree(bundle, 'customer')[1]!.count).toBe(1);
  });

  it('opens the page the tab parameters ask for', () => {
    const index = new TableIndex(snapshot);
    expect(pageFromParams({ table: 'invoices' }, index)).toEqual({ kind: 'table', target: 'sales.invoices' });
    expect(pageFromParams({ table: 'public.orders' }, null)).toEqual({ kind: 'table', target: 'public.orders' });
    expect(pageFromParams({ page: 'changes' }, index)).toEqual({ kind: 'changes' });
    expect(pageFromParams({}, index)).toEqual({ kind: 'overview' });
  });

  it('steps through the tables of the tree with the arrow keys', () => {
    const tree = buildTree(bundle, '');
    expect(stepTable(tree, null, 1)).toBe('public.customers');
    expect(stepTable(tree, 'public.orders', 1)).toBe('sales.invoices');
    expect(stepTable(tree, 'sales.invoices', 1)).toBe('sales.invoices');
    expect(stepTable(tree, 'public.customers', -1)).toBe('public.customers');
    expect(stepTable([], null, 1)).toBeNull();
  });

  it('groups lint findings per rule and switches rules', () => {
    const groups = lintGroups([{ rule: 'no-primary-key', severity: 'warning', target: 'public.orders', message: 'm' }], ['inconsistent-naming']);
    expect(groups.find((g) => g.rule.id === 'no-primary-key')!.findings).toHaveLength(1);
    expect(groups.find((g) => g.rule.id === 'inconsistent-naming')!.enabled).toBe(false);
    expect(toggleRule(['inconsistent-naming'], 'inconsistent-naming', true)).toEqual([]);
    expect(toggleRule([], 'fk-without-index', false)).toEqual(['fk-without-index']);
  });

  it('summarises a diff and links changes to tables', () => {
    const diff: SchemaDiff = {
      from: { capturedAt: '', database: 'shop' }, to: { capturedAt: '', database: 'shop' }, breaking: true,
      changes: [
        { change: 'added', object: 'column', target: 'public.orders.total', breaking: false },
        { change: 'removed', object: 'table', target: 'public.old', breaking: true },
        { change: 'changed', object: 'column', target: 'public.customers.email', before: 'text', after: 'varchar(10)', breaking: true },
      ],
    };
    expect(diffSummary(diff)).toBe('1 added, 1 removed, 1 changed (2 breaking)');
    expect(diffSummary({ ...diff, changes: [] })).toBe('No changes.');
    const index = new TableIndex(snapshot);
    expect(changeTable(diff.changes[0]!, index)).toBe('public.orders');
    expect(changeTable(diff.changes[1]!, index)).toBeNull();
  });

  it('computes progress and dirty state', () => {
    expect(progressPercent(0, 0)).toBe(0);
    expect(progressPercent(1, 3)).toBe(33);
    expect(progressPercent(5, 3)).toBe(100);
    expect(isDirty('a', 'a  ')).toBe(false);
    expect(isDirty(undefined, '')).toBe(false);
    expect(isDirty('a', 'b')).toBe(true);
  });
});
