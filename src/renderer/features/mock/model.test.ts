import { describe, expect, it } from 'vitest';
import type { SchemaSnapshot, TableInfo } from '../../../shared/schema';
import { describePlan, previewCell, progressPercent, tableChoices, toggleTable, validateMockForm } from './model';

const table = (name: string, kind: TableInfo['kind'] = 'table'): TableInfo => ({ name, kind, comment: null, rowEstimate: null, columns: [], primaryKey: [] } as unknown as TableInfo);
const snap = (schemas: { name: string; tables: TableInfo[] }[]): SchemaSnapshot => ({
  engine: 'sqlite',
  database: 'main',
  capturedAt: '',
  schemas: schemas.map((s) => ({ ...s, routines: [], enums: [] })),
});

describe('mock dialog model', () => {
  it('lists base tables only, qualified by schema when there are several', () => {
    expect(tableChoices(snap([{ name: 'main', tables: [table('a'), table('v', 'view')] }])).map((c) => c.name)).toEqual(['a']);
    expect(tableChoices(snap([{ name: 'public', tables: [table('a')] }, { name: 'x', tables: [table('b')] }])).map((c) => c.name)).toEqual(['public.a', 'x.b']);
  });

  it('toggles a table and keeps the list order', () => {
    const choices = [{ name: 'a', label: 'a' }, { name: 'b', label: 'b' }, { name: 'c', label: 'c' }];
    expect(toggleTable(['c'], 'a', choices)).toEqual(['a', 'c']);
    expect(toggleTable(['a', 'c'], 'a', choices)).toEqual(['c']);
  });

  it('validates tables, rows and seed with messages that say what to fix', () => {
    expect(validateMockForm({ tables: [], rows: '10', seed: '' })).toMatchObject({ ok: false, error: /table/ });
    expect(validateMockForm({ tables: ['a'], rows: '1.5', seed: '' })).toMatchObject({ ok: false, error: /Rows/ });
    expect(validateMockForm({ tables: ['a'], rows: '0', seed: '' })).toMatchObject({ ok: false });
    expect(validateMockForm({ tables: ['a'], rows: '100', seed: 'x' })).toMatchObject({ ok: false, error: /Seed/ });
    expect(validateMockForm({ tables: ['a'], rows: ' 100 ', seed: '' })).toEqual({ ok: true, tables: ['a'], rows: 100, seed: undefined });
    expect(validateMockForm({ tables: ['a'], rows: '5', seed: '-3' })).toEqual({ ok: true, tables: ['a'], rows: 5, seed: -3 });
  });

  it('computes progress and describes auto-added parents', () => {
    expect(progressPercent(50, 200)).toBe(25);
    expect(progressPercent(5, 0)).toBe(0);
    expect(progressPercent(300, 200)).toBe(100);
    expect(describePlan([{ schema: 'main', table: 'cats', auto: true }, { schema: 'main', table: 'products', auto: false }])).toBe('products (auto, only if empty: cats)');
  });

  it('shows NULL and shortens long preview cells', () => {
    expect(previewCell(null)).toBe('NULL');
    expect(previewCell(12n)).toBe('12');
    expect(previewCell('x'.repeat(50), 10)).toBe(`${'x'.repeat(9)}…`);
  });
});
