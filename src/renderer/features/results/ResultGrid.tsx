/**
 * The virtualised result grid: only the visible rows and columns are in the DOM, rows come from
 * a windowed source, and past the browser's height limit the scroll bar is scaled so row
 * 1,000,000 is still reachable. Controlled: order, widths and selection live in the parent.
 */
import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { ColumnMeta } from '../../../shared/query';
import type { CellValue } from '../../../shared/values';
import { GridHeader } from './GridHeader';
import { columnLefts, moveItem, scrollTopForRow, visibleColumns, visibleRows, type Filters, type SortSpec } from './gridModel';
import { displayCell } from './model';
import { isSelected, moveFocus, rowsSelection, selectAll, type CellPos, type Selection } from './selection';
import type { RowSource } from './useResultView';
import './grid.css';

/** Row height in px (fixed: it is what makes a million rows cheap). */
export const ROW_HEIGHT = 24;
const HEADER_HEIGHT = 40;
const FILTER_HEIGHT = 28;

/** Props of the grid. */
export interface ResultGridProps {
  columns: ColumnMeta[];
  source: RowSource;
  order: number[];
  widths: number[];
  selection: Selection | null;
  onSelect(sel: Selection | null): void;
  onOrder(order: number[]): void;
  onWidths(widths: number[]): void;
  sort: SortSpec | null;
  sortDisabled: string | null;
  onSort(column: number): void;
  showFilters: boolean;
  filters: Filters;
  onFilter(column: number, text: string): void;
  /** Right click on a cell (at viewport x, y). */
  onCellMenu(pos: CellPos, value: CellValue, x: number, y: number): void;
  /** Opens the cell viewer on a value. */
  onOpenCell(pos: CellPos, value: CellValue): void;
  /** Changes when the rows are re-ordered or filtered: the grid returns to the top. */
  viewKey: string;
  /** Ctrl/Cmd+C on the grid. */
  onCopy(): void;
}

