import { describe, expect, it } from 'vitest';
import { initialSql, newRunId } from './model';

describe('query model', () => {
  it('starts demo tabs on the customers table, others on a harmless query per engine', () => {
    expect(initialSql({ isDemo: true, engine: 'sqlite' })).toMatch(/customers/);
    expect(initialSql({ isDemo: false, engine: 'mssql' })).toMatch(/^SELECT TOP 100/);
    expect(initialSql({ isDemo: false, engine: 'postgres' })).toBe('SELECT 1;');
  });

  it('makes distinct run ids', () => {
    let n = 0;
    const ids = new Set(Array.from({ length: 5 }, () => newRunId(() => (n += 0.1))));
    expect(ids.size).toBe(5);
  });
});
