/** Pure model of the grid's selection: a rectangle of display rows × display columns. */

/** A cell position in display coordinates (row index in the view, column position on screen). */
export interface CellPos {
  row: number;
  col: number;
}

/** The anchor (where selection started) and focus (the active cell). */
export interface Selection {
  anchor: CellPos;
  focus: CellPos;
}

/** Normalised bounds of a selection, inclusive. */
export interface Bounds {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** The rectangle a selection covers. */
export function boundsOf(sel: Selection): Bounds {
  return {
    top: Math.min(sel.anchor.row, sel.focus.row),
    bottom: Math.max(sel.anchor.row, sel.focus.row),
    left: Math.min(sel.anchor.col, sel.focus.col),
    right: Math.max(sel.anchor.col, sel.focus.col),
  };
}

/** True when (row, col) is inside the selection. */
export function isSelected(sel: Selection | null, row: number, col: number): boolean {
  if (!sel) return false;
  const b = boundsOf(sel);
  return row >= b.top && row <= b.bottom && col >= b.left && col <= b.right;
}

/** Whole rows from `a` to `b` (clicking row numbers). */
export function rowsSelection(a: number, b: number, columnCount: number): Selection {
  return { anchor: { row: a, col: 0 }, focus: { row: b, col: Math.max(0, columnCount - 1) } };
}

/** Everything. */
export function selectAll(rowCount: number, columnCount: number): Selection | null {
  if (rowCount === 0 || columnCount === 0) return null;
  return rowsSelection(0, rowCount - 1, columnCount);
}

/** Keys that move the focus cell, with the page size for PageUp/PageDown. */
export function moveFocus(
  pos: CellPos,
  key: string,
  rowCount: number,
  columnCount: number,
  pageRows: number,
  toEdge: boolean,
): CellPos | null {
  const clampRow = (r: number): number => Math.max(0, Math.min(rowCount - 1, r));
  const clampCol = (c: number): number => Math.max(0, Math.min(columnCount - 1, c));
  switch (key) {
    case 'ArrowUp':
      return { row: toEdge ? 0 : clampRow(pos.row - 1), col: pos.col };
    case 'ArrowDown':
      return { row: toEdge ? rowCount - 1 : clampRow(pos.row + 1), col: pos.col };
    case 'ArrowLeft':
      return { row: pos.row, col: toEdge ? 0 : clampCol(pos.col - 1) };
    case 'ArrowRight':
      return { row: pos.row, col: toEdge ? columnCount - 1 : clampCol(pos.col + 1) };
    case 'PageUp':
      return { row: clampRow(pos.row - pageRows), col: pos.col };
    case 'PageDown':
      return { row: clampRow(pos.row + pageRows), col: pos.col };
    case 'Home':
      return toEdge ? { row: 0, col: 0 } : { row: pos.row, col: 0 };
    case 'End':
      return toEdge ? { row: rowCount - 1, col: columnCount - 1 } : { row: pos.row, col: columnCount - 1 };
    default:
      return null;
  }
}

/** Rows in a selection (for "N rows selected" and copy limits). */
export function selectedRowCount(sel: Selection | null): number {
  if (!sel) return 0;
  const b = boundsOf(sel);
  return b.bottom - b.top + 1;
}
