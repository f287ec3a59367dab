import { describe, expect, it } from 'vitest';
import { lineColumnAt, offsetOf, splitStatements, statementAt } from './sqlCursor';

describe('statement at cursor', () => {
  const script = "SELECT 1;\n\nSELECT 'a;b' AS x -- c;\n  FROM t;\nUPDATE t SET a = 2";

  it('splits at semicolons outside strings and comments, with positions', () => {
    const s = splitStatements(script, 'sqlite');
    expect(s.map((x) => x.sql)).toEqual(['SELECT 1', "SELECT 'a;b' AS x -- c;\n  FROM t", 'UPDATE t SET a = 2']);
    expect(s.map((x) => [x.line, x.column])).toEqual([[1, 1], [3, 1], [5, 1]]);
  });

  it('picks the statement containing the cursor, or the one just before it', () => {
    expect(statementAt(script, 'sqlite', script.indexOf('FROM t'))?.sql).toMatch(/^SELECT 'a;b'/);
    expect(statementAt(script, 'sqlite', script.indexOf(';') + 1)?.sql).toBe('SELECT 1');
    expect(statementAt(script, 'sqlite', script.length)?.sql).toBe('UPDATE t SET a = 2');
    expect(statementAt('  \n-- only a comment', 'sqlite', 0)).toBeNull();
  });

  it('knows dialect quoting: dollar quotes, backslash escapes, brackets, GO', () => {
    const pg = 'CREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql; SELECT 2';
    expect(splitStatements(pg, 'postgres').length).toBe(2);
    expect(splitStatements("SELECT 'it\\'s;'; SELECT 2 # x;y", 'mysql').map((s) => s.sql)).toEqual([
      "SELECT 'it\\'s;'",
      'SELECT 2 # x;y',
    ]);
    expect(splitStatements('SELECT [a;b] FROM t\nGO\nSELECT 2', 'mssql').map((s) => s.sql)).toEqual([
      'SELECT [a;b] FROM t',
      'SELECT 2',
    ]);
  });

  it('converts between offsets and 1-based line/column', () => {
    expect(lineColumnAt('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
    expect(offsetOf('ab\ncd', 2, 2)).toBe(4);
    expect(offsetOf('ab\ncd', 9, 1)).toBe(5);
  });
});
