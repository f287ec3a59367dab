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

/** Statements as [sql, from, to], and checks each offset pair slices its own text. */
function parts(sql: string, dialect: Parameters<typeof splitStatements>[1]): Array<[string, number, number]> {
  const out = splitStatements(sql, dialect).map((s): [string, number, number] => [s.sql, s.from, s.to]);
  for (const [text, from, to] of out) expect(sql.slice(from, to)).toBe(text);
  return out;
}

describe('compound bodies and client delimiters', () => {
  it('keeps a SQLite trigger body (with CASE … END inside) as one statement', () => {
    const trigger =
      'CREATE TRIGGER trg AFTER INSERT ON t BEGIN\n' +
      "  UPDATE t SET kind = CASE WHEN new.a > 0 THEN 'pos' ELSE 'neg' END WHERE id = new.id;\n" +
      '  INSERT INTO log VALUES (new.id);\n' +
      'END';
    const script = `${trigger};\nSELECT weekend, begin_date FROM t;`;
    expect(parts(script, 'sqlite')).toEqual([
      [trigger, 0, trigger.length],
      ['SELECT weekend, begin_date FROM t', trigger.length + 2, trigger.length + 35],
    ]);
    // Ctrl+Enter inside the body runs the whole trigger.
    expect(statementAt(script, 'sqlite', script.indexOf('INSERT INTO log'))?.sql).toBe(trigger);
  });

  it('treats CREATE TEMP TRIGGER like a trigger and a bare BEGIN; as a normal statement', () => {
    const temp = 'CREATE TEMP TRIGGER t2 BEFORE DELETE ON t BEGIN SELECT 1; SELECT 2; END';
    expect(parts(`${temp}; SELECT 3`, 'sqlite')).toEqual([
      [temp, 0, 71],
      ['SELECT 3', 73, 81],
    ]);
    const tx = 'BEGIN;\nINSERT INTO t VALUES (1);\nBEGIN TRANSACTION;\nCOMMIT;';
    expect(parts(tx, 'sqlite')).toEqual([
      ['BEGIN', 0, 5],
      ['INSERT INTO t VALUES (1)', 7, 31],
      ['BEGIN TRANSACTION', 33, 50],
      ['COMMIT', 52, 58],
    ]);
  });

  it('skips PostgreSQL $$ and $tag$ bodies, but not $1 parameters', () => {
    const fn = 'CREATE FUNCTION f() RETURNS int AS $body$ BEGIN RETURN 1; END; $body$ LANGUAGE plpgsql';
    const doBlock = "DO $$ BEGIN RAISE NOTICE 'a;b'; END $$";
    const script = `${fn};\n${doBlock};\nSELECT $1::int;`;
    expect(parts(script, 'postgres')).toEqual([
      [fn, 0, 86],
      [doBlock, 88, 126],
      ['SELECT $1::int', 128, 142],
    ]);
  });

  it('follows MySQL DELIMITER lines and drops them', () => {
    const script =
      'DELIMITER //\n' +
      'CREATE PROCEDURE p() BEGIN SELECT 1; SELECT 2; END//\n' +
      'DELIMITER ;\n' +
      'CALL p();';
    expect(parts(script, 'mysql')).toEqual([
      ['CREATE PROCEDURE p() BEGIN SELECT 1; SELECT 2; END', 13, 63],
      ['CALL p()', 78, 86],
    ]);
    expect(statementAt(script, 'mysql', script.indexOf('SELECT 2'))?.sql).toMatch(/^CREATE PROCEDURE p\(\)/);
  });

  it('splits SQL Server batches at GO lines (any case, trailing blanks), not at GO inside a line', () => {
    const script = 'SELECT 1; SELECT 2\ngo  \nSELECT goal FROM t\n  GO\nSELECT 3';
    expect(parts(script, 'mssql')).toEqual([
      ['SELECT 1', 0, 8],
      ['SELECT 2', 10, 18],
      ['SELECT goal FROM t', 24, 42],
      ['SELECT 3', 48, 56],
    ]);
  });
});
