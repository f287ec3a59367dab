import { describe, expect, it } from 'vitest';
import { positionInScript, splitScript, statementAtCursor } from './splitter';

describe('splitScript', () => {
  it('splits on semicolons but not inside strings or comments, with script positions', () => {
    const script = "SELECT 1;\n  SELECT 'a;b', \"x;y\" /* c; */ FROM t; -- done; really\nSELECT 2";
    expect(splitScript(script, 'postgres')).toEqual([
      { sql: 'SELECT 1', offset: 0, line: 1, column: 1 },
      { sql: `SELECT 'a;b', "x;y" /* c; */ FROM t`, offset: 12, line: 2, column: 3 },
      { sql: '-- done; really\nSELECT 2', offset: 49, line: 2, column: 40 },
    ]);
  });

  it('drops empty statements and comment-only leftovers', () => {
    expect(splitScript(';;\n  ;SELECT 1;;\n-- the end\n', 'sqlite')).toEqual([
      { sql: 'SELECT 1', offset: 6, line: 2, column: 4 },
    ]);
    expect(splitScript('   \n ', 'postgres')).toEqual([]);
  });

  it('keeps PostgreSQL dollar-quoted bodies whole ($$ and $tag$)', () => {
    const fn = 'CREATE FUNCTION f() RETURNS int AS $$ BEGIN RETURN 1; END; $$ LANGUAGE plpgsql';
    const script = `${fn};\nSELECT $tag$ ; $x$ ; $tag$ AS s;\nDO $body$ BEGIN PERFORM 1; END $body$`;
    expect(splitScript(script, 'postgres').map((s) => s.sql)).toEqual([
      fn,
      'SELECT $tag$ ; $x$ ; $tag$ AS s',
      'DO $body$ BEGIN PERFORM 1; END $body$',
    ]);
  });

  it("keeps PostgreSQL E'…' strings with backslash-escaped quotes whole", () => {
    const script = "SELECT E'it\\'s; fine';\nSELECT 2";
    expect(splitScript(script, 'postgres')).toEqual([
      { sql: "SELECT E'it\\'s; fine'", offset: 0, line: 1, column: 1 },
      { sql: 'SELECT 2', offset: 23, line: 2, column: 1 },
    ]);
  });

  it('keeps a PostgreSQL BEGIN ATOMIC function body whole', () => {
    const fn = 'CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; SELECT 2; END';
    expect(splitScript(`${fn};\nSELECT 3;`, 'postgres').map((s) => s.sql)).toEqual([fn, 'SELECT 3']);
  });

  it('honours MySQL DELIMITER blocks; the DELIMITER lines are not statements', () => {
    const script = [
      'DELIMITER //',
      'CREATE PROCEDURE p() BEGIN SELECT 1; SELECT 2; END //',
      'DELIMITER ;',
      'SELECT 3;',
    ].join('\n');
    expect(splitScript(script, 'mysql')).toEqual([
      { sql: 'CREATE PROCEDURE p() BEGIN SELECT 1; SELECT 2; END', offset: 13, line: 2, column: 1 },
      { sql: 'SELECT 3', offset: 79, line: 4, column: 1 },
    ]);
  });

  it('keeps a MySQL routine written without DELIMITER together (IF … END IF inside)', () => {
    const proc = 'CREATE PROCEDURE p() BEGIN IF 1 THEN SELECT 1; END IF; SELECT 2; END';
    expect(splitScript(`${proc};\nSELECT 3;`, 'mysql').map((s) => s.sql)).toEqual([proc, 'SELECT 3']);
  });

  it("ignores ; and quotes inside MySQL # comments, and backslash-escaped quotes", () => {
    const script = "SELECT 1; # it's; a comment\nSELECT 'it\\'s;'; SELECT 2";
    expect(splitScript(script, 'mysql').map((s) => s.sql)).toEqual(['SELECT 1', "SELECT 'it\\'s;'", 'SELECT 2']);
  });

  it('keeps MySQL executable comments (mysqldump headers) as statements', () => {
    const script = '/*!40101 SET NAMES utf8mb4 */;\n/* just a note */;\nSELECT 1;';
    expect(splitScript(script, 'mysql').map((s) => s.sql)).toEqual(['/*!40101 SET NAMES utf8mb4 */', 'SELECT 1']);
  });

  it('splits SQL Server scripts into GO batches (a batch is one statement)', () => {
    const script = "SELECT 1;\nSELECT 2\nGO\nSELECT 'GO'\ngo\n  \nGO\nPRINT 'x'";
    expect(splitScript(script, 'mssql')).toEqual([
      { sql: 'SELECT 1;\nSELECT 2', offset: 0, line: 1, column: 1 },
      { sql: "SELECT 'GO'", offset: 22, line: 4, column: 1 },
      { sql: "PRINT 'x'", offset: 43, line: 8, column: 1 },
    ]);
  });

  it('keeps a SQLite CREATE TRIGGER … BEGIN … END body whole (CASE … END inside)', () => {
    const trigger = [
      'CREATE TRIGGER tr AFTER INSERT ON a BEGIN',
      '  INSERT INTO b VALUES (1);',
      '  UPDATE c SET x = CASE WHEN 1 THEN 2 ELSE 3 END;',
      'END',
    ].join('\n');
    const script = `${trigger};\nSELECT weekend, begin_date FROM t; BEGIN; SELECT 1; COMMIT;`;
    expect(splitScript(script, 'sqlite')).toEqual([
      { sql: trigger, offset: 0, line: 1, column: 1 },
      { sql: 'SELECT weekend, begin_date FROM t', offset: 125, line: 5, column: 1 },
      { sql: 'BEGIN', offset: 160, line: 5, column: 36 },
      { sql: 'SELECT 1', offset: 167, line: 5, column: 43 },
      { sql: 'COMMIT', offset: 177, line: 5, column: 53 },
    ]);
  });
});

