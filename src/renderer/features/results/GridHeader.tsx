/** The grid's sticky header: sort by click, resize by the right edge, reorder by dragging, filters. */
import { useRef, useState, type PointerEvent as ReactPointerEvent, type ReactNode } from 'react';
import type { ColumnMeta } from '../../../shared/query';
import type { Filters, SortSpec } from './gridModel';

/** Props of the header. */
export interface GridHeaderProps {
  columns: ColumnMeta[];
  /** Result column index per display position. */
  order: number[];
  /** Width per result column. */
  widths: number[];
  /** Left edge per display position (last entry = total width). */
  lefts: number[];
  range: [number, number];
  rowNumWidth: number;
  height: number;
  sort: SortSpec | null;
  sortDisabled: string | null;
  onSort(column: number): void;
  onResize(column: number, width: number): void;
  onReorder(from: number, to: number): void;
  showFilters: boolean;
  filters: Filters;
  onFilter(column: number, text: string): void;
}

/** Header row (and optional filter row) of the grid. */
export function GridHeader(p: GridHeaderProps): ReactNode {
  const ref = useRef<HTMLDivElement>(null);
  const [drop, setDrop] = useState<number | null>(null);
  const total = p.lefts[p.lefts.length - 1] ?? 0;

  const dropPosition = (clientX: number): number => {
    const rect = ref.current!.getBoundingClientRect();
    const x = clientX - rect.left - p.rowNumWidth;
    let pos = 0;
    while (pos < p.order.length && (p.lefts[pos]! + p.lefts[pos + 1]!) / 2 < x) pos++;
    return pos;
  };

  const startDrag = (e: ReactPointerEvent, pos: number): void => {
    if (e.button !== 0) return;
    const startX = e.clientX;
    let dragging = false;
    const move = (ev: PointerEvent): void => {
      if (!dragging && Math.abs(ev.clientX - startX) > 4) dragging = true;
      if (dragging) setDrop(dropPosition(ev.clientX));
    };
    const up = (ev: PointerEvent): void => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', up);
      setDrop(null);
      if (!dragging) return p.onSort(p.order[pos]!);
      const target = dropPosition(ev.clientX);
      p.onReorder(pos, target > pos ? target - 1 : target);
    };
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', up);
  };

  const startResize = (e: ReactPointerEvent, column: number): void => {
    e.stopPropagation();
    e.preventDefault();
    const startX = e.clientX;
    const startWidth = p.widths[column]!;
    const move = (ev: PointerEvent): void => p.onResize(column, Math.max(48, startWidth + ev.clientX - startX));
    const up = (): void => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', up);
    };
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', up);
  };

  const cells: ReactNode[] = [];
  for (let pos = p.range[0]; pos <= p.range[1]; pos++) {
    const column = p.order[pos]!;
    const meta = p.columns[column]!;
    const sorted = p.sort?.column === column ? p.sort.dir : null;
    cells.push(
      <div
        key={column}
        role="columnheader"
        aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'}
        className={`grid-hcell${sorted ? ' is-sorted' : ''}`}
        style={{ left: p.rowNumWidth + p.lefts[pos]!, width: p.widths[column] }}
        title={`${meta.name}${meta.type ? ` (${meta.type})` : ''}\n${p.sortDisabled ?? 'Click to sort · drag to move'}`}
        onPointerDown={(e) => startDrag(e, pos)}
      >
        <span className="grid-hname">{meta.name}</span>
        {meta.type && <span className="grid-htype">{meta.type.toLowerCase()}</span>}
        {sorted && <span className="grid-sort">{sorted === 'asc' ? '▲' : '▼'}</span>}
        <span
          className="grid-resize"
          aria-label={`Resize ${meta.name}`}
          onPointerDown={(e) => startResize(e, column)}
        />
        {p.showFilters && (
          <input
            className="grid-filter"
            aria-label={`Filter ${meta.name}`}
            placeholder="filter…"
            defaultValue={p.filters[column] ?? ''}
            disabled={p.sortDisabled !== null}
            onPointerDown={(e) => e.stopPropagation()}
            onKeyDown={(e) => {
              if (e.key === 'Enter') p.onFilter(column, e.currentTarget.value);
            }}
            onBlur={(e) => p.onFilter(column, e.currentTarget.value)}
          />
        )}
      </div>,
    );
  }
  return (
    <div
      ref={ref}
      className="grid-header"
      role="row"
      style={{ width: p.rowNumWidth + total, height: p.height }}
    >
      <div className="grid-hcell grid-corner" style={{ width: p.rowNumWidth }} />
      {cells}
      {drop !== null && (
        <div className="grid-drop" style={{ left: p.rowNumWidth + (p.lefts[drop] ?? total) - 1 }} />
      )}
    </div>
  );
}
