/** Unit tests of the SQLite driver's pure parts: error mapping, CHECK parsing, plans, framing. */
import { describe, expect, it } from 'vitest';
import { parseCheckConstraints, parseConstraintNames } from './checks';
import { mapSqliteError } from './errors';
import { nullBindings, planFromRows } from './explain';
import { encodeFrame, FrameReader, type HostEvent } from './protocol';

describe('mapSqliteError', () => {
  it('maps a syntax error to SYNTAX_ERROR with the token position', () => {
    const err = mapSqliteError({ message: 'near "FORM": syntax error', code: 'SQLITE_ERROR' }, 'SELECT *\nFORM t');
    expect(err.code).toBe('SYNTAX_ERROR');
    expect(err.detail?.position).toEqual({ line: 2, column: 1, offset: 9 });
    expect(err.detail?.engineCode).toBe('SQLITE_ERROR');
  });

  it('maps incomplete input to the end of the statement', () => {
    const err = mapSqliteError({ message: 'incomplete input', code: 'SQLITE_ERROR' }, 'SELECT (1');
    expect(err.code).toBe('SYNTAX_ERROR');
    expect(err.detail?.position?.offset).toBe(9);
  });

  it('maps read-only and cannot-open errors', () => {
    expect(mapSqliteError({ message: 'attempt to write a readonly database', code: 'SQLITE_READONLY' }).code).toBe('READ_ONLY_VIOLATION');
    expect(mapSqliteError({ message: 'unable to open database file', code: 'SQLITE_CANTOPEN' }).code).toBe('NOT_FOUND');
    expect(mapSqliteError({ message: 'database is locked', code: 'SQLITE_BUSY' }).message).toContain('retry');
  });
});

describe('parseCheckConstraints', () => {
  it('finds column and table CHECKs, names, and ignores parentheses inside strings and comments', () => {
    const sql = `CREATE TABLE "t x" (
      a INTEGER CHECK (a > 0) -- (not a check
      , "b c" TEXT CONSTRAINT b_len CHECK (length("b c") < 10 AND "b c" <> ')'),
      CHECK (a < 100 OR "b c" IS NULL), /* CHECK (fake) */
      CONSTRAINT u UNIQUE (a, "b c")
    )`;
    expect(parseCheckConstraints('t x', sql, ['a', 'b c'])).toEqual([
      { name: 't x_check1', kind: 'check', columns: ['a'], definition: 'a > 0' },
      { name: 'b_len', kind: 'check', columns: ['b c'], definition: `length("b c") < 10 AND "b c" <> ')'` },
      { name: 't x_check3', kind: 'check', columns: ['a', 'b c'], definition: 'a < 100 OR "b c" IS NULL' },
    ]);
    expect(parseConstraintNames(sql).get('unique:a,b c')).toBe('u');
  });
});

describe('explain', () => {
  it('builds a tree from EXPLAIN QUERY PLAN rows', () => {
    const { plan } = planFromRows([
      { id: 2, parent: 0, detail: 'SCAN o' },
      { id: 5, parent: 0, detail: 'SEARCH c USING INTEGER PRIMARY KEY (rowid=?)' },
      { id: 9, parent: 0, detail: 'USE TEMP B-TREE FOR ORDER BY' },
      { id: 12, parent: 9, detail: 'SEARCH t USING INDEX t_idx (a=?)' },
    ]);
    expect(plan.op).toBe('QUERY PLAN');
    expect(plan.children.map((n) => [n.op, n.relation ?? null])).toEqual([
      ['SCAN', 'o'],
      ['SEARCH', 'c'],
      ['USE TEMP B-TREE FOR ORDER BY', null],
    ]);
    expect(plan.children[2]!.children[0]!.detail?.index).toBe('t_idx');
  });

  it('binds NULL for every placeholder style, skipping ones inside strings', () => {
    expect(nullBindings("SELECT ?, ?, '?' , :a, @b, $c, ?3")).toEqual([null, null, null, { a: null, b: null, c: null }]);
    expect(nullBindings('SELECT 1')).toEqual([]);
  });
});

describe('FrameReader', () => {
  it('reassembles frames split at any byte and keeps bigint and binary values', () => {
    const events: HostEvent[] = [
      { type: 'columns', id: 1, columns: [{ name: 'a', type: 'INTEGER' }] },
      { type: 'rows', id: 1, rows: [[2n ** 63n - 1n, new Uint8Array([1, 2]), null, 'x']] },
      { type: 'done', id: 1, rowsAffected: null, inTransaction: false },
    ];
    const bytes = Buffer.concat(events.map(encodeFrame));
    const reader = new FrameReader();
    const out: HostEvent[] = [];
    for (let i = 0; i < bytes.length; i += 7) out.push(...reader.push(bytes.subarray(i, i + 7)));
    expect(out).toHaveLength(3);
    expect(out[1]).toMatchObject({ type: 'rows' });
    const row = (out[1] as Extract<HostEvent, { type: 'rows' }>).rows[0]!;
    expect(row[0]).toBe(9223372036854775807n);
    expect([...(row[1] as Uint8Array)]).toEqual([1, 2]);
    expect(row[2]).toBeNull();
  });
});
