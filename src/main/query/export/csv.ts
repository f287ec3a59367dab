/**
 * CSV per RFC 4180, with one documented difference: records end with '\n' (not CRLF), which
 * every CSV reader accepts and diff tools prefer. A field is quoted when it contains a comma, a
 * quote, CR or LF; quotes double. NULL is an empty field and '' is `""`, so they stay distinct.
 * Binary is lower-case hex, dates ISO-8601 (see `cellToText`). UTF-8 without BOM.
 */
import type { ColumnMeta } from '../../../shared/query';
import { cellToText, type CellValue, type Row } from '../../../shared/values';
import type { RowWriter } from './types';

const NEEDS_QUOTES = /[",\r\n]/;

/** One CSV field. */
export function csvField(v: CellValue): string {
  if (v === null) return '';
  const text = cellToText(v);
  if (text === '') return '""';
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * A one-column line reading `\.` is PostgreSQL's end-of-data marker, so its COPY quotes it; we
 * do the same, which keeps such files loadable and our CSV byte-identical to COPY's.
 */
function singleField(v: CellValue): string {
  return v === '\\.' ? '"\\."' : csvField(v);
}

/** The CSV writer. */
export function csvWriter(columns: ColumnMeta[]): RowWriter {
  if (columns.length === 1) {
    return {
      header: () => singleField(columns[0]!.name) + '\n',
      rows: (batch: Row[]) => batch.map((row) => singleField(row[0] ?? null) + '\n').join(''),
      footer: () => '',
    };
  }
  return {
    header: () => columns.map((c) => csvField(c.name)).join(',') + '\n',
    rows(batch: Row[]): string {
      let out = '';
      for (const row of batch) {
        let line = '';
        for (let i = 0; i < columns.length; i++) line += (i ? ',' : '') + csvField(row[i] ?? null);
        out += line + '\n';
      }
      return out;
    },
    footer: () => '',
  };
}
