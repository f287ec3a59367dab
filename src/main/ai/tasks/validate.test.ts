import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import { shopSnapshot, snapshotOf, table } from './testing';
import type { TaskTarget } from './types';
import { validateSql } from './validate';

function target(opts: { explainError?: string; fresh?: ReturnType<typeof shopSnapshot>; readOnly?: boolean; engine?: 'postgres' | 'sqlite' } = {}): TaskTarget & { explained: string[]; refreshed: number } {
  const snap = shopSnapshot(opts.engine ?? 'postgres');
  const t = {
    explained: [] as string[],
    refreshed: 0,
    engine: opts.engine ?? ('postgres' as const),
    readOnly: opts.readOnly ?? false,
    snapshot: async (refresh?: boolean) => {
      if (refresh) t.refreshed++;
      return refresh && opts.fresh ? opts.fresh : snap;
    },
    explain: async (sql: string) => {
      t.explained.push(sql);
      if (opts.explainError) throw new AppError('QUERY_ERROR', opts.explainError);
      return { raw: null, format: 'json' as const, plan: { op: 'Result', children: [] } };
    },
    context: async () => ({ text: '', tables: [], examples: [], tokens: 0, reasons: [] }),
    descriptions: () => new Map<string, string>(),
    glossary: () => [],
  };
  return t;
}

describe('validateSql', () => {
  it('a clean read: valid, explained once, tables listed', async () => {
    const t = target();
    const v = await validateSql('SELECT first_name FROM customer', t, shopSnapshot());
    expect(v).toMatchObject({ valid: true, problems: [], kind: 'read', refused: false, tablesUsed: ['public.customer'] });
    expect(t.explained).toEqual(['SELECT first_name FROM customer']);
  });

  it('the engine error is reported as it is', async () => {
    const v = await validateSql('SELECT 1/0 FROM customer', target({ explainError: 'division by zero' }), shopSnapshot());
    expect(v.valid).toBe(false);
    expect(v.problems).toEqual([expect.objectContaining({ kind: 'explain', message: 'The database rejected it: division by zero' })]);
  });

  it('a syntax error stops before EXPLAIN', async () => {
    const t = target();
    const v = await validateSql('SELECT FROM WHERE', t, shopSnapshot());
    expect(v.problems[0].kind).toBe('parse');
    expect(t.explained).toEqual([]);
  });

  it('more than one statement is an error', async () => {
    const v = await validateSql('SELECT 1; SELECT 2', target(), shopSnapshot());
    expect(v.problems.map((p) => p.kind)).toContain('statement');
  });

  it('when the engine accepts a name the snapshot lacks, the snapshot is refreshed (a new column is fine)', async () => {
    const fresh = snapshotOf('postgres', 'public', [...shopSnapshot().schemas[0].tables.filter((x) => x.name !== 'customer'), table('customer', ['customer_id integer', 'nickname text'])]);
    const t = target({ fresh });
    const v = await validateSql('SELECT nickname FROM customer', t, shopSnapshot());
    expect(t.refreshed).toBe(1);
    expect(v).toMatchObject({ valid: true, problems: [] });
  });

  it('…and what still differs after the refresh is only a warning (the engine is the authority)', async () => {
    const v = await validateSql('SELECT nickname FROM customer', target(), shopSnapshot());
    expect(v.valid).toBe(true);
    expect(v.problems).toEqual([expect.objectContaining({ kind: 'column', severity: 'warning' })]);
  });

  it('writes are flagged; on a read-only target refused; destructive ones marked', async () => {
    const w = await validateSql('DELETE FROM orders', target(), shopSnapshot());
    expect(w).toMatchObject({ valid: true, kind: 'write', refused: false, destructive: 'delete-without-where' });
    const ro = await validateSql('DELETE FROM orders WHERE order_id = 1', target({ readOnly: true }), shopSnapshot());
    expect(ro).toMatchObject({ valid: true, refused: true, destructive: null });
  });

  it('DDL is not explained, only noted', async () => {
    const t = target();
    const v = await validateSql('CREATE TABLE t (a int)', t, shopSnapshot());
    expect(t.explained).toEqual([]);
    expect(v).toMatchObject({ valid: true, kind: 'ddl' });
  });
});
