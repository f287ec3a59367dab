import { describe, expect, it } from 'vitest';
import { checkNames } from './names';
import { parseRefs } from './sqlRefs';
import { shopSnapshot } from './testing';
import type { Engine } from '../../../shared/connection';

function check(sql: string, engine: Engine = 'postgres') {
  const parsed = parseRefs(sql, engine);
  if (!parsed.ok) throw new Error(parsed.message);
  return checkNames(parsed.refs, shopSnapshot(engine));
}

describe('name check against the snapshot', () => {
  for (const engine of ['postgres', 'sqlite', 'mysql', 'mssql'] as const) {
    it(`accepts a correct query with aliases, a CTE and output names (${engine})`, () => {
      const r = check(
        `WITH big AS (SELECT customer_id, count(*) AS n FROM orders GROUP BY customer_id)
         SELECT c.first_name, b.n FROM customer c JOIN big b ON b.customer_id = c.customer_id WHERE c.active = ${engine === 'mssql' ? '1' : 'true'} ORDER BY n DESC`,
        engine,
      );
      expect(r.problems).toEqual([]);
      expect(r.tablesUsed.map((t) => t.split('.')[1]).sort()).toEqual(['customer', 'orders']);
    });

    it(`reports an unknown column through its alias, with the nearest real names (${engine})`, () => {
      const r = check('SELECT c.first_name FROM customer c WHERE c.activ = 1', engine);
      expect(r.problems).toHaveLength(1);
      expect(r.problems[0]).toMatchObject({ kind: 'column', name: 'c.activ', severity: 'error' });
      expect(r.problems[0].suggestions?.[0]).toBe('active');
      expect(r.problems[0].message).toContain('Did you mean "active"');
    });
  }

  it('reports an unknown table with the nearest tables', () => {
    const r = check('SELECT * FROM customers');
    expect(r.problems[0]).toMatchObject({ kind: 'table', name: 'customers' });
    expect(r.problems[0].suggestions?.[0]).toBe('public.customer');
  });

  it('reports an unqualified unknown column and says which table has it', () => {
    const r = check('SELECT status FROM customer');
    expect(r.problems[0]).toMatchObject({ kind: 'column', name: 'status' });
    expect(r.problems[0].suggestions).toContain('public.orders.status');
  });

  it('reports an unknown alias qualifier', () => {
    const r = check('SELECT x.first_name FROM customer c');
    expect(r.problems[0]).toMatchObject({ kind: 'table', name: 'x' });
  });

  it('checks INSERT and UPDATE target columns', () => {
    expect(check("INSERT INTO product (product_id, titel) VALUES (1, 'a')").problems[0]).toMatchObject({ kind: 'column', suggestions: ['title'] });
    expect(check("UPDATE product SET prise = 2 WHERE product_id = 1").problems[0]).toMatchObject({ kind: 'column', suggestions: ['price'] });
    expect(check("UPDATE product SET price = 2 WHERE product_id = 1", 'sqlite').problems).toEqual([]);
    expect(check("INSERT INTO product (product_id, title) VALUES (1, 'a')", 'mysql').problems).toEqual([]);
  });

  it('accepts subqueries, derived tables and system catalogs', () => {
    expect(check('SELECT t.n FROM (SELECT count(*) AS n FROM orders) t').problems).toEqual([]);
    expect(check('SELECT relname FROM pg_catalog.pg_class').problems).toEqual([]);
    expect(check('SELECT first_name FROM customer WHERE customer_id IN (SELECT customer_id FROM orders WHERE total > 10)').problems).toEqual([]);
  });

  it('counts statements', () => {
    const p = parseRefs('SELECT 1; SELECT 2', 'postgres');
    expect(p.ok && p.refs.statements).toBe(2);
  });

  it('reports PostgreSQL syntax errors as authoritative', () => {
    const p = parseRefs('SELEC 1', 'postgres');
    expect(p).toMatchObject({ ok: false, authoritative: true });
  });
});
