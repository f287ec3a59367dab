/**
 * Pure geometry and data rules of the virtual grid: which rows and columns are visible, how a
 * huge result maps onto the browser's largest scrollable height, client-side sort and filter,
 * and the SQL that re-queries a large result sorted or filtered.
 */
import type { StatementOutcome } from '../../../shared/query';
import type { Filters, SortSpec } from '../../../shared/requery';
import { cellToText, Decimal, type CellValue, type Row } from '../../../shared/values';

export { wrapQuery, type Filters, type SortSpec } from '../../../shared/requery';

/** Browsers cap element heights (~33.5M px in Chromium); past this the scroll is scaled. */
export const MAX_SCROLL_HEIGHT = 15_000_000;

/** The rows to render for a scroll position. `top` is where the first one is drawn (px). */
export function visibleRows(
  scrollTop: number,
  viewportHeight: number,
  rowHeight: number,
  rowCount: number,
  overscan = 6,
): { first: number; last: number; top: number; height: number } {
  const fullHeight = rowCount * rowHeight;
  const height = Math.min(fullHeight, MAX_SCROLL_HEIGHT);
  const maxScroll = Math.max(0, height - viewportHeight);
  // Scaled mode: the scroll fraction picks the row, so the last row is reachable at the bottom.
  const virtualTop =
    fullHeight <= height || maxScroll === 0
      ? scrollTop
      : (Math.min(scrollTop, maxScroll) / maxScroll) * Math.max(0, fullHeight - viewportHeight);
  const exact = virtualTop / rowHeight;
  const firstVisible = Math.floor(exact);
  const first = Math.max(0, firstVisible - overscan);
  const last = Math.min(rowCount - 1, Math.ceil((virtualTop + viewportHeight) / rowHeight) + overscan);
  const top = scrollTop - (exact - first) * rowHeight;
  return { first, last, top, height };
}

/** Left edges of the columns in display order, plus the total width as the last entry. */
export function columnLefts(widths: number[]): number[] {
  const lefts = [0];
  for (const w of widths) lefts.push(lefts[lefts.length - 1]! + w);
  return lefts;
}

/** The display positions whose columns intersect [scrollLeft, scrollLeft + width]. */
export function visibleColumns(lefts: number[], scrollLeft: number, width: number, overscan = 1): [number, number] {
  const n = lefts.length - 1;
  if (n <= 0) return [0, -1];
  let first = 0;
  while (first < n - 1 && lefts[first + 1]! <= scrollLeft) first++;
  let last = first;
  while (last < n - 1 && lefts[last + 1]! < scrollLeft + width) last++;
  return [Math.max(0, first - overscan), Math.min(n - 1, last + overscan)];
}

/** A starting column width from the name and type, bounded. */
export function initialWidth(name: string, type: string): number {
  const chars = Math.max(name.length, Math.min(type.length, 12), 4);
  return Math.max(70, Math.min(320, chars * 8 + 36));
}

/** Moves the item at `from` to position `to` (column reorder by dragging). */
export function moveItem<T>(items: readonly T[], from: number, to: number): T[] {
  const out = [...items];
  const [item] = out.splice(from, 1);
  out.splice(Math.max(0, Math.min(to, out.length)), 0, item!);
  return out;
}

/** Clicking a header: none → asc → desc → none. */
export function nextSort(current: SortSpec | null, column: number): SortSpec | null {
  if (!current || current.column !== column) return { column, dir: 'asc' };
  return current.dir === 'asc' ? { column, dir: 'desc' } : null;
}

/** Orders cells like a database: numbers numerically (bigint and Decimal exactly enough), NULLs last. */
export function compareCells(a: CellValue, b: CellValue): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  const na = numeric(a);
  const nb = numeric(b);
  if (na !== null && nb !== null) {
    if (typeof na === 'bigint' && typeof nb === 'bigint') return na < nb ? -1 : na > nb ? 1 : 0;
    return Number(na) - Number(nb);
  }
  const ta = cellToText(a);
  const tb = cellToText(b);
  return ta < tb ? -1 : ta > tb ? 1 : 0;
}

