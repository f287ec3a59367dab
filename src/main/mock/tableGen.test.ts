import { Faker, en } from '@faker-js/faker';
import { describe, expect, it } from 'vitest';
import type { ColumnInfo, TableInfo } from '../../shared/schema';
import type { PlannedTable } from './plan';
import { Prng } from './prng';
import { KeyState, tupleKey } from './state';
import { TableGen } from './tableGen';
import type { ColumnOverride } from './types';

const col = (name: string, dataType: string, nullable = false): ColumnInfo => ({ name, dataType, nullable, default: null, comment: null, ordinal: 1 });

function gen(table: Partial<TableInfo> & { columns: ColumnInfo[] }, overrides: Record<string, ColumnOverride> = {}, keys = new KeyState()): TableGen {
  const t: TableInfo = { name: 't', kind: 'table', comment: null, rowEstimate: null, primaryKey: [], foreignKeys: [], indexes: [], constraints: [], ...table };
  const p: PlannedTable = { schema: 'public', table: t, key: 'public.t', auto: false, fks: [], deferred: [] };
  const faker = new Faker({ locale: [en] });
  faker.seed(1);
  return new TableGen(p, 'postgres', [], keys, { faker, prng: new Prng(1) }, overrides);
}

describe('TableGen', () => {
  it('continues integer keys after the largest existing one', () => {
    const keys = new KeyState();
    keys.maxInt.set('public.t|id', 41);
    const g = gen({ columns: [col('id', 'integer')], primaryKey: ['id'] }, {}, keys);
    expect([g.next()![0], g.next()![0]]).toEqual([42, 43]);
  });

  it('never repeats a compound key, even in a tiny value space, and stops when it is used up', () => {
    const g = gen({ columns: [col('a', 'integer'), col('b', 'integer')], primaryKey: ['a', 'b'] }, { 't.a': { values: [1, 2] }, 't.b': { values: [1, 2, 3] } });
    const seen = new Set<string>();
    for (let row = g.next(); row; row = g.next()) seen.add(tupleKey(row));
    expect(seen.size).toBe(6);
  });

  it('keeps unique text unique (suffixing when the values run out) within the length', () => {
    const keys = new KeyState();
    keys.seenSet('public.t', ['email']).add('taken@example.com');
    const g = gen({ columns: [col('email', 'varchar(20)')], constraints: [{ name: 'u', kind: 'unique', columns: ['email'] }] }, { 't.email': { values: ['taken@example.com', 'other@example.com'] } }, keys);
    const values = Array.from({ length: 50 }, () => g.next()![0] as string);
    expect(new Set(values).size).toBe(50);
    expect(values).not.toContain('taken@example.com');
    expect(values.every((v) => v.length <= 20 && v.includes('@'))).toBe(true);
  });

  it('honours overrides: fixed lists, ranges, null ratio', () => {
    const g = gen(
      { columns: [col('kind', 'text'), col('n', 'integer'), col('note', 'text', true)] },
      { 't.kind': { values: ['x', 'y'] }, 't.n': { min: 5, max: 6, distribution: 'normal' }, 't.note': { nullRatio: 1 } },
    );
    for (let i = 0; i < 200; i++) {
      const [kind, n, note] = g.next()!;
      expect(['x', 'y']).toContain(kind);
      expect([5, 6]).toContain(n);
      expect(note).toBeNull();
    }
  });
});
