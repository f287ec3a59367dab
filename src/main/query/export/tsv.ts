/**
 * TSV in the text format PostgreSQL COPY and MySQL use: fields separated by tabs, rows by '\n',
 * never quoted; backslash, tab, LF and CR inside a value are written as `\\`, `\t`, `\n`, `\r`,
 * and NULL as `\N`, so NULL and '' stay distinct and every row stays on one line.
 */
import type { ColumnMeta } from '../../../shared/query';
import { cellToText, type CellValue, type Row } from '../../../shared/values';
import type { RowWriter } from './types';

const SPECIAL = /[\\\t\n\r]/g;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** One TSV field. */
export function tsvField(v: CellValue): string {
  if (v === null) return '\\N';
  return cellToText(v).replace(SPECIAL, (ch) => ESCAPES[ch]!);
}

/** The TSV writer. */
export function tsvWriter(columns: ColumnMeta[]): RowWriter {
  return {
    header: () => columns.map((c) => tsvField(c.name)).join('\t') + '\n',
    rows(batch: Row[]): string {
      let out = '';
      for (const row of batch) {
        let line = '';
        for (let i = 0; i < columns.length; i++) line += (i ? '\t' : '') + tsvField(row[i] ?? null);
        out += line + '\n';
      }
      return out;
    },
    footer: () => '',
  };
}
