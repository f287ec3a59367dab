/**
 * Pure text rules of the results grid: how a cell reads in the grid, and copying a selection as
 * TSV, CSV, JSON or Markdown. Values arrive decoded (bigint, Decimal, Uint8Array, strings, …).
 */
import { isNumberLiteral, uniqueNames } from '../../../shared/exportText';
import type { ColumnMeta } from '../../../shared/query';
import { binaryPreview, binaryToHex, cellToText, Decimal, type CellValue, type Row } from '../../../shared/values';

/** How a cell is styled in the grid. */
export type CellKind = 'null' | 'number' | 'boolean' | 'binary' | 'text';

/** Longest text a grid cell renders; the cell viewer shows the rest. */
const GRID_TEXT_MAX = 300;

/** A cell's one-line display text and kind. */
export function displayCell(value: CellValue): { text: string; kind: CellKind } {
  if (value === null) return { text: 'NULL', kind: 'null' };
  if (typeof value === 'number' || typeof value === 'bigint' || value instanceof Decimal)
    return { text: String(value), kind: 'number' };
  if (typeof value === 'boolean') return { text: value ? 'true' : 'false', kind: 'boolean' };
  if (value instanceof Uint8Array) return { text: binaryPreview(value), kind: 'binary' };
  if (value instanceof Date) return { text: value.toISOString(), kind: 'text' };
  const short = value.length > GRID_TEXT_MAX ? `${value.slice(0, GRID_TEXT_MAX)}…` : value;
  return { text: short.replace(/\r?\n/g, ' ⏎ '), kind: 'text' };
}

/** Copy formats of a selection. */
export const COPY_FORMATS = ['tsv', 'csv', 'json', 'markdown'] as const;
/** One copy format. */
export type CopyFormat = (typeof COPY_FORMATS)[number];

/** Copies `rows` (already cut to the selected columns) with a header line, in `format`. */
export function formatRows(format: CopyFormat, columns: ColumnMeta[], rows: Row[]): string {
  switch (format) {
    case 'tsv':
      return [columns.map((c) => tsvField(c.name)), ...rows.map((r) => r.map(tsvField))]
        .map((cells) => cells.join('\t'))
        .join('\n');
    case 'csv':
      return [columns.map((c) => csvField(c.name)), ...rows.map((r) => r.map(csvField))]
        .map((cells) => cells.join(','))
        .join('\n');
    case 'json':
      return formatJson(columns, rows);
    case 'markdown':
      return formatMarkdown(columns, rows);
  }
}

/** A TSV field: tabs and newlines would break the grid a spreadsheet builds, so they are escaped. */
export function tsvField(v: CellValue): string {
  if (v === null) return 'NULL';
  return cellToText(v).replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\r?\n/g, '\\n');
}

/** A CSV field (RFC 4180): NULL is empty, '' is `""`, so they stay distinct. */
export function csvField(v: CellValue): string {
  if (v === null) return '';
  const text = cellToText(v);
  if (text === '') return '""';
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A cell as JSON text: 64-bit and exact numbers keep every digit (never through a float). */
export function jsonCell(v: CellValue): string {
  if (v === null) return 'null';
  if (typeof v === 'bigint') return v.toString();
  if (v instanceof Decimal) return isNumberLiteral(v.text) ? v.text : JSON.stringify(v.text);
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : JSON.stringify(String(v));
  if (typeof v === 'boolean') return String(v);
  if (v instanceof Uint8Array) return JSON.stringify(`\\x${binaryToHex(v)}`);
  return JSON.stringify(cellToText(v));
}

function formatJson(columns: ColumnMeta[], rows: Row[]): string {
  const keys = uniqueNames(columns.map((c) => c.name)).map((k) => JSON.stringify(k));
  const objects = rows.map(
    (r) => `  {${keys.map((k, i) => `${k}: ${jsonCell(r[i] ?? null)}`).join(', ')}}`,
  );
  return objects.length ? `[\n${objects.join(',\n')}\n]` : '[]';
}

/** A Markdown table cell: pipes escaped, newlines as <br>, NULL in italics. */
export function markdownCell(v: CellValue): string {
  if (v === null) return '*NULL*';
  return cellToText(v).replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
}

function formatMarkdown(columns: ColumnMeta[], rows: Row[]): string {
  const line = (cells: string[]): string => `| ${cells.join(' | ')} |`;
  const numeric = columns.map((_, i) => rows.length > 0 && rows.every((r) => isNumeric(r[i] ?? null)));
  return [
    line(columns.map((c) => markdownCell(c.name))),
    line(numeric.map((n) => (n ? '---:' : '---'))),
    ...rows.map((r) => line(columns.map((_, i) => markdownCell(r[i] ?? null)))),
  ].join('\n');
}

function isNumeric(v: CellValue): boolean {
  return v === null || typeof v === 'number' || typeof v === 'bigint' || v instanceof Decimal;
}

/** What the cell viewer shows: pretty JSON, hex dump for binary, or the full text. */
export function viewerText(value: CellValue): { text: string; mode: 'json' | 'hex' | 'text' | 'null' } {
  if (value === null) return { text: 'NULL', mode: 'null' };
  if (value instanceof Uint8Array) return { text: hexDump(value), mode: 'hex' };
  const text = cellToText(value);
  const trimmed = text.trim();
  if (typeof value === 'string' && /^[[{]/.test(trimmed)) {
    try {
      return { text: JSON.stringify(JSON.parse(trimmed), null, 2), mode: 'json' };
    } catch {
      /* not JSON: shown as text */
    }
  }
  return { text, mode: 'text' };
}

/** A classic hex dump: offset, 16 bytes in hex, and their printable ASCII. Bounded to 64 KB. */
export function hexDump(bytes: Uint8Array, maxBytes = 65_536): string {
  const lines: string[] = [];
  const n = Math.min(bytes.length, maxBytes);
  for (let off = 0; off < n; off += 16) {
    const chunk = bytes.subarray(off, Math.min(off + 16, n));
    const hex = Array.from(chunk, (b) => b.toString(16).padStart(2, '0')).join(' ');
    const ascii = Array.from(chunk, (b) => (b >= 32 && b < 127 ? String.fromCharCode(b) : '.')).join('');
    lines.push(`${off.toString(16).padStart(8, '0')}  ${hex.padEnd(47)}  ${ascii}`);
  }
  if (bytes.length > n) lines.push(`… ${bytes.length - n} more bytes`);
  return lines.join('\n');
}
