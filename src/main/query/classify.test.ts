import { describe, expect, it } from 'vitest';
import { looksDestructive } from './classify';

describe('looksDestructive', () => {
  it.each([
    ['DELETE FROM orders', 'delete-without-where'],
    ['delete from orders returning *', 'delete-without-where'],
    ['/* where */ DELETE FROM orders -- WHERE id = 1', 'delete-without-where'],
    ["DELETE FROM orders o USING customers c", 'delete-without-where'],
    ['UPDATE products SET price = 0', 'update-without-where'],
    ['UPDATE products SET price = (SELECT max(p) FROM x WHERE x.id = 1)', 'update-without-where'],
    ["UPDATE t SET note = 'only WHERE in a string'", 'update-without-where'],
    ['WITH old AS (SELECT id FROM t) DELETE FROM t', 'delete-without-where'],
    ['WITH gone AS (DELETE FROM t RETURNING *) SELECT count(*) FROM gone', 'delete-without-where'],
    ['DROP TABLE customers', 'drop'],
    ['drop database shop', 'drop'],
    ['ALTER TABLE t DROP COLUMN notes', 'drop'],
    ['TRUNCATE TABLE orders', 'truncate'],
    ['SELECT 1; DELETE FROM t', 'delete-without-where'],
  ] as const)('%s → %s', (sql, kind) => {
    expect(looksDestructive(sql)).toBe(kind);
  });

  it.each([
    'DELETE FROM orders WHERE id = 1',
    'UPDATE products SET price = 0 WHERE id IN (SELECT id FROM old)',
    'WITH old AS (SELECT id FROM t) DELETE FROM t WHERE id IN (SELECT id FROM old)',
    'SELECT * FROM orders',
    'INSERT INTO t SELECT * FROM u',
    'ALTER TABLE t DROP CONSTRAINT t_fk',
    "SELECT 'DROP TABLE x'",
    '',
  ])('%s → null', (sql) => {
    expect(looksDestructive(sql)).toBeNull();
  });

  it('understands each dialect\'s comments and batches', () => {
    expect(looksDestructive("DELETE FROM t # WHERE id = 1", 'mysql')).toBe('delete-without-where');
    expect(looksDestructive('DELETE FROM t\nSELECT 1 FROM u WHERE a = 1', 'mssql')).toBe('delete-without-where');
    expect(looksDestructive('UPDATE [t] SET a = 1 WHERE [where] = 2', 'mssql')).toBeNull();
  });
});