function numeric(v: CellValue): number | bigint | null {
  if (typeof v === 'number' || typeof v === 'bigint') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v instanceof Decimal) return Number(v.text);
  return null;
}

/** True when some filter is set. */
export function hasFilters(filters: Filters): boolean {
  return Object.values(filters).some((f) => f.trim() !== '');
}

/** Row indexes of `rows` that pass `filters`, in `sort` order (stable). */
export function sortAndFilter(rows: Row[], sort: SortSpec | null, filters: Filters): Int32Array {
  const active = Object.entries(filters)
    .filter(([, f]) => f.trim() !== '')
    .map(([c, f]) => [Number(c), f.trim().toLowerCase()] as const);
  const keep: number[] = [];
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    if (active.every(([c, f]) => cellMatches(row[c] ?? null, f))) keep.push(i);
  }
  if (sort) {
    const sign = sort.dir === 'asc' ? 1 : -1;
    keep.sort((x, y) => {
      const a = rows[x]![sort.column] ?? null;
      const b = rows[y]![sort.column] ?? null;
      // NULLs stay last in both directions, as most engines show them by default.
      if (a === null || b === null) return compareCells(a, b) || x - y;
      return sign * compareCells(a, b) || x - y;
    });
  }
  return Int32Array.from(keep);
}

function cellMatches(v: CellValue, needle: string): boolean {
  if (v === null) return needle === 'null';
  return cellToText(v).toLowerCase().includes(needle);
}

/** Results this small (and complete) are sorted and filtered in the renderer. */
export const CLIENT_SORT_LIMIT = 100_000;

/** Why a result cannot be re-queried, or null when it can. */
export function requeryBlocker(statement: StatementOutcome | undefined, connectionId: string | undefined): string | null {
  if (!connectionId || !statement) return 'Sorting this result needs its statement, which is not available.';
  if (statement.resultSets.length !== 1) return 'This statement returned several result sets; it cannot be re-run sorted.';
  if (statement.kind !== 'read' || !/^\s*(select|with|values|table)\b/i.test(stripComments(statement.sql)))
    return 'Only SELECT statements are re-run to sort or filter a large result.';
  return null;
}

function stripComments(sql: string): string {
  return sql.replace(/^(\s*(--[^\n]*\n|\/\*[\s\S]*?\*\/))*/, '');
}

/** The scrollTop that puts `row` in view (inverse of `visibleRows`' scaling), or null if it is. */
export function scrollTopForRow(
  row: number,
  scrollTop: number,
  viewportHeight: number,
  rowHeight: number,
  rowCount: number,
): number | null {
  const fullHeight = rowCount * rowHeight;
  const height = Math.min(fullHeight, MAX_SCROLL_HEIGHT);
  const maxScroll = Math.max(0, height - viewportHeight);
  const virtualSpan = Math.max(0, fullHeight - viewportHeight);
  const scale = fullHeight <= height || maxScroll === 0 ? 1 : virtualSpan / maxScroll;
  const virtualTop = scrollTop * scale;
  const y = row * rowHeight;
  let target: number;
  if (y < virtualTop) target = y;
  else if (y + rowHeight > virtualTop + viewportHeight) target = y + rowHeight - viewportHeight;
  else return null;
  return Math.max(0, Math.min(maxScroll, target / scale));
}

/** Column widths fitted to the header and a sample of rows (mono 12px ≈ 7.3px a character). */
export function autoWidths(columns: { name: string; type: string }[], sample: Row[]): number[] {
  return columns.map((c, i) => {
    let chars = 0;
    for (const row of sample) {
      const v = row[i] ?? null;
      const text = v === null ? 'NULL' : v instanceof Uint8Array ? '0x0000000000000000… (99 B)' : cellToText(v);
      // Numbers grow down a result (ids, sums): leave room for nine digits.
      const n = Math.min(60, numeric(v) !== null && typeof v !== 'boolean' ? Math.max(9, text.length) : text.length);
      if (n > chars) chars = n;
    }
    const header = Math.max(c.name.length, Math.min(c.type.length, 14)) * 8 + 40;
    return Math.round(Math.max(64, Math.min(420, Math.max(header, chars * 7.3 + 18))));
  });
}
