import { describe, expect, it } from 'vitest';
import type { LintFinding } from '../../shared/docs';
import { grammaticalNumber, indexCovers, lintSnapshot, namingStyle } from './lint';
import { col, snapshot, table } from './snapshotBuilder';

const fk = (name: string, columns: string[], refTable: string) => ({ name, columns, refSchema: 'public', refTable, refColumns: ['id'], onDelete: 'NO ACTION', onUpdate: 'NO ACTION' });
const byRule = (fs: LintFinding[], rule: LintFinding['rule']) => fs.filter((f) => f.rule === rule).map((f) => f.target);

describe('schema lint', () => {
  const snap = snapshot({
    public: [
      table('customers', [col('id'), col('store_id')], { primaryKey: ['id'], foreignKeys: [fk('c_store', ['store_id'], 'stores')] }),
      table('stores', [col('id'), col('manager_id')], {
        primaryKey: ['id'],
        foreignKeys: [fk('s_mgr', ['manager_id'], 'staff')],
        indexes: [{ name: 'ix_mgr', columns: ['manager_id', 'id'], unique: false }],
      }),
      table('payments', [col('id'), col('customer_id'), col('paidAt', 'timestamp')], {
        foreignKeys: [fk('p_cust', ['customer_id'], 'customers')],
        // An index whose leading column is not the FK does not serve it.
        indexes: [{ name: 'ix_id_cust', columns: ['id', 'customer_id'], unique: true }],
      }),
      table('staff', [col('id')], { primaryKey: ['id'] }),
      table('order_item', [col('id')], { primaryKey: ['id'] }),
      table('v_totals', [col('total')], { kind: 'view' }),
    ],
  });

  it('flags tables without a primary key (not views), and suggests a unique index', () => {
    const f = lintSnapshot(snap, new Map()).filter((x) => x.rule === 'no-primary-key');
    expect(f.map((x) => x.target)).toEqual(['public.payments']);
    expect(f[0]!.message).toContain('ix_id_cust');
    expect(f[0]!.severity).toBe('warning');
  });

  it('flags foreign keys no index starts with', () => {
    expect(byRule(lintSnapshot(snap, new Map()), 'fk-without-index')).toEqual(['public.customers.store_id', 'public.payments.customer_id']);
    expect(indexCovers(['b', 'a', 'c'], ['a', 'b'])).toBe(true);
    expect(indexCovers(['a', 'c', 'b'], ['a', 'b'])).toBe(false);
    expect(indexCovers(['a'], ['a', 'b'])).toBe(false);
  });

  it('flags the minority naming style and singular names among plural ones', () => {
    const f = lintSnapshot(snap, new Map());
    expect(byRule(f, 'inconsistent-naming')).toEqual(['public.order_item', 'public.payments.paidAt']);
    expect(f.find((x) => x.target === 'public.payments.paidAt')!.message).toMatch(/camelCase.*snake_case/);
    expect(f.find((x) => x.target === 'public.order_item')!.message).toMatch(/singular.*plural/);
  });

  it('stays silent on a tie rather than guess which style is the usual one', () => {
    const s = snapshot({ public: [table('a', [col('first_name'), col('lastName')], { primaryKey: ['first_name'] })] });
    expect(byRule(lintSnapshot(s, new Map()), 'inconsistent-naming')).toEqual([]);
  });

  it('reports undocumented objects unless a comment or description exists, and honours disabled rules', () => {
    const s = snapshot({ public: [table('t', [col('a', 'int', { comment: 'A' }), col('b')], { primaryKey: ['a'] })] });
    expect(byRule(lintSnapshot(s, new Map()), 'undocumented-table')).toEqual(['public.t']);
    expect(byRule(lintSnapshot(s, new Map([['public.t', 'T']])), 'undocumented-table')).toEqual([]);
    expect(byRule(lintSnapshot(s, new Map()), 'undocumented-column')).toEqual(['public.t.b']);
    const off = lintSnapshot(snap, new Map(), { disabled: ['no-primary-key', 'undocumented-column', 'undocumented-table', 'inconsistent-naming'] });
    expect(new Set(off.map((x) => x.rule))).toEqual(new Set(['fk-without-index']));
  });

  it('classifies names', () => {
    expect(['film_actor', 'filmActor', 'FilmActor', 'FILM_ACTOR', 'Film_Actor', 'film'].map(namingStyle)).toEqual(['snake_case', 'camelCase', 'PascalCase', 'UPPER_CASE', 'Mixed_Case', 'word']);
    expect(['customers', 'address', 'status', 'film_category', 'OrderLines', 'people', 'staff', 'x1'].map(grammaticalNumber)).toEqual([
      'plural', 'singular', 'singular', 'singular', 'plural', 'plural', 'unknown', 'unknown',
    ]);
  });
});