describe('statementAtCursor', () => {
  const script = 'SELECT 1;\n\nSELECT 2;   \nSELECT 3';

  it('returns the statement containing the cursor', () => {
    expect(statementAtCursor(script, 'postgres', 14)?.sql).toBe('SELECT 2');
    expect(statementAtCursor(script, 'postgres', 0)?.sql).toBe('SELECT 1');
    expect(statementAtCursor(script, 'postgres', script.length)?.sql).toBe('SELECT 3');
  });

  it('returns the statement right before the cursor when it sits after a semicolon or on a blank line', () => {
    expect(statementAtCursor(script, 'postgres', 9)?.sql).toBe('SELECT 1');
    expect(statementAtCursor(script, 'postgres', 10)?.sql).toBe('SELECT 1');
    expect(statementAtCursor(script, 'postgres', 22)?.sql).toBe('SELECT 2');
  });

  it('returns the first statement before any text, and null for an empty script', () => {
    expect(statementAtCursor('\n\n  SELECT 1', 'sqlite', 0)?.sql).toBe('SELECT 1');
    expect(statementAtCursor('  ', 'sqlite', 1)).toBeNull();
  });
});

describe('positionInScript', () => {
  it('maps an offset inside a statement to script line/column/offset', () => {
    const script = 'SELECT 1;\n  SELECT a,\n    bogus FROM t';
    const [, second] = splitScript(script, 'postgres');
    expect(second).toMatchObject({ line: 2, column: 3, offset: 12 });
    expect(positionInScript(second, 0)).toEqual({ line: 2, column: 3, offset: 12 });
    expect(positionInScript(second, 7)).toEqual({ line: 2, column: 10, offset: 19 });
    const bogus = second.sql.indexOf('bogus');
    expect(positionInScript(second, bogus)).toEqual({ line: 3, column: 5, offset: script.indexOf('bogus') });
  });

  it('clamps offsets outside the statement', () => {
    const [stmt] = splitScript('  SELECT 1', 'postgres');
    expect(positionInScript(stmt, -4)).toEqual({ line: 1, column: 3, offset: 2 });
    expect(positionInScript(stmt, 99)).toEqual({ line: 1, column: 11, offset: 10 });
  });
});
