import { describe, expect, it } from 'vitest';
import type { StatementOutcome } from '../../../shared/query';
import { Decimal, type Row } from '../../../shared/values';
import {
  MAX_SCROLL_HEIGHT,
  columnLefts,
  moveItem,
  nextSort,
  requeryBlocker,
  scrollTopForRow,
  sortAndFilter,
  visibleColumns,
  visibleRows,
  wrapQuery,
} from './gridModel';
import { boundsOf, moveFocus, selectAll } from './selection';

describe('virtual rows', () => {
  it('shows the rows under the viewport, with overscan', () => {
    const r = visibleRows(240, 480, 24, 1000, 2);
    expect(r.first).toBe(8);
    expect(r.last).toBe(32);
    expect(r.top).toBe(8 * 24);
  });

  it('reaches row 1,000,000 at the bottom of a scaled scroll bar', () => {
    const rows = 1_000_000;
    const view = 480;
    const r0 = visibleRows(0, view, 24, rows);
    expect(r0.height).toBe(MAX_SCROLL_HEIGHT);
    const end = visibleRows(MAX_SCROLL_HEIGHT - view, view, 24, rows, 0);
    expect(end.last).toBe(rows - 1);
    // The last row is drawn exactly at the bottom edge of the viewport.
    expect(end.top + (rows - 1 - end.first) * 24 + 24).toBeCloseTo(MAX_SCROLL_HEIGHT, 3);
  });

  it('scrolls a row into view and back through the scaling', () => {
    const top = scrollTopForRow(999_999, 0, 480, 24, 1_000_000)!;
    const r = visibleRows(top, 480, 24, 1_000_000, 0);
    expect(r.last).toBe(999_999);
    expect(scrollTopForRow(5, 0, 480, 24, 1_000_000)).toBeNull();
  });
});

describe('virtual columns', () => {
  it('finds the columns intersecting the viewport', () => {
    const lefts = columnLefts([100, 100, 100, 100, 100]);
    expect(lefts).toEqual([0, 100, 200, 300, 400, 500]);
    expect(visibleColumns(lefts, 150, 100, 0)).toEqual([1, 2]);
    expect(visibleColumns(lefts, 0, 1000, 1)).toEqual([0, 4]);
  });

  it('reorders a dragged column', () => {
    expect(moveItem([0, 1, 2, 3], 0, 2)).toEqual([1, 2, 0, 3]);
    expect(moveItem([0, 1, 2, 3], 3, 0)).toEqual([3, 0, 1, 2]);
  });
});

describe('sorting and filtering in the grid', () => {
  const rows: Row[] = [
    [3n, 'Cherry'],
    [null, 'apple'],
    [10n, 'Banana'],
    [2n, null],
  ];

  it('sorts numbers numerically with NULLs last in both directions', () => {
    expect([...sortAndFilter(rows, { column: 0, dir: 'asc' }, {})]).toEqual([3, 0, 2, 1]);
    expect([...sortAndFilter(rows, { column: 0, dir: 'desc' }, {})]).toEqual([2, 0, 3, 1]);
    const decimals: Row[] = [[new Decimal('10.5')], [new Decimal('9.75')]];
    expect([...sortAndFilter(decimals, { column: 0, dir: 'asc' }, {})]).toEqual([1, 0]);
  });

  it('filters case-insensitively, and "null" finds NULL cells', () => {
    expect([...sortAndFilter(rows, null, { 1: 'AN' })]).toEqual([2]);
    expect([...sortAndFilter(rows, null, { 1: 'null' })]).toEqual([3]);
  });

  it('cycles a header click through ascending, descending and unsorted', () => {
    const a = nextSort(null, 1);
    expect(a).toEqual({ column: 1, dir: 'asc' });
    expect(nextSort(a, 1)).toEqual({ column: 1, dir: 'desc' });
    expect(nextSort({ column: 1, dir: 'desc' }, 1)).toBeNull();
  });
});

describe('re-querying large results', () => {
  const statement = (sql: string, kind: StatementOutcome['kind'] = 'read'): StatementOutcome => ({
    index: 0,
    sql,
    line: 1,
    column: 1,
    kind,
    resultSets: [{ resultId: 'r', columns: [], rowCount: 2e6, complete: true }],
    rowsAffected: null,
    durationMs: 1,
    messages: [],
  });

  it('wraps the statement with ORDER BY ordinal and escaped filters', () => {
    const sql = wrapQuery('SELECT a, b FROM t;', ['a', 'b"x'], { column: 1, dir: 'desc' }, { 1: "50%'s" }, 'postgres');
    expect(sql).toBe(
      `SELECT * FROM (\nSELECT a, b FROM t\n) q\nWHERE LOWER(CAST(q."b""x" AS TEXT)) LIKE '%50!%''s%' ESCAPE '!'\nORDER BY 2 DESC`,
    );
    expect(wrapQuery('SELECT 1', ['x'], null, { 0: 'NULL' }, 'mysql')).toContain('q.`x` IS NULL');
  });

  it('re-runs only SELECTs, and says why otherwise', () => {
    expect(requeryBlocker(statement('WITH x AS (SELECT 1) SELECT * FROM x'), 'c1')).toBeNull();
    expect(requeryBlocker(statement('DELETE FROM t RETURNING *', 'write'), 'c1')).toMatch(/Only SELECT/);
    expect(requeryBlocker(statement('SELECT 1'), undefined)).toMatch(/not available/);
  });
});

describe('selection', () => {
  it('selects everything and moves the focus with keys', () => {
    expect(boundsOf(selectAll(10, 3)!)).toEqual({ top: 0, bottom: 9, left: 0, right: 2 });
    expect(moveFocus({ row: 5, col: 1 }, 'ArrowDown', 10, 3, 4, true)).toEqual({ row: 9, col: 1 });
    expect(moveFocus({ row: 5, col: 1 }, 'PageUp', 10, 3, 4, false)).toEqual({ row: 1, col: 1 });
    expect(moveFocus({ row: 0, col: 0 }, 'ArrowLeft', 10, 3, 4, false)).toEqual({ row: 0, col: 0 });
  });
});
