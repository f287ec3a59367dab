import { describe, expect, it } from 'vitest';
import { findParams, paramKeys, substituteParams, toLiteral } from './params';

const keys = (sql: string, d: Parameters<typeof findParams>[1] = 'sqlite'): string[] => paramKeys(findParams(sql, d));

describe('query parameters', () => {
  it('finds :name, $1 and ? placeholders, repeated names once', () => {
    expect(keys('SELECT * FROM t WHERE a = :id OR b = :id AND c = :other_1')).toEqual(['id', 'other_1']);
    expect(keys('SELECT * FROM t WHERE a = $1 AND b = $2 OR c = $1', 'postgres')).toEqual(['$1', '$2']);
    expect(keys('SELECT * FROM t WHERE a = ? AND b = ?', 'mysql')).toEqual(['?1', '?2']);
  });

  it('ignores look-alikes in strings, comments, casts, dollar quotes and jsonb operators', () => {
    expect(keys("SELECT ':no', \"?\" -- :no ?\n /* $1 */ FROM t", 'sqlite')).toEqual([]);
    expect(keys("SELECT a::text, b ? 'k', $$ :x $1 $$ FROM t", 'postgres')).toEqual([]);
    expect(keys("SELECT 'it\\'s :no' FROM t", 'mysql')).toEqual([]);
    expect(keys('SELECT 10:30', 'sqlite')).toEqual([]);
  });

  it('substitutes values as safe literals', () => {
    const sql = "SELECT * FROM t WHERE name = :name AND id = :id AND x = :name";
    const out = substituteParams(sql, findParams(sql, 'sqlite'), { name: "O'Brien", id: '42' }, 'sqlite');
    expect(out).toBe("SELECT * FROM t WHERE name = 'O''Brien' AND id = 42 AND x = 'O''Brien'");
  });

  it('writes literals per dialect', () => {
    expect(toLiteral('null', 'postgres')).toBe('NULL');
    expect(toLiteral('true', 'postgres')).toBe('TRUE');
    expect(toLiteral('true', 'sqlite')).toBe("'true'");
    expect(toLiteral('a\\b', 'mysql')).toBe("'a\\\\b'");
    expect(toLiteral('é', 'mssql')).toBe("N'é'");
    expect(toLiteral('-1.5e3', 'mssql')).toBe('-1.5e3');
  });

  it('refuses to run with a missing value', () => {
    expect(() => substituteParams('SELECT ?', findParams('SELECT ?', 'sqlite'), {}, 'sqlite')).toThrow(/\?1/);
  });
});
