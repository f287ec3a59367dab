import { describe, expect, it } from 'vitest';
import { mapMysqlError, syntaxErrorPosition } from './errors';
import { enumValues } from './introspect';

describe('MySQL error mapping', () => {
  it('finds the position of a syntax error from the quoted "near" text and line', () => {
    const sql = 'SELECT a,\n  b FROM t\nWHERE x = = 1';
    const msg =
      "You have an error in your SQL syntax; check the manual that corresponds to your MariaDB server version for the right syntax to use near '= 1' at line 3";
    expect(syntaxErrorPosition(sql, msg)).toEqual({ line: 3, column: 11, offset: 31 });
    const atEnd = "… for the right syntax to use near '' at line 1";
    expect(syntaxErrorPosition('SELECT * FROM', atEnd)).toEqual({
      line: 1,
      column: 14,
      offset: 13,
    });
  });

  it('maps server errors to stable codes and never shows the password', () => {
    const params = {
      engine: 'mysql' as const,
      host: 'db',
      port: 3306,
      user: 'u',
      password: 'hunter2',
    };
    const denied = mapMysqlError(
      {
        code: 'ER_ACCESS_DENIED_ERROR',
        errno: 1045,
        sqlMessage: "Access denied for user 'u'@'x' (using password: hunter2)",
      },
      { params },
    );
    expect(denied.code).toBe('AUTH_FAILED');
    expect(denied.message).not.toContain('hunter2');
    expect(
      mapMysqlError({
        code: 'UNKNOWN_CODE_PLEASE_REPORT',
        errno: 1969,
        sqlMessage: 'Query execution was interrupted (max_statement_time exceeded)',
      }).code,
    ).toBe('TIMEOUT');
    expect(mapMysqlError({ code: 'ER_QUERY_TIMEOUT', errno: 3024 }).code).toBe('TIMEOUT');
    expect(
      mapMysqlError({ code: 'ER_CANT_EXECUTE_IN_READ_ONLY_TRANSACTION', errno: 1792 }).code,
    ).toBe('READ_ONLY_VIOLATION');
    expect(mapMysqlError({ code: 'ENOTFOUND' }, { params }).code).toBe('HOST_NOT_FOUND');
  });

  it('reads enum values with quotes and escapes', () => {
    expect(enumValues("enum('a','it''s','x,y')")).toEqual(['a', "it's", 'x,y']);
  });
});