/** The grid (see module comment). */
export function ResultGrid(p: ResultGridProps): ReactNode {
  const scroller = useRef<HTMLDivElement>(null);
  const [scroll, setScroll] = useState({ top: 0, left: 0 });
  const [size, setSize] = useState({ width: 800, height: 400 });
  const dragging = useRef(false);
  const headerHeight = HEADER_HEIGHT + (p.showFilters ? FILTER_HEIGHT : 0);
  const rowCount = p.source.rowCount;
  const rowNumWidth = Math.max(48, String(rowCount).length * 8 + 22);

  useLayoutEffect(() => {
    const el = scroller.current!;
    const measure = (): void => setSize({ width: el.clientWidth, height: el.clientHeight });
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  const bodyHeight = Math.max(0, size.height - headerHeight);
  const rows = visibleRows(scroll.top, bodyHeight, ROW_HEIGHT, rowCount);
  const lefts = columnLefts(p.order.map((c) => p.widths[c]!));
  const [c0, c1] = visibleColumns(lefts, scroll.left, size.width - rowNumWidth);
  const { want } = p.source;
  useEffect(() => {
    if (rows.last >= rows.first) want(rows.first, rows.last);
  }, [want, rows.first, rows.last, rowCount]);

  useEffect(() => {
    const el = scroller.current;
    if (el) el.scrollTop = 0;
  }, [p.viewKey]);

  const reveal = (pos: CellPos): void => {
    const el = scroller.current;
    if (!el) return;
    const top = scrollTopForRow(pos.row, el.scrollTop, bodyHeight, ROW_HEIGHT, rowCount);
    if (top !== null) el.scrollTop = top;
    const left = lefts[pos.col] ?? 0;
    const right = lefts[pos.col + 1] ?? left;
    const viewW = el.clientWidth - rowNumWidth;
    if (left < el.scrollLeft) el.scrollLeft = left;
    else if (right > el.scrollLeft + viewW) el.scrollLeft = right - viewW;
  };

  const onKeyDown = (e: KeyboardEvent): void => {
    const mod = e.ctrlKey || e.metaKey;
    if (mod && e.key.toLowerCase() === 'c') {
      e.preventDefault();
      return p.onCopy();
    }
    if (mod && e.key.toLowerCase() === 'a') {
      e.preventDefault();
      return p.onSelect(selectAll(rowCount, p.order.length));
    }
    const focus = p.selection?.focus ?? { row: 0, col: 0 };
    if (e.key === 'Enter' && p.selection) {
      const value = p.source.row(focus.row)?.[p.order[focus.col]!];
      if (value !== undefined) p.onOpenCell(focus, value);
      return;
    }
    const pageRows = Math.max(1, Math.floor(bodyHeight / ROW_HEIGHT) - 1);
    const next = moveFocus(focus, e.key, rowCount, p.order.length, pageRows, mod);
    if (!next || rowCount === 0) return;
    e.preventDefault();
    p.onSelect(e.shiftKey && p.selection ? { anchor: p.selection.anchor, focus: next } : { anchor: next, focus: next });
    reveal(next);
  };

  const select = (pos: CellPos, extend: boolean): void =>
    p.onSelect(extend && p.selection ? { anchor: p.selection.anchor, focus: pos } : { anchor: pos, focus: pos });

  const body: ReactNode[] = [];
  for (let i = rows.first; i <= rows.last; i++) {
    const row = p.source.row(i);
    const cells: ReactNode[] = [];
    for (let pos = c0; pos <= c1; pos++) {
      const column = p.order[pos]!;
      const style = { left: rowNumWidth + lefts[pos]!, width: p.widths[column] };
      const selected = isSelected(p.selection, i, pos);
      const focused = p.selection?.focus.row === i && p.selection.focus.col === pos;
      if (!row) {
        cells.push(<div key={column} className="grid-cell cell-loading" style={style} />);
        continue;
      }
      const value = row[column] ?? null;
      const { text, kind } = displayCell(value);
      cells.push(
        <div
          key={column}
          role="gridcell"
          className={`grid-cell cell-${kind}${selected ? ' is-selected' : ''}${focused ? ' is-focus' : ''}`}
          style={style}
          onPointerDown={(e) => {
            if (e.button !== 0) return;
            dragging.current = true;
            select({ row: i, col: pos }, e.shiftKey);
          }}
          onPointerEnter={() => dragging.current && p.selection && select({ row: i, col: pos }, true)}
          onDoubleClick={() => p.onOpenCell({ row: i, col: pos }, value)}
          onContextMenu={(e) => {
            e.preventDefault();
            p.onCellMenu({ row: i, col: pos }, value, e.clientX, e.clientY);
          }}
        >
          {text}
        </div>,
      );
    }
    body.push(
      <div
        key={i}
        role="row"
        aria-rowindex={i + 1}
        className={`grid-row${i % 2 ? ' is-odd' : ''}`}
        style={{ top: (i - rows.first) * ROW_HEIGHT, width: rowNumWidth + lefts[lefts.length - 1]! }}
      >
        <div
          className="grid-rownum"
          style={{ width: rowNumWidth }}
          onPointerDown={(e) => {
            const anchor = e.shiftKey && p.selection ? p.selection.anchor.row : i;
            p.onSelect(rowsSelection(anchor, i, p.order.length));
          }}
        >
          {i + 1}
        </div>
        {cells}
      </div>,
    );
  }

  return (
    <div
      ref={scroller}
      className="grid-scroll"
      role="grid"
      aria-rowcount={rowCount}
      aria-colcount={p.columns.length}
      tabIndex={0}
      data-testid="result-grid"
      onScroll={(e) => setScroll({ top: e.currentTarget.scrollTop, left: e.currentTarget.scrollLeft })}
      onKeyDown={onKeyDown}
      onPointerUp={() => (dragging.current = false)}
      onPointerLeave={() => (dragging.current = false)}
    >
      <div className="grid-content" style={{ height: headerHeight + rows.height, width: rowNumWidth + lefts[lefts.length - 1]! }}>
        <GridHeader
          columns={p.columns}
          order={p.order}
          widths={p.widths}
          lefts={lefts}
          range={[c0, c1]}
          rowNumWidth={rowNumWidth}
          height={headerHeight}
          sort={p.sort}
          sortDisabled={p.sortDisabled}
          onSort={p.onSort}
          onResize={(column, width) => p.onWidths(p.widths.map((w, c) => (c === column ? width : w)))}
          onReorder={(from, to) => p.onOrder(moveItem(p.order, from, to))}
          showFilters={p.showFilters}
          filters={p.filters}
          onFilter={p.onFilter}
        />
        <div className="grid-rows" style={{ top: headerHeight + rows.top }}>
          {body}
        </div>
        {rowCount === 0 && p.source.complete && (
          <div className="grid-empty" style={{ top: headerHeight }}>
            No rows
          </div>
        )}
      </div>
    </div>
  );
}
