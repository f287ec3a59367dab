/**
 * Node sizes from text alone, so the layout (in a worker, no DOM), the SVG export and the React
 * view agree to the pixel. Everything is drawn in a monospace font at ER_FONT_SIZE, whose advance
 * is ER_CHAR_WIDTH: the React view must render nodes at exactly `measureNode()` sizes and put
 * column rows at `rowCenterY()`, or edges will not meet their columns.
 */
import type { ErColumn, ErNode } from './graph';

/** Font stack of every diagram text (monospace: one advance width per character). */
export const ER_FONT_FAMILY = "'DejaVu Sans Mono', Menlo, Consolas, 'Liberation Mono', monospace";
/** Font size of column rows and the header, px. */
export const ER_FONT_SIZE = 12;
/** Advance width of one character at ER_FONT_SIZE (DejaVu Sans Mono is 0.602 em), rounded up. */
export const ER_CHAR_WIDTH = 7.3;
/** Height of the table header (the table name), px. */
export const ER_HEADER_HEIGHT = 30;
/** Height of one column row, px. */
export const ER_ROW_HEIGHT = 20;
/** Horizontal padding inside a node, px. */
export const ER_PADDING_X = 8;
/** Width of the key-marker gutter (PK / FK) at the left of a row, px. */
export const ER_MARKER_WIDTH = 22;
/** Characters between a column name and its type. */
export const ER_GAP_CHARS = 2;
/** Bottom padding under the last row, px. */
export const ER_PADDING_BOTTOM = 4;
/** Narrowest and widest node, px (longer texts are cut with an ellipsis by `fitText`). */
export const ER_MIN_WIDTH = 150;
/** Widest node, px. */
export const ER_MAX_WIDTH = 380;
/** Default maximum of rows per node; key columns always stay visible, the rest folds into "… n more". */
export const ER_MAX_COLUMNS = 30;

/** A row of a node as drawn: a column, or the "… n more columns" fold. */
export type ErRow = { kind: 'column'; column: ErColumn } | { kind: 'more'; count: number };

/** The type text of a column as drawn: nullable columns end with `?`. */
export const typeLabel = (c: ErColumn): string => (c.nullable ? `${c.type}?` : c.type);

/** The text of a node's header. */
export const headerLabel = (n: ErNode): string => (n.kind === 'table' ? `${n.schema}.${n.name}` : `${n.schema}.${n.name} (${n.kind.replace('_', ' ')})`);

/** The rows a node shows: all columns up to `maxColumns`, otherwise key columns first in order, then a fold row. */
export function nodeRows(node: ErNode, maxColumns = ER_MAX_COLUMNS): ErRow[] {
  if (node.columns.length <= maxColumns) return node.columns.map((column) => ({ kind: 'column', column }));
  const keys = new Set(node.columns.filter((c) => c.pk || c.fk || c.ref));
  const room = Math.max(0, maxColumns - 1 - keys.size);
  let others = 0;
  const shown = node.columns.filter((c) => keys.has(c) || others++ < room);
  const rows: ErRow[] = shown.map((column) => ({ kind: 'column', column }));
  rows.push({ kind: 'more', count: node.columns.length - shown.length });
  return rows;
}

/** Size of a node, px. */
export interface ErSize {
  width: number;
  height: number;
}

/** Width and height of a node from its text. */
export function measureNode(node: ErNode, maxColumns = ER_MAX_COLUMNS): ErSize {
  const rows = nodeRows(node, maxColumns);
  let chars = 0;
  for (const r of rows) {
    const len = r.kind === 'column' ? r.column.name.length + ER_GAP_CHARS + typeLabel(r.column).length : `… ${r.count} more columns`.length;
    if (len > chars) chars = len;
  }
  const rowWidth = ER_PADDING_X * 2 + ER_MARKER_WIDTH + chars * ER_CHAR_WIDTH;
  const headerWidth = ER_PADDING_X * 2 + headerLabel(node).length * ER_CHAR_WIDTH;
  const width = Math.ceil(Math.min(ER_MAX_WIDTH, Math.max(ER_MIN_WIDTH, rowWidth, headerWidth)));
  const height = ER_HEADER_HEIGHT + rows.length * ER_ROW_HEIGHT + ER_PADDING_BOTTOM;
  return { width, height };
}

/** Y of the middle of row `index` (0-based), relative to the node's top: where an edge meets a column. */
export const rowCenterY = (index: number): number => ER_HEADER_HEIGHT + index * ER_ROW_HEIGHT + ER_ROW_HEIGHT / 2;

/** Row index of a column among the shown rows, or -1 when it is folded away. */
export function rowIndexOf(node: ErNode, column: string, maxColumns = ER_MAX_COLUMNS): number {
  return nodeRows(node, maxColumns).findIndex((r) => r.kind === 'column' && r.column.name === column);
}

/** Cuts `text` to at most `maxChars` characters, ending with an ellipsis when it was cut. */
export function fitText(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  return maxChars <= 1 ? '…' : `${text.slice(0, maxChars - 1)}…`;
}

/** How many characters fit in `px` pixels. */
export const charsIn = (px: number): number => Math.max(0, Math.floor(px / ER_CHAR_WIDTH));
