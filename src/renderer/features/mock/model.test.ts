import { describe, expect, it } from 'vitest';
import type { SchemaSnapshot, TableInfo } from '../../../shared/schema';
import { describePlan, EMPTY_OVERRIDE, overrideKey, overridesArg, parseOverride, previewCell, progressPercent, tableChoices, toggleTable, validateMockForm } from './model';

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
    expect(validateMockForm({ tables: ['a'], rows: ' 100 ', seed: '' })).toEqual({ ok: true, tables: ['a'], rows: 100, seed: undefined, rowsPerTable: {} });
    expect(validateMockForm({ tables: ['a'], rows: '5', seed: '-3' })).toEqual({ ok: true, tables: ['a'], rows: 5, seed: -3, rowsPerTable: {} });
  });

  it('takes row counts for particular ticked tables, ignoring unticked ones and empty fields', () => {
    const tableRows = { a: ' 25 ', b: '', c: '7' };
    expect(validateMockForm({ tables: ['a', 'b'], rows: '10', seed: '', tableRows })).toMatchObject({ ok: true, rowsPerTable: { a: 25 } });
    expect(validateMockForm({ tables: ['a'], rows: '10', seed: '', tableRows: { a: 'x' } })).toMatchObject({ ok: false, error: /Rows for a/ });
    expect(validateMockForm({ tables: ['a'], rows: '10', seed: '', tableRows: { a: '0' } })).toMatchObject({ ok: true, rowsPerTable: { a: 0 } });
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

describe('column overrides', () => {
  const gens = ['email', 'int', 'city'];
  it('treats an empty form as automatic', () => {
    expect(parseOverride(EMPTY_OVERRIDE, gens)).toEqual({ ok: true, value: null });
  });
  it('turns the typed fields into an override', () => {
    const r = parseOverride({ ...EMPTY_OVERRIDE, generator: 'int', nullPercent: '25', min: '1', max: '9', distribution: 'zipf', values: ' a, b ,,c' }, gens);
    expect(r).toEqual({ ok: true, value: { generator: 'int', nullRatio: 0.25, min: 1, max: 9, distribution: 'zipf', values: ['a', 'b', 'c'] } });
  });
  it('says what is wrong', () => {
    expect(parseOverride({ ...EMPTY_OVERRIDE, generator: 'nope' }, gens)).toMatchObject({ ok: false, error: expect.stringContaining('nope') });
    expect(parseOverride({ ...EMPTY_OVERRIDE, nullPercent: '150' }, gens)).toMatchObject({ ok: false });
    expect(parseOverride({ ...EMPTY_OVERRIDE, min: '5', max: '2' }, gens)).toMatchObject({ ok: false, error: 'Min is larger than max.' });
    expect(parseOverride({ ...EMPTY_OVERRIDE, min: 'x' }, gens)).toMatchObject({ ok: false });
  });
  it('builds the backend argument from the non-empty forms, naming the column of a problem', () => {
    const forms = { [overrideKey('customers', 'email')]: { ...EMPTY_OVERRIDE, generator: 'email' }, 'customers.city': EMPTY_OVERRIDE };
    expect(overridesArg(forms, gens)).toEqual({ ok: true, value: { 'customers.email': { generator: 'email' } } });
    expect(overridesArg({}, gens)).toEqual({ ok: true, value: undefined });
    expect(overridesArg({ 'orders.total': { ...EMPTY_OVERRIDE, max: 'big' } }, gens)).toMatchObject({ ok: false, error: expect.stringContaining('orders.total') });
  });
});
