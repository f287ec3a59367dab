/** Unit tests of the SQLite driver's pure parts: error mapping, CHECK parsing, plans, framing. */
import { describe, expect, it } from 'vitest';
import { parseCheckConstraints, parseConstraintNames } from './checks';
import { mapSqliteError } from './errors';
import { nullBindings, planFromRows } from './explain';
import type { Row } from '../../../shared/values';
import { decodeChunk, encodeChunk } from '../../query/spool/chunkCodec';
import { encodeFrame, encodeRowsFrameHeader, FrameReader, type HostEvent } from './protocol';

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
  const rows: Row[] = [
    [2n ** 63n - 1n, new Uint8Array([1, 2]), null, 'x'],
    [-1, new Uint8Array(0), 1.5, 'üñí'],
  ];
  const frames = (): Buffer => {
    const chunk = encodeChunk(rows, 4);
    return Buffer.concat([
      encodeFrame({ type: 'columns', id: 1, columns: [{ name: 'a', type: 'INTEGER' }] }),
      encodeRowsFrameHeader(1, chunk),
      chunk,
      encodeFrame({ type: 'done', id: 1, rowsAffected: null, inTransaction: false }),
    ]);
  };

  it.each([1, 7, 64 * 1024])('reassembles frames split every %i bytes and keeps bigint and binary values', (step) => {
    const bytes = frames();
    const reader = new FrameReader();
    const out: HostEvent[] = [];
    for (let i = 0; i < bytes.length; i += step) out.push(...reader.push(bytes.subarray(i, i + step)));
    expect(out.map((e) => e.type)).toEqual(['columns', 'encodedRows', 'done']);
    const batch = out[1] as Extract<HostEvent, { type: 'encodedRows' }>;
    expect(batch).toMatchObject({ id: 1, rowCount: 2 });
    // The spool keeps this buffer: it must own exactly its memory, not a slice of a pipe read.
    expect(batch.chunk.byteOffset).toBe(0);
    expect(batch.chunk.buffer.byteLength).toBe(batch.chunk.byteLength);
    const back = decodeChunk(batch.chunk);
    expect(back[0]![0]).toBe(9223372036854775807n);
    expect(back).toStrictEqual(rows);
  });
});
