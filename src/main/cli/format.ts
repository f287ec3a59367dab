/** Text renderings of result sets for the CLI: an aligned table and the JSON document. */
import type { ColumnMeta } from '../../shared/query';
import { binaryToHex, cellToText, Decimal, type CellValue, type Row } from '../../shared/values';

/** One result set as the CLI prints it. */
export interface PrintedResult {
  columns: ColumnMeta[];
  rows: Row[];
  rowCount: number;
  rowsAffected: number | null;
  truncated: boolean;
}

/** A cell as JSON text: bigint and Decimal as exact number literals, binary as `0x…` hex. */
export function cellToJson(v: CellValue): string {
  if (v === null) return 'null';
  if (typeof v === 'bigint') return v.toString();
  if (v instanceof Decimal) return /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(v.text) ? v.text : JSON.stringify(v.text);
  if (v instanceof Uint8Array) return JSON.stringify(`0x${binaryToHex(v)}`);
  if (v instanceof Date) return JSON.stringify(v.toISOString());
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : JSON.stringify(String(v));
  return JSON.stringify(v);
}

/** The `--format json` document: `{"results":[{columns,rows,rowCount,rowsAffected}]}`. */
export function resultsToJson(results: PrintedResult[]): string {
  const parts = results.map((r) => {
    const cols = JSON.stringify(r.columns.map((c) => ({ name: c.name, type: c.type })));
    const rows = r.rows.map((row) => `[${row.map(cellToJson).join(',')}]`).join(',');
    const truncated = r.truncated ? ',"truncated":true' : '';
    return `{"columns":${cols},"rows":[${rows}],"rowCount":${r.rowCount},"rowsAffected":${r.rowsAffected === null ? 'null' : r.rowsAffected}${truncated}}`;
  });
  return `{"results":[${parts.join(',')}]}\n`;
}

const MAX_CELL = 60;

/** An aligned text table like psql's, NULL shown as `NULL`, long cells cut with `…`. */
export function resultToTable(r: PrintedResult): string {
  if (r.columns.length === 0) return r.rowsAffected === null ? 'OK\n' : `${r.rowsAffected} row(s) affected\n`;
  const text = r.rows.map((row) => row.map((v) => clip(cellToText(v, 'NULL').replace(/\s*\n\s*/g, ' ↵ '))));
  const widths = r.columns.map((c, i) => Math.max(c.name.length, ...text.map((row) => row[i]!.length)));
  const line = (cells: string[]): string => cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ').trimEnd();
  const out = [line(r.columns.map((c) => c.name)), widths.map((w) => '-'.repeat(w)).join('-+-'), ...text.map(line)];
  const more = r.truncated ? ` (showing ${r.rows.length} of ${r.rowCount})` : '';
  out.push(`(${r.rowCount} row${r.rowCount === 1 ? '' : 's'}${more})`);
  return `${out.join('\n')}\n`;
}

function clip(s: string): string {
  return s.length > MAX_CELL ? `${s.slice(0, MAX_CELL - 1)}…` : s;
}
